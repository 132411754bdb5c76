import { Badge, Table, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  HOUR_KINDS,
  type HourKind,
  type Timesheet,
  type TimesheetStatus,
} from "../../../contracts/placements";
import { meQuery } from "../account/me-query";
import { Notice } from "../identity/forms";
import { useSide } from "../navigation/side";
import { PageLoader } from "../vacancies/ui";
import { type TimesheetsView, timesheetsView } from "./access";
import { useTimesheetFormat } from "./format";
import { dayTotal, gridOf, kindTotal, parseHours } from "./week";

/** Dark shades: white badge text on them passes the contrast check. */
const STATUS_COLOR: Record<TimesheetStatus, string> = {
  draft: "gray.7",
  submitted: "indigo.9",
  approved: "teal.9",
  rejected: "red.9",
};

const BADGE_STYLE = { style: { overflow: "visible" }, styles: { label: { overflow: "visible" } } } as const;

/** Concept, Verzonden, Goedgekeurd, Afgekeurd, or "Nog niet ingevuld" for a week nobody saved. */
export function TimesheetStatusBadge({ status }: { status: TimesheetStatus | null }) {
  const { t } = useTranslation();
  if (status === null)
    return (
      <Badge color="gray" variant="outline" {...BADGE_STYLE}>
        {t("timesheets.status.none")}
      </Badge>
    );
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" {...BADGE_STYLE}>
      {t(`timesheets.status.${status}`)}
    </Badge>
  );
}

/** Signed-in people with a timesheets view; a visitor signs in first and comes back. */
export function RequireTimesheets({
  path,
  children,
}: {
  path: string;
  children: (view: TimesheetsView) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const side = useSide();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  const view = timesheetsView(me.data.roles, side);
  if (!view) return <Notice color="orange">{t("timesheets.notForYou")}</Notice>;
  return <>{children(view)}</>;
}

/** The kinds with hours in a week; normal hours always. */
function kindsShown(timesheet: Timesheet): HourKind[] {
  return HOUR_KINDS.filter((kind) => kind === "normal" || timesheet.entries.some((e) => e.kind === kind));
}

/** A week read-only: the days by kinds of hours, with the totals per day and per kind. */
export function WeekTable({ timesheet }: { timesheet: Timesheet }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const grid = gridOf(timesheet.weekStart, timesheet.entries);
  const kinds = kindsShown(timesheet);
  const cell = (value: number | string) => {
    const hours = parseHours(value);
    return hours > 0 ? format.hours(hours) : "–";
  };
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" striped>
        <caption>
          <VisuallyHidden>{format.week(timesheet.weekStart)}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("timesheets.grid.day")}</Table.Th>
            {kinds.map((kind) => (
              <Table.Th scope="col" key={kind} ta="right">
                {t(`timesheets.kinds.${kind}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t("timesheets.grid.dayTotal")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timesheet.days.map((day, i) => (
            <Table.Tr key={day.date}>
              <Table.Th scope="row" fw={500}>
                {format.day(day.date)}
                {!day.inPlacement && (
                  <Text component="span" size="sm" c="dimmed">
                    {" "}
                    ({t("timesheets.grid.outside")})
                  </Text>
                )}
              </Table.Th>
              {kinds.map((kind) => (
                <Table.Td key={kind} ta="right">
                  {cell(grid[kind][i] ?? "")}
                </Table.Td>
              ))}
              <Table.Td ta="right">{cell(dayTotal(grid, i))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("timesheets.grid.weekTotal")}</Table.Th>
            {kinds.map((kind) => (
              <Table.Td key={kind} ta="right" fw={700}>
                {format.hours(kindTotal(grid, kind))}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              {format.hours(kinds.reduce((sum, kind) => sum + kindTotal(grid, kind), 0))}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
