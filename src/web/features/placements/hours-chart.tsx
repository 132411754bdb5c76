import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { HOUR_KINDS, type HourKind, type TimesheetSummary } from "../../../contracts/placements";
import { type BarSeries, GroupedBarChart } from "../../ui/bar-chart";
import { isoWeek } from "./format";

const KIND_COLOR: Record<HourKind, string> = {
  normal: "var(--mantine-color-indigo-text)",
  overtime: "var(--mantine-color-orange-text)",
  travel: "var(--mantine-color-teal-text)",
};

/** More bars than this no longer fit their labels: the chart shows the latest weeks. */
export const CHART_WEEKS = 26;

/** The bars of the latest weeks, oldest first, one bar per kind of hours. */
export function chartGroups(weeks: readonly TimesheetSummary[], longLabel: (week: string) => string) {
  return [...weeks]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .slice(-CHART_WEEKS)
    .map((w) => ({
      label: String(isoWeek(w.week)?.week ?? w.week),
      longLabel: longLabel(w.week),
      values: HOUR_KINDS.map((kind) => w.totals[kind]),
    }));
}

/** "Uren per week": normal, overtime and travel hours of each week as bars. */
export function HoursChart({ weeks }: { weeks: readonly TimesheetSummary[] }) {
  const { t } = useTranslation();
  if (weeks.length === 0) return <Text c="dimmed">{t("placements.chart.empty")}</Text>;
  const series: BarSeries[] = HOUR_KINDS.map((kind) => ({
    label: t(`placements.hours.${kind}`),
    color: KIND_COLOR[kind],
  }));
  const weekLabel = (week: string) => {
    const parsed = isoWeek(week);
    return parsed ? t("placements.weeks.weekOf", parsed) : week;
  };
  return (
    <GroupedBarChart
      caption={
        weeks.length > CHART_WEEKS
          ? t("placements.chart.captionLatest", { count: CHART_WEEKS })
          : t("placements.chart.caption")
      }
      groupHeader={t("placements.weeks.week")}
      series={series}
      groups={chartGroups(weeks, weekLabel)}
    />
  );
}
