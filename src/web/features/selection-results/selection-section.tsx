import { Button, Stack, Text } from "@mantine/core";
import { IconClipboardCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { Section } from "../vacancies/ui";
import { ApprovalStatus } from "./selection-page";
import { selectionQuery } from "./selection-results-api";

/**
 * On the vacancy's page: where its selection and PV stand (waiting with X, approved, rejected
 * with remarks) and the way to the scores. Shown only to the officer and the jury (the
 * selection answers them; anyone else gets a 403 or 404 and sees nothing).
 */
export function SelectionSection({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ ...selectionQuery(vacancyId), throwOnError: false });
  if (!query.isSuccess) return null;
  const data = query.data;
  return (
    <Section title={t("selectionResults.section.title")}>
      <Stack gap="sm">
        <Text size="sm">
          {t("selectionResults.section.summary", {
            parts: data.parts.length,
            applicants: data.applicants.length,
          })}
        </Text>
        {data.permissions.manage && <ApprovalStatus approval={data.approval} />}
        <Button
          component={AppLink}
          href={`/vacaturebeheer/${vacancyId}/beoordeling`}
          variant="light"
          leftSection={<IconClipboardCheck aria-hidden="true" size={16} />}
          style={{ alignSelf: "flex-start" }}
        >
          {data.permissions.manage ? t("selectionResults.section.open") : t("selectionResults.section.score")}
        </Button>
      </Stack>
    </Section>
  );
}
