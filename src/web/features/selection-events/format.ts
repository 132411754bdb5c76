import { intlLocale } from "../../i18n";
import { formatDateTime, formatDay } from "../../ui/dates";

/** "10 dec 2026, 09:00–09:45": a slot or session in the screen's language (times are the organisation's). */
export function when(date: string, start: string, end: string): string {
  return `${formatDay(date, intlLocale())}, ${start}–${end}`;
}

export function deadline(iso: string): string {
  return formatDateTime(iso, intlLocale());
}

/** "10 dec 2026 – 11 dec 2026", or one day. */
export function period(first: string | null, last: string | null): string {
  if (!first) return "–";
  const a = formatDay(first, intlLocale());
  return !last || last === first ? a : `${a} – ${formatDay(last, intlLocale())}`;
}
