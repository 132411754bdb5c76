/*
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) for weeks of hours, shared by the server and the
 * web app: weeks run Monday to Sunday (ISO 8601), and dates are days, not instants, so everything
 * is done in UTC. The functions expect real dates; check unknown input with `isCalendarDate`.
 */

const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Whether the string is a real calendar date (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(toTime(date)) && fromTime(toTime(date)) === date;
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toTime(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isMonday(date: string): boolean {
  return isCalendarDate(date) && isoWeekday(date) === 1;
}

/** The Monday of the week the date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven days of the week that starts on this Monday. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** The ISO week of a date: the year its Thursday falls in, and the week number in that year. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  return { year, week: Math.round((toTime(thursday) - toTime(firstThursday)) / (7 * DAY_MS)) + 1 };
}

/** The ISO week of a date as `YYYY-Www`. */
export function isoWeek(date: string): string {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Mondays of every week that touches [from, to], oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}
