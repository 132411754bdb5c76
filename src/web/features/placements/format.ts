/*
 * Numbers, money and periods of placements. Pure functions of a BCP 47 tag (nl-NL, en-GB), so
 * they are tested without a browser; the Intl formatters are made once per tag (contracts/intl.ts).
 */

import { dateTimeFormat, numberFormat } from "../../../contracts/intl";

/** Hours with quarter hours as the payroll reads them: 7,75 (nl) or 7.75 (en). */
export function formatHours(hours: number, tag: string): string {
  return numberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hours);
}

/** A rate in cents as money: € 25,50. */
export function formatMoney(cents: number, tag: string): string {
  return numberFormat(tag, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** The time of day of a moment (16:05), in the browser's time zone. */
export function formatTime(iso: string, tag: string): string {
  return dateTimeFormat(tag, { timeStyle: "short" }).format(new Date(iso));
}

/** A rate in cents as it goes back into the rate field: "25,50" (nl), "25.50" (en). */
export function rateInput(cents: number | null, tag: string): string {
  if (cents === null) return "";
  return numberFormat(tag, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(cents / 100);
}

export type ParsedRate = { ok: true; cents: number | null } | { ok: false };

/** Highest rate the contract takes: € 100.000 per hour. */
const MAX_CENTS = 100_000_00;

/**
 * What someone types as euro per hour: "25,50", "25.50", "€ 25", "1.025,50" -> cents; empty is
 * no rate. With both separators the last one is the decimal one; a separator followed by three
 * digits groups thousands (a rate has at most two decimals).
 */
export function parseRate(text: string): ParsedRate {
  let plain = text.replace(/[€\s\u00a0]/g, "");
  if (plain === "") return { ok: true, cents: null };
  const decimal = Math.max(plain.lastIndexOf(","), plain.lastIndexOf("."));
  if (decimal >= 0 && plain.length - decimal - 1 !== 3) {
    const whole = plain.slice(0, decimal);
    if (!/^\d{1,3}([.,]\d{3})*$/.test(whole) && !/^\d+$/.test(whole)) return { ok: false };
    plain = `${whole.replace(/[.,]/g, "")}.${plain.slice(decimal + 1)}`;
  } else if (decimal >= 0) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(plain)) return { ok: false };
    plain = plain.replace(/[.,]/g, "");
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return { ok: false };
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false };
  return { ok: true, cents };
}

/** The calendar month before `today` (yyyy-mm-dd): the export's default period. */
export function previousMonth(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** "2026-W49" -> 49 and 2026 (ISO weeks), for the short and long labels of a week. */
export function isoWeek(week: string): { year: number; week: number } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? { year: Number(match[1]), week: Number(match[2]) } : null;
}
