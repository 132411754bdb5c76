/*
 * Dates in the screen's language, never the browser's: a Dutch screen shows "7 dec 2026" also in
 * a browser set to en-US. Pure functions of a BCP 47 tag (from `intlLocale()` in ../i18n), so
 * they are tested without a browser; each Intl formatter is made once per tag and style.
 */

import { dateTimeFormat } from "../../contracts/intl";

export type DateStyle = "medium" | "long" | "dateTime" | "monthYear";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: "medium" },
  long: { dateStyle: "long" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  monthYear: { month: "short", year: "numeric" },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a tag and style; `utc` for calendar days kept as YYYY-MM-DD. */
export function dateFormatter(tag: string, style: DateStyle, utc = false): Intl.DateTimeFormat {
  const key = `${tag}|${style}|${utc ? "utc" : "local"}`;
  let format = formats.get(key);
  if (!format) {
    format = dateTimeFormat(tag, utc ? { ...OPTIONS[style], timeZone: "UTC" } : OPTIONS[style]);
    formats.set(key, format);
  }
  return format;
}

/** A moment (ISO timestamp) as a date: "7 dec 2026" (nl-NL), "7 Dec 2026" (en-GB). */
export function formatDate(iso: string, tag: string, style: "medium" | "long" = "medium"): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormatter(tag, style).format(date);
}

/** A moment with its time of day, in the browser's time zone: "7 dec 2026, 16:05". */
export function formatDateTime(iso: string, tag: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormatter(tag, "dateTime").format(date);
}

/** A calendar day (YYYY-MM-DD) as people write it, without a time zone shifting it: "22 dec 2026". */
export function formatDay(iso: string, tag: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return dateFormatter(tag, "medium", true).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A calendar day or month (YYYY-MM[-DD]) as its month and year: "mrt 2013", "Mar 2013". */
export function formatMonthYear(iso: string, tag: string): string {
  const [y, m] = iso.split("-").map(Number);
  if (!y || !m) return iso;
  return dateFormatter(tag, "monthYear", true).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * How a date field shows a calendar day, per screen language (dayjs tokens): every language we
 * speak writes the day first, so "7-12-2026" never means July.
 */
export const DATE_FIELD_FORMATS = {
  nl: "DD-MM-YYYY",
  en: "DD/MM/YYYY",
  de: "DD.MM.YYYY",
  fr: "DD/MM/YYYY",
} as const;

/** The format as people read it in a hint: "dd-mm-jjjj", "dd/mm/yyyy", "TT.MM.JJJJ", "jj/mm/aaaa". */
export const DATE_FIELD_HINTS = {
  nl: "dd-mm-jjjj",
  en: "dd/mm/yyyy",
  de: "TT.MM.JJJJ",
  fr: "jj/mm/aaaa",
} as const;

const DAY_FIRST = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A typed calendar day as YYYY-MM-DD, or null when it is not one: day first with "-", "/", "."
 * or spaces between ("7-12-2026", "07/12/2026", "7.12.2026"), or already ISO ("2026-12-07",
 * what a pasted value or an older browser gives). A four-digit year is required: "01-02-03" could
 * be a birth year in either century.
 */
export function parseTypedDay(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO_DAY.exec(trimmed);
  const dayFirst = iso ? null : DAY_FIRST.exec(trimmed);
  const parts = iso
    ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    : dayFirst
      ? { y: Number(dayFirst[3]), m: Number(dayFirst[2]), d: Number(dayFirst[1]) }
      : null;
  if (!parts || parts.y < 1000) return null;
  const date = new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
  if (
    date.getUTCFullYear() !== parts.y ||
    date.getUTCMonth() !== parts.m - 1 ||
    date.getUTCDate() !== parts.d
  )
    return null;
  return date.toISOString().slice(0, 10);
}
