import type { Locale } from "../../../contracts/common";
import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import type { Audience, VacancyStatus } from "../../../contracts/vacancies";
import { intlLocale } from "../../i18n";
import * as dates from "../../ui/dates";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Today in the Dutch calendar, as the server counts publication and closing days. */
export function todayIso(now: Date = new Date()): string {
  return dateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** yyyy-mm-dd plus whole days (for defaults such as "closes in a month"). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A vacancy is open up to and including its closing day. */
export function isExpired(closesOn: string | null, today: string = todayIso()): boolean {
  return closesOn !== null && closesOn < today;
}

/** A calendar day (yyyy-mm-dd) as people write it, without a time zone shifting it. */
export function formatDay(iso: string, locale: Locale): string {
  return dates.formatDay(iso, intlLocale(locale));
}

/** A moment (ISO timestamp) as a date. */
export function formatDate(iso: string, locale: Locale): string {
  return dates.formatDate(iso, intlLocale(locale));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return dates.formatDateTime(iso, intlLocale(locale));
}

/** "24–32 uur", "vanaf 24 uur", "tot 32 uur", or null when unknown. */
export function formatHours(min: number | null, max: number | null, t: Translate): string | null {
  if (min !== null && max !== null) {
    return min === max
      ? t("vacancies.hours.exact", { count: min })
      : t("vacancies.hours.range", { min, max });
  }
  if (min !== null) return t("vacancies.hours.from", { min });
  if (max !== null) return t("vacancies.hours.upTo", { max });
  return null;
}

export function formatEuro(amount: number, locale: Locale): string {
  return numberFormat(intlLocale(locale), {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(amount);
}

/** "€ 2.800 – € 3.400 per maand" and the one-sided variants. */
export function formatSalary(
  min: number | null,
  max: number | null,
  locale: Locale,
  t: Translate,
): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max) {
    return t("vacancies.salary.range", { min: formatEuro(min, locale), max: formatEuro(max, locale) });
  }
  if (min !== null && max === null) return t("vacancies.salary.from", { min: formatEuro(min, locale) });
  if (min === null && max !== null) return t("vacancies.salary.upTo", { max: formatEuro(max, locale) });
  return t("vacancies.salary.exact", { amount: formatEuro(min ?? max ?? 0, locale) });
}

export function formatScale(min: number | null, max: number | null, t: Translate): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max) return t("vacancies.scale.range", { min, max });
  return t("vacancies.scale.exact", { scale: min ?? max });
}

/** Dark shades: white badge text on them passes the contrast check. */
export const STATUS_COLOR: Record<VacancyStatus, string> = {
  requested: "violet.9",
  rejected: "red.9",
  draft: "gray.7",
  published: "teal.9",
  withdrawn: "pink.9",
  closed: "blue.9",
  archived: "dark.6",
};

export const AUDIENCE_COLOR: Record<Audience, string> = {
  organisation: "grape.9",
  portal: "indigo.9",
  all_portals: "cyan.9",
  public: "teal.9",
};

export function fileSize(bytes: number, locale: Locale): string {
  const format = numberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} kB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}
