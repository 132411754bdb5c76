import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CandidateWeeks } from "./candidate-weeks";
import { ReviewLists } from "./review-lists";
import { RequireTimesheets } from "./timesheet-ui";

/**
 * "/urenstaten" (Carerix "Urenstaten"): the placed candidate's weeks to fill in; for an
 * employer's contact person (or a recruiter) the weeks to approve and those decided.
 */
export function TimesheetsPage() {
  const { t } = useTranslation();
  return (
    <RequireTimesheets path="/urenstaten">
      {(view) => (
        <Stack gap="lg" maw={1100} mx="auto">
          <Text>{t(`timesheets.intro.${view}`)}</Text>
          {view === "candidate" ? <CandidateWeeks /> : <ReviewLists view={view} />}
        </Stack>
      )}
    </RequireTimesheets>
  );
}
