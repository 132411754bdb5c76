import { Button, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Timesheet } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { NotFoundPage } from "../../routes/not-found";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { usePageTitle } from "../navigation/page-title";
import { PageLoader, Section } from "../vacancies/ui";
import type { TimesheetsView } from "./access";
import { editorHref, weekHref } from "./candidate-weeks";
import { type Decided, DecisionSection } from "./decision";
import { useTimesheetFormat } from "./format";
import { RequireTimesheets, TimesheetStatusBadge, WeekTable } from "./timesheet-ui";
import { timesheetQuery } from "./timesheets-api";

/** "Verzonden door X op …", "Afgekeurd door Y op …: reason", oldest first. */
function WeekLog({ log }: { log: Timesheet["log"] }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  if (log.length === 0) return null;
  const logLine = (entry: Timesheet["log"][number]) => {
    const line = t(`timesheets.log.${entry.action}`, {
      name: entry.by?.name ?? t("timesheets.log.someone"),
      date: format.moment(entry.at),
    });
    return entry.comment ? t("timesheets.log.withComment", { line, comment: entry.comment }) : line;
  };
  return (
    <Section title={t("timesheets.log.title")}>
      <Stack gap={6} component="ol" className="werkbrug-plain-list">
        {log.map((entry) => (
          <li key={`${entry.action}-${entry.at}`}>
            <Text size="sm">{logLine(entry)}</Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}

function WeekDetails({ id, view }: { id: string; view: TimesheetsView }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const errorText = useErrorText();
  const query = useQuery(timesheetQuery(id));
  const [decided, setDecided] = useState<Decided | null>(null);
  const notFound =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
  const ts = query.data;
  const title = ts
    ? view === "candidate"
      ? format.week(ts.weekStart)
      : t("timesheets.week.pageTitle", { name: ts.candidate.name, week: format.weekNumber(ts.weekStart) })
    : t("timesheets.week.title");
  // Recruiters come from the placement's page; the others from their list of weeks.
  const parent = view === "recruiter" && ts ? `/plaatsingen/${ts.placementId}` : "/urenstaten";
  usePageTitle(notFound ? t("notFound.title") : title, parent);
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return notFound ? <NotFoundPage /> : <Notice color="red">{errorText(query.error)}</Notice>;
  const timesheet = query.data;
  return (
    <Stack gap="lg" maw={900} mx="auto">
      {decided && (
        <Notice color="green" status>
          {t(decided === "approve" ? "timesheets.decision.approvedDone" : "timesheets.decision.rejectedDone")}
        </Notice>
      )}
      <Section
        title={t("timesheets.editor.heading", { week: format.week(timesheet.weekStart) })}
        action={<TimesheetStatusBadge status={timesheet.status} />}
      >
        <Stack gap="md">
          <dl className="werkbrug-facts">
            {view !== "candidate" && (
              <>
                <dt>{t("timesheets.columns.candidate")}</dt>
                <dd>{timesheet.candidate.name}</dd>
              </>
            )}
            <dt>{t("timesheets.columns.vacancy")}</dt>
            <dd>{timesheet.vacancy.displayTitle}</dd>
            <dt>{t("timesheets.columns.employer")}</dt>
            <dd>{timesheet.employer.name}</dd>
            <dt>{t("timesheets.columns.total")}</dt>
            <dd>{t("timesheets.week.hours", { hours: format.hours(timesheet.totals.total) })}</dd>
          </dl>
          {timesheet.status === "rejected" && timesheet.decisionComment && (
            <Notice color="orange" title={t("timesheets.week.rejectedTitle")}>
              {timesheet.decisionComment}
            </Notice>
          )}
          <WeekTable timesheet={timesheet} />
          <div>
            <Text fw={600}>{t("timesheets.editor.remark")}</Text>
            <Text style={{ whiteSpace: "pre-line" }} c={timesheet.remark ? undefined : "dimmed"}>
              {timesheet.remark || t("timesheets.week.noRemark")}
            </Text>
          </div>
          {timesheet.mayEdit && view === "candidate" && (
            <Button
              component={AppLink}
              href={editorHref(timesheet.placementId, timesheet.weekStart)}
              leftSection={<IconPencil size={18} aria-hidden="true" />}
              style={{ alignSelf: "flex-start" }}
            >
              {timesheet.status === "rejected"
                ? t("timesheets.mine.actions.correct")
                : t("timesheets.week.edit")}
            </Button>
          )}
        </Stack>
      </Section>
      {timesheet.mayDecide && <DecisionSection timesheet={timesheet} onDecided={setDecided} />}
      <WeekLog log={timesheet.log} />
    </Stack>
  );
}

/** "/urenstaten/week/$timesheetId": one week read-only with its log, and the decision when it is the caller's. */
export function TimesheetWeekPage({ timesheetId }: { timesheetId: string }) {
  return (
    <RequireTimesheets path={weekHref(timesheetId)}>
      {(view) => <WeekDetails key={timesheetId} id={timesheetId} view={view} />}
    </RequireTimesheets>
  );
}
