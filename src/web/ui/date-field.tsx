import { DateInput } from "@mantine/dates";
import "@mantine/dates/styles.css";
import "dayjs/locale/de";
import "dayjs/locale/en-gb";
import "dayjs/locale/fr";
import "dayjs/locale/nl";
import type { MantineStyleProp, StyleProp } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentUiLocale } from "../i18n";
import { DATE_FIELD_FORMATS, DATE_FIELD_HINTS, parseTypedDay } from "./dates";

const DAYJS_LOCALES = { nl: "nl", en: "en-gb", de: "de", fr: "fr" } as const;

export interface DateFieldProps {
  label: string;
  /** A calendar day as YYYY-MM-DD, or "" when empty. */
  value: string;
  /** Called with YYYY-MM-DD, or "" when the field is emptied. */
  onChange: (value: string) => void;
  description?: React.ReactNode;
  error?: React.ReactNode;
  required?: boolean;
  /** The first and last day that may be chosen (YYYY-MM-DD). */
  min?: string;
  max?: string;
  autoComplete?: string;
  maw?: StyleProp<React.CSSProperties["maxWidth"]>;
  style?: MantineStyleProp;
}

/**
 * A calendar day written as the screen's language writes it ("07-12-2026" in Dutch), whatever the
 * browser's own locale, which a native `<input type="date">` follows. It can be typed (day first,
 * any separator, see `parseTypedDay`) or picked in a calendar in the screen's language that starts
 * on Monday. Text that is not a day is put back to the last valid value when the field is left.
 */
export function DateField({ value, onChange, min, max, ...props }: DateFieldProps) {
  // useTranslation re-renders the field when the screen's language changes.
  const { t } = useTranslation();
  const locale = currentUiLocale();
  return (
    <DateInput
      {...props}
      value={value === "" ? null : value}
      onChange={(day) => onChange(day ?? "")}
      minDate={min || undefined}
      maxDate={max || undefined}
      valueFormat={DATE_FIELD_FORMATS[locale]}
      dateParser={parseTypedDay}
      placeholder={DATE_FIELD_HINTS[locale]}
      locale={DAYJS_LOCALES[locale]}
      firstDayOfWeek={1}
      // Mantine greys the weekday names and paints weekends red, both below 4.5:1 on white; a
      // Dutch calendar needs neither, and days of other months only crowd the grid.
      weekendDays={[]}
      hideOutsideDates
      styles={{ weekday: { color: "var(--mantine-color-text)" } }}
      // In the page, not a portal: the calendar stays inside the form's landmark; shown at once, not
      // faded in, so it is never read half-transparent.
      popoverProps={{ withinPortal: false, transitionProps: { duration: 0 } }}
      clearable={!props.required}
      allowDeselect={!props.required}
      clearButtonProps={{ "aria-label": t("dateField.clear") }}
      ariaLabels={{
        nextMonth: t("dateField.nextMonth"),
        previousMonth: t("dateField.previousMonth"),
        nextYear: t("dateField.nextYear"),
        previousYear: t("dateField.previousYear"),
        nextDecade: t("dateField.nextDecade"),
        previousDecade: t("dateField.previousDecade"),
        // The month and year buttons are named by what they show ("december 2026").
      }}
    />
  );
}
