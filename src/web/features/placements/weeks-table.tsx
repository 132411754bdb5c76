import { Anchor, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { HOUR_KINDS, type HourTotals, type TimesheetSummary } from "../../../contracts/placements";
import { intlLocale } from "../../i18n";
import { AppLink } from "../../ui/app-link";
import { useLocale } from "../language/language-control";
import { formatDate, formatDay } from "../vacancies/format";
import { formatTime, isoWeek } from "./format";
import { setuUrl } from "./placements-api";
import { useNumbers, WeekStatusBadge } from "./ui";

function HourCells({ totals }: { totals: HourTotals }) {
  const numbers = useNumbers();
  return (
    <>
      {HOUR_KINDS.map((kind) => (
        <Table.Td key={kind} ta="right">
          {numbers.hours(totals[kind])}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700}>
        {numbers.hours(totals.total)}
      </Table.Td>
    </>
  );
}

/** A moment as the date with the time under it (keeps the table narrow). */
function Moment({ at }: { at: string }) {
  const locale = useLocale();
  return (
    <Stack gap={0} component="span">
      <span style={{ whiteSpace: "nowrap" }}>{formatDate(at, locale)}</span>
      <Text span size="xs" c="dimmed">
        {formatTime(at, intlLocale(locale))}
      </Text>
    </Stack>
  );
}

function WeekRow({ week }: { week: TimesheetSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parsed = isoWeek(week.week);
  const name = parsed ? t("placements.weeks.weekOf", parsed) : week.week;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400} style={{ whiteSpace: "nowrap" }}>
        <Stack gap={0}>
          <span>{name}</span>
          <Text size="xs" c="dimmed">
            {t("placements.weeks.from", { date: formatDay(week.weekStart, locale) })}
          </Text>
        </Stack>
      </Table.Th>
      <Table.Td>
        <WeekStatusBadge status={week.status} />
      </Table.Td>
      <HourCells totals={week.totals} />
      <Table.Td>{week.submittedAt ? <Moment at={week.submittedAt} /> : "–"}</Table.Td>
      <Table.Td>
        {week.decidedAt ? (
          <Stack gap={0}>
            <span>{week.decidedBy?.name ?? t("placements.weeks.unknownPerson")}</span>
            <Moment at={week.decidedAt} />
          </Stack>
        ) : (
          "–"
        )}
      </Table.Td>
      <Table.Td>
        {week.id && (
          <Stack gap={2}>
            <Anchor component={AppLink} href={`/urenstaten/week/${week.id}`} size="sm">
              {t("placements.weeks.open")}
              <VisuallyHidden> {name}</VisuallyHidden>
            </Anchor>
            {week.status === "approved" && (
              <Anchor href={setuUrl(week.id)} download size="sm">
                {t("placements.weeks.setu")}
                <VisuallyHidden> {name}</VisuallyHidden>
              </Anchor>
            )}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Every week of the placement, newest first, with the totals under them. */
export function WeeksTable({ weeks, totals }: { weeks: readonly TimesheetSummary[]; totals: HourTotals }) {
  const { t } = useTranslation();
  if (weeks.length === 0) return <Text c="dimmed">{t("placements.weeks.none")}</Text>;
  const newestFirst = [...weeks].sort((a, b) => b.weekStart.localeCompare(a.weekStart));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Caption c="dimmed">{t("placements.weeks.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("placements.weeks.week")}</Table.Th>
            <Table.Th scope="col">{t("placements.weeks.status")}</Table.Th>
            {HOUR_KINDS.map((kind) => (
              <Table.Th key={kind} scope="col" ta="right">
                {t(`placements.hours.${kind}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t("placements.hours.total")}
            </Table.Th>
            <Table.Th scope="col">{t("placements.weeks.submitted")}</Table.Th>
            <Table.Th scope="col">{t("placements.weeks.decided")}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t("placements.weeks.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((week) => (
            <WeekRow key={week.weekStart} week={week} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("placements.weeks.totals")}</Table.Th>
            <Table.Td />
            <HourCells totals={totals} />
            <Table.Td colSpan={3} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
