import ExcelJS from "exceljs";
import type { Locale } from "../../../contracts/common";
import { type WallClock, wallClock } from "../../../contracts/intl";

/** One placement's approved week, as payroll and invoicing need it. */
export interface TimesheetExportRow {
  employerName: string;
  vacancyTitle: string;
  candidateName: string;
  placementId: string;
  /** The week's Monday, yyyy-mm-dd. */
  weekStart: string;
  /** ISO week, e.g. "2026-W49". */
  week: string;
  minutes: { normal: number; overtime: number; travel: number };
  /** Hourly rate in euro cents; null when none was agreed. */
  rateCents: number | null;
  /** "Niet factureerbaar": the hours are not invoiced, so the row has no amount. */
  nonBillable: boolean;
  /** Null when the approver's account no longer exists. */
  approvedByName: string | null;
  approvedAt: Date;
}

export interface TimesheetExportOptions {
  locale: Locale;
  /** The organisation's IANA time zone, e.g. "Europe/Amsterdam": the approval times are shown in it. */
  timeZone: string;
}

type Key =
  | "employer"
  | "vacancy"
  | "candidate"
  | "week"
  | "weekStart"
  | "normal"
  | "overtime"
  | "travel"
  | "total"
  | "rate"
  | "amount"
  | "approvedBy"
  | "approvedAt";

const COLUMNS: { key: Key; nl: string; en: string; width: number }[] = [
  { key: "employer", nl: "Werkgever", en: "Employer", width: 28 },
  { key: "vacancy", nl: "Vacature", en: "Vacancy", width: 30 },
  { key: "candidate", nl: "Kandidaat", en: "Candidate", width: 26 },
  { key: "week", nl: "Week", en: "Week", width: 10 },
  { key: "weekStart", nl: "Weekstart", en: "Week start", width: 12 },
  { key: "normal", nl: "Normale uren", en: "Normal hours", width: 13 },
  { key: "overtime", nl: "Overuren", en: "Overtime hours", width: 13 },
  { key: "travel", nl: "Reisuren", en: "Travel hours", width: 13 },
  { key: "total", nl: "Totaal uren", en: "Total hours", width: 13 },
  { key: "rate", nl: "Tarief", en: "Rate", width: 12 },
  { key: "amount", nl: "Bedrag", en: "Amount", width: 14 },
  { key: "approvedBy", nl: "Goedgekeurd door", en: "Approved by", width: 24 },
  { key: "approvedAt", nl: "Goedgekeurd op", en: "Approved on", width: 17 },
];

const HOUR_KEYS = ["normal", "overtime", "travel", "total"] as const;
const TOTAL_LABEL: Record<Locale, string> = { nl: "Totaal", en: "Total" };

interface Line {
  employer: string;
  vacancy: string;
  candidate: string;
  week: string;
  weekStart: string;
  normal: number;
  overtime: number;
  travel: number;
  total: number;
  /** Euros. */
  rate: number | null;
  /** Euros, rounded to the cent; null when the week is not invoiced (no rate, or not billable). */
  amount: number | null;
  approvedBy: string;
  approvedAt: WallClock;
}

function lineOf(row: TimesheetExportRow, timeZone: string): Line {
  const { normal, overtime, travel } = row.minutes;
  const totalMinutes = normal + overtime + travel;
  return {
    employer: row.employerName,
    vacancy: row.vacancyTitle,
    candidate: row.candidateName,
    week: row.week,
    weekStart: row.weekStart,
    normal: normal / 60,
    overtime: overtime / 60,
    travel: travel / 60,
    total: totalMinutes / 60,
    rate: row.rateCents === null ? null : row.rateCents / 100,
    // All hours of the week at the placement's one rate, in whole cents (a quarter hour can make a half cent).
    amount:
      row.rateCents === null || row.nonBillable
        ? null
        : Math.round((totalMinutes * row.rateCents) / 60) / 100,
    approvedBy: row.approvedByName ?? "",
    approvedAt: wallClock(row.approvedAt, timeZone),
  };
}

const SEPARATOR: Record<Locale, string> = { nl: ";", en: "," };

/**
 * CSV for payroll (RFC 4180) that Excel opens as it is: UTF-8 with a BOM, `;` and a decimal comma in
 * Dutch (Dutch Excel's list separator), `,` and a decimal point in English. One row per placement
 * per week and no totals row, so that it imports as data.
 */
export function timesheetExportCsv(
  rows: TimesheetExportRow[],
  { locale, timeZone }: TimesheetExportOptions,
): string {
  const separator = SEPARATOR[locale];
  const text = (value: string): string => {
    // A cell starting with = + - @ (or a tab or CR before one) is a formula to a spreadsheet (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const number = (value: number | null): string => {
    if (value === null) return "";
    const fixed = value.toFixed(2);
    return locale === "nl" ? fixed.replace(".", ",") : fixed;
  };
  const cell = (line: Line, key: Key): string => {
    switch (key) {
      case "normal":
      case "overtime":
      case "travel":
      case "total":
      case "rate":
      case "amount":
        return number(line[key]);
      case "approvedAt":
        return line.approvedAt.text;
      default:
        return text(line[key]);
    }
  };
  const lines = [
    COLUMNS.map((c) => text(c[locale])).join(separator),
    ...rows.map((row) => {
      const line = lineOf(row, timeZone);
      return COLUMNS.map((c) => cell(line, c.key)).join(separator);
    }),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const dateOnly = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * The same rows as an Excel workbook: a bold, frozen header, hours as numbers with two decimals, the
 * rate and the amount in euros, and a totals row (sums that Excel recalculates when rows are removed).
 */
export async function timesheetExportXlsx(
  rows: TimesheetExportRow[],
  { locale, timeZone }: TimesheetExportOptions,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Werkbrug";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(locale === "nl" ? "Uren" : "Hours", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };

  const lines = rows.map((row) => lineOf(row, timeZone));
  for (const line of lines) {
    sheet.addRow({
      ...line,
      weekStart: dateOnly(line.weekStart),
      approvedAt: line.approvedAt.asUtc,
    });
  }

  const first = 2;
  const last = lines.length + 1;
  const totals = sheet.addRow({ employer: TOTAL_LABEL[locale] });
  totals.font = { bold: true };
  for (const key of [...HOUR_KEYS, "amount"] as const) {
    const column = sheet.getColumn(key).letter;
    const sum = lines.reduce((s, line) => s + (line[key] ?? 0), 0);
    const result = Math.round(sum * 100) / 100;
    totals.getCell(key).value =
      lines.length === 0 ? 0 : { formula: `SUM(${column}${first}:${column}${last})`, result };
  }

  for (const key of HOUR_KEYS) sheet.getColumn(key).numFmt = "0.00";
  for (const key of ["rate", "amount"] as const) sheet.getColumn(key).numFmt = '"€" #,##0.00';
  sheet.getColumn("weekStart").numFmt = "yyyy-mm-dd";
  sheet.getColumn("approvedAt").numFmt = "yyyy-mm-dd hh:mm";
  // The filter covers the weeks only, so that sorting never moves the totals row in between them.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
