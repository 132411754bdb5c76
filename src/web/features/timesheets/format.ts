import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n";
import { formatDateTime } from "../../ui/dates";
import { useUiLocale } from "../language/language-control";
import { formatDayLong, formatDayShort, formatWeekRange, hoursFormat, isoWeek } from "./week";

/** The screen language's formats, for the timesheet pages. */
export function useTimesheetFormat() {
  const { t } = useTranslation();
  const locale = intlLocale(useUiLocale());
  const hours = hoursFormat(locale);
  return {
    locale,
    hours: (value: number) => hours.format(value),
    day: (iso: string) => formatDayShort(iso, locale),
    date: (iso: string) => formatDayLong(iso, locale),
    /** A moment (submitted at, decided at) with its time. */
    moment: (iso: string) => formatDateTime(iso, locale),
    /** "week 49" */
    weekNumber: (weekStart: string) => t("timesheets.week.number", { week: isoWeek(weekStart)?.week ?? "?" }),
    /** "week 49, 7–13 dec 2026" */
    week: (weekStart: string) =>
      t("timesheets.week.label", {
        week: isoWeek(weekStart)?.week ?? "?",
        range: formatWeekRange(weekStart, locale),
      }),
  };
}

export type TimesheetFormat = ReturnType<typeof useTimesheetFormat>;
