import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { InvolvedVacanciesResponseSchema, type InvolvedVacancy } from "../../../contracts/vacancy-team";
import { api } from "../../api";
import { intlLocale } from "../../i18n";
import { AppLink } from "../../ui/app-link";
import { GroupedBarChart } from "../../ui/bar-chart";
import { formatDay } from "../../ui/dates";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";

export const involvedVacanciesQuery = queryOptions({
  queryKey: ["vacancies", "involved"],
  queryFn: ({ signal }) => api("/api/v1/vacancies/involved", InvolvedVacanciesResponseSchema, { signal }),
});

/**
 * "Vacatures" of a leader or jury member (Vlimpers): the vacancies they are on, each once its
 * first applicant applied, with the applicants per phase as a chart.
 */
export function InvolvedVacanciesPage() {
  const { t } = useTranslation();
  const list = useQuery(involvedVacanciesQuery);
  if (list.isPending) return <Loader aria-label={t("vacancies.involved.loading")} />;
  if (list.isError) return <FormError error={list.error} />;
  return (
    <Stack gap="md">
      <Text>{t("vacancies.involved.intro")}</Text>
      {list.data.items.length === 0 ? (
        <Text c="dimmed">{t("vacancies.involved.none")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {list.data.items.map((vacancy) => (
            <InvolvedCard key={vacancy.id} vacancy={vacancy} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function InvolvedCard({ vacancy }: { vacancy: InvolvedVacancy }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-label={vacancy.displayTitle}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h3">
              {vacancy.displayTitle}
            </Title>
            <Text size="sm" c="dimmed">
              {vacancy.organisationName}
              {vacancy.closesOn
                ? ` · ${t("vacancies.involved.closes", { date: formatDay(vacancy.closesOn, intlLocale(locale)) })}`
                : ""}
            </Text>
          </div>
          <Group gap={4}>
            {vacancy.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`vacancies.involved.role.${role}`)}
              </Badge>
            ))}
          </Group>
        </Group>
        <Group justify="space-between">
          <Text fw={600}>{t("vacancies.involved.applicants", { count: vacancy.applicants })}</Text>
          <Group gap="xs">
            <Button
              component={AppLink}
              href={`/vacaturebeheer/${vacancy.id}/sollicitanten`}
              variant="light"
              aria-label={t("vacancies.involved.open", { title: vacancy.displayTitle })}
            >
              {t("vacancies.involved.openShort")}
            </Button>
            {vacancy.roles.includes("jury") && (
              // Issue 16: the jury member's own scoring page (selection-results feature).
              <Button
                component={AppLink}
                href={`/vacaturebeheer/${vacancy.id}/beoordeling`}
                aria-label={t("selectionResults.involved.score", { title: vacancy.displayTitle })}
              >
                {t("selectionResults.involved.scoreShort")}
              </Button>
            )}
          </Group>
        </Group>
        <GroupedBarChart
          caption={t("vacancies.involved.chart", { title: vacancy.displayTitle })}
          groupHeader={t("vacancies.involved.phase")}
          series={[{ label: t("vacancies.involved.series"), color: "var(--mantine-color-blue-8)" }]}
          groups={vacancy.phases.map((p) => ({ label: p.label, values: [p.count] }))}
          height={180}
        />
      </Stack>
    </Card>
  );
}
