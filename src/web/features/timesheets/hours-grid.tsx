import { NumberInput, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HourKind, Timesheet } from "../../../contracts/placements";
import { useTimesheetFormat } from "./format";
import {
  type CellRef,
  type CellValue,
  cellKey,
  dayTotal,
  type HourGrid,
  hoursFormat,
  kindTotal,
} from "./week";

/** The decimal sign the reader writes ("," or "."); the other one is accepted as well. */
function decimalSign(locale: string): string {
  return (
    hoursFormat(locale)
      .formatToParts(1.5)
      .find((p) => p.type === "decimal")?.value ?? ","
  );
}

export interface HoursGridProps {
  weekStart: string;
  days: Timesheet["days"];
  kinds: readonly HourKind[];
  grid: HourGrid;
  /** Messages per cell (`cellKey`), from the form's own check or the server. */
  errors: Readonly<Record<string, string>>;
  onChange: (cell: CellRef, value: CellValue) => void;
}

/** The week to fill in: a row per day, a column per kind of hours, quarter hours, totals. */
export function HoursGrid({ weekStart, days, kinds, grid, errors, onChange }: HoursGridProps) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const decimal = decimalSign(format.locale);
  return (
    <Table.ScrollContainer minWidth={kinds.length > 1 ? 560 : 360}>
      <Table verticalSpacing={6} style={{ verticalAlign: "top" }}>
        <caption>
          <VisuallyHidden>{t("timesheets.grid.caption", { week: format.week(weekStart) })}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("timesheets.grid.day")}</Table.Th>
            {kinds.map((kind) => (
              <Table.Th scope="col" key={kind}>
                {t(`timesheets.kinds.${kind}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t("timesheets.grid.dayTotal")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day, index) => {
            const dayLabel = format.day(day.date);
            return (
              <Table.Tr key={day.date}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap", paddingTop: 14 }}>
                  {dayLabel}
                  {!day.inPlacement && (
                    <Text size="sm" c="dimmed" fw={400}>
                      {t("timesheets.grid.outside")}
                    </Text>
                  )}
                </Table.Th>
                {kinds.map((kind) => {
                  const cell = { day: index, kind };
                  return (
                    <Table.Td key={kind}>
                      <NumberInput
                        aria-label={t("timesheets.grid.cellLabel", {
                          kind: t(`timesheets.kinds.${kind}`),
                          day: dayLabel,
                        })}
                        value={grid[kind][index] ?? ""}
                        onChange={(value) => onChange(cell, value)}
                        disabled={!day.inPlacement}
                        error={errors[cellKey(cell)]}
                        step={0.25}
                        min={0}
                        max={24}
                        clampBehavior="none"
                        allowNegative={false}
                        decimalScale={2}
                        decimalSeparator={decimal}
                        allowedDecimalSeparators={[".", ","]}
                        inputMode="decimal"
                        w={120}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" style={{ paddingTop: 14 }} data-day-total>
                  {format.hours(dayTotal(grid, index))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("timesheets.grid.weekTotal")}</Table.Th>
            {kinds.map((kind) => (
              <Table.Td key={kind} fw={700}>
                {format.hours(kindTotal(grid, kind))}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700} data-week-total>
              {format.hours(kinds.reduce((sum, kind) => sum + kindTotal(grid, kind), 0))}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
