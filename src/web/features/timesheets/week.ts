import {
  addDays,
  isCalendarDate,
  isoWeekOf,
  mondayOf as mondayOfDay,
  weekDays,
} from "../../../contracts/calendar-weeks";
import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import { HOUR_KINDS, type HourKind, type TimesheetEntry } from "../../../contracts/placements";

/*
 * Weeks and hours without React: ISO weeks of calendar days (yyyy-mm-dd, no time zone), the
 * hours people type ("7,75" or "7.75") and the week's grid as the API's entries.
 */

/** A calendar day as a UTC noon Date (so no time zone ever moves it to another day), or null. */
export function parseDay(iso: string): Date | null {
  return isCalendarDate(iso) ? new Date(`${iso}T12:00:00Z`) : null;
}

export function plusDays(iso: string, days: number): string {
  return isCalendarDate(iso) ? addDays(iso, days) : iso;
}

/** The Monday of the (ISO) week a day falls in; null for what is no date. */
export function mondayOf(iso: string): string | null {
  return isCalendarDate(iso) ? mondayOfDay(iso) : null;
}

/** ISO 8601 week: the week with the year's first Thursday is week 1 (so 29 Dec can be week 1). */
export function isoWeek(iso: string): { year: number; week: number } | null {
  return isCalendarDate(iso) ? isoWeekOf(iso) : null;
}

export { weekDays };

/** A number of hours in a cell: a number, or what was typed ("7,", "") as text. */
export type CellValue = number | string;

export type HourGrid = Record<HourKind, CellValue[]>;

export type CellProblem = "invalid" | "quarter" | "tooMany";

/** Hours as typed: "7,75" and "7.75" alike; "" is none. Not a number gives NaN. */
export function parseHours(value: CellValue): number {
  if (typeof value === "number") return value;
  const text = value.trim().replace(",", ".");
  if (text === "") return 0;
  return /^\d*\.?\d*$/.test(text) && text !== "." ? Number(text) : Number.NaN;
}

/** What is wrong with a cell, if anything (the server says the same, this says it sooner). */
export function cellProblem(value: CellValue): CellProblem | null {
  const hours = parseHours(value);
  if (!Number.isFinite(hours) || hours < 0) return "invalid";
  if (hours > 24) return "tooMany";
  if (Math.abs(hours * 4 - Math.round(hours * 4)) > 1e-9) return "quarter";
  return null;
}

export function emptyGrid(): HourGrid {
  return { normal: Array(7).fill(""), overtime: Array(7).fill(""), travel: Array(7).fill("") };
}

/** The grid of a saved week: its entries in their day's row and kind's column. */
export function gridOf(weekStart: string, entries: readonly TimesheetEntry[]): HourGrid {
  const grid = emptyGrid();
  const days = weekDays(weekStart);
  for (const entry of entries) {
    const day = days.indexOf(entry.date);
    if (day >= 0) grid[entry.kind][day] = entry.hours;
  }
  return grid;
}

/** Where an entry of the request came from, so the server's `entries.3.hours` finds its cell. */
export interface CellRef {
  day: number;
  kind: HourKind;
}

/** The request's entries (cells with hours, in day then kind order) and the cell of each. */
export function entriesOf(
  weekStart: string,
  grid: HourGrid,
): { entries: TimesheetEntry[]; cells: CellRef[] } {
  const days = weekDays(weekStart);
  const entries: TimesheetEntry[] = [];
  const cells: CellRef[] = [];
  days.forEach((date, day) => {
    for (const kind of HOUR_KINDS) {
      const hours = parseHours(grid[kind][day] ?? "");
      if (!(hours > 0)) continue;
      entries.push({ date, kind, hours });
      cells.push({ day, kind });
    }
  });
  return { entries, cells };
}

export const cellKey = (cell: CellRef) => `${cell.kind}.${cell.day}`;

/** The cell a server field error is about (`entries.3.hours`, `entries.3`), or null for another field. */
export function cellOfPath(path: string, cells: readonly CellRef[]): CellRef | null {
  const match = /^entries\.(\d+)(\.|$)/.exec(path);
  if (!match) return null;
  return cells[Number(match[1])] ?? null;
}

/** Hours of one day over the kinds, or of one kind over the days (unreadable cells count 0). */
export function dayTotal(grid: HourGrid, day: number): number {
  return HOUR_KINDS.reduce((sum, kind) => sum + safe(grid[kind][day]), 0);
}

export function kindTotal(grid: HourGrid, kind: HourKind): number {
  return grid[kind].reduce<number>((sum, value) => sum + safe(value), 0);
}

function safe(value: CellValue | undefined): number {
  const hours = parseHours(value ?? "");
  return Number.isFinite(hours) && hours > 0 ? hours : 0;
}

/** Whether a grid has hours of other kinds than normal (then the editor shows their columns). */
export function hasOtherKinds(grid: HourGrid): boolean {
  return kindTotal(grid, "overtime") > 0 || kindTotal(grid, "travel") > 0;
}

// --- As the reader writes them: "7,75" (nl, de, fr) or "7.75" (en); "ma 7 dec"; "7–13 dec 2026".

/** One number format per language, made once (formatting many cells stays cheap). */
export function hoursFormat(locale: string): Intl.NumberFormat {
  return numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

export function formatDayShort(iso: string, locale: string): string {
  const date = parseDay(iso);
  if (!date) return iso;
  return dateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(date);
}

export function formatDayLong(iso: string, locale: string): string {
  const date = parseDay(iso);
  if (!date) return iso;
  return dateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** "7–13 dec 2026" for the week from a Monday. */
export function formatWeekRange(weekStart: string, locale: string): string {
  const from = parseDay(weekStart);
  const to = parseDay(plusDays(weekStart, 6));
  if (!from || !to) return weekStart;
  return dateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).formatRange(from, to);
}
