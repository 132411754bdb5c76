import { Anchor, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyPlacement, TimesheetSummary } from "../../../contracts/placements";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import { type TimesheetFormat, useTimesheetFormat } from "./format";
import { TimesheetStatusBadge } from "./timesheet-ui";
import { myPlacementsQuery } from "./timesheets-api";

export const editorHref = (placementId: string, weekStart: string) =>
  `/urenstaten/${placementId}/${weekStart}`;
export const weekHref = (timesheetId: string) => `/urenstaten/week/${timesheetId}`;

const STATE_COLOR = { upcoming: "indigo.9", active: "teal.9", ended: "gray.7" } as const;

/** Where a week leads: fill in (none or draft), correct (rejected), or look (sent or approved). */
function WeekAction({ week, format }: { week: TimesheetSummary; format: TimesheetFormat }) {
  const { t } = useTranslation();
  const sent = week.status === "submitted" || week.status === "approved";
  const action = sent ? "view" : week.status === "rejected" ? "correct" : week.status ? "continue" : "fill";
  const href = sent && week.id ? weekHref(week.id) : editorHref(week.placementId, week.weekStart);
  return (
    <Anchor component={AppLink} href={href} fw={600}>
      {t(`timesheets.mine.actions.${action}`)}
      <VisuallyHidden>, {format.weekNumber(week.weekStart)}</VisuallyHidden>
    </Anchor>
  );
}

function PlacementWeeks({ item }: { item: MyPlacement }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const { placement, weeks } = item;
  const period = placement.endDate
    ? t("timesheets.mine.period", {
        from: format.date(placement.startDate),
        to: format.date(placement.endDate),
      })
    : t("timesheets.mine.from", { from: format.date(placement.startDate) });
  return (
    <Section title={placement.vacancy.displayTitle}>
      <Stack gap="sm">
        <Group gap="xs">
          <Text>
            {placement.employer.name} · {period}
          </Text>
          <PlainBadge color={STATE_COLOR[placement.state]}>
            {t(`timesheets.mine.state.${placement.state}`)}
          </PlainBadge>
        </Group>
        {weeks.length === 0 ? (
          <Text c="dimmed">
            {t("timesheets.mine.noWeeksYet", { date: format.date(placement.startDate) })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("timesheets.columns.week")}</Table.Th>
                  <Table.Th scope="col">{t("timesheets.columns.status")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("timesheets.columns.hours")}
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("timesheets.columns.action")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weeks.map((week) => (
                  <Table.Tr key={week.weekStart}>
                    <Table.Td>{format.week(week.weekStart)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <TimesheetStatusBadge status={week.status} />
                        {week.status === "rejected" && week.decisionComment && (
                          <Text size="sm">
                            {t("timesheets.mine.rejectedBecause", {
                              name: week.decidedBy?.name ?? t("timesheets.log.someone"),
                              comment: week.decisionComment,
                            })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">{week.status ? format.hours(week.totals.total) : "–"}</Table.Td>
                    <Table.Td>
                      <WeekAction week={week} format={format} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}

/** The placed candidate's "Urenstaten": per placement its weeks, newest first. */
export function CandidateWeeks() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(myPlacementsQuery);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  if (query.data.length === 0) return <Text>{t("timesheets.mine.none")}</Text>;
  return (
    <Stack gap="lg">
      {query.data.map((item) => (
        <PlacementWeeks key={item.placement.id} item={item} />
      ))}
    </Stack>
  );
}
