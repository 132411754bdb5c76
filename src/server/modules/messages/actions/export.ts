import ExcelJS from "exceljs";
import type { Locale } from "../../../../contracts/common";
import { type WallClock, wallClock } from "../../../../contracts/intl";
import type { InboxFilters, InboxItem } from "../../../../contracts/messages";
import type { Caller } from "../../tenancy";
import { messageContextOf } from "../messages.policy";
import { messagesRepository } from "../messages.repository";
import { EXPORT_LIMIT, inbox, type MessageDeps } from "./messages";

interface ExportRow {
  /** The organisation's wall clock: text in CSV, that time as a cell in a workbook. */
  date: WallClock;
  employer: string;
  contact: string;
  subject: string;
  from: string;
  state: string;
}

const COLUMNS: { key: keyof ExportRow; nl: string; en: string; width: number }[] = [
  { key: "date", nl: "Datum", en: "Date", width: 18 },
  { key: "employer", nl: "Werkgever", en: "Employer", width: 30 },
  { key: "contact", nl: "Contactpersoon", en: "Contact person", width: 26 },
  { key: "subject", nl: "Onderwerp", en: "Subject", width: 40 },
  { key: "from", nl: "Van", en: "From", width: 26 },
  { key: "state", nl: "Status", en: "Status", width: 12 },
];

const TEXT = {
  general: { nl: "Algemeen", en: "General" },
  read: { nl: "Gelezen", en: "Read" },
  new: { nl: "Nieuw", en: "New" },
  team: { nl: "Team", en: "Team" },
} as const;

function rowOf(item: InboxItem, locale: Locale, timeZone: string): ExportRow {
  return {
    date: wallClock(new Date(item.createdAt), timeZone),
    employer: item.thread.employer.name,
    contact: item.thread.contact.name,
    subject: item.thread.subject ?? TEXT.general[locale],
    from: item.authorName ?? (item.authorSide === "contact" ? item.thread.contact.name : TEXT.team[locale]),
    state: item.read ? TEXT.read[locale] : TEXT.new[locale],
  };
}

/** CSV for Excel: UTF-8 with BOM, semicolons, quoted where needed, no formulas (CSV injection). */
export function messagesCsv(items: InboxItem[], locale: Locale, timeZone: string): string {
  const quote = (value: string | WallClock): string => {
    const text = typeof value === "string" ? value : value.text;
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    COLUMNS.map((c) => quote(c[locale])).join(";"),
    ...items.map((item) => {
      const row = rowOf(item, locale, timeZone);
      return COLUMNS.map((c) => quote(row[c.key])).join(";");
    }),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function messagesXlsx(items: InboxItem[], locale: Locale, timeZone: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Werkbrug";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(locale === "nl" ? "RPO-berichten" : "RPO messages", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    const row = rowOf(item, locale, timeZone);
    sheet.addRow({ ...row, date: row.date.asUtc });
  }
  sheet.getColumn("date").numFmt = "dd-mm-yyyy hh:mm";
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The filtered inbox as a spreadsheet: date, employer, contact, subject, from, read state. */
export async function exportInbox(
  deps: MessageDeps,
  caller: Caller,
  filters: InboxFilters,
  format: "csv" | "xlsx",
  locale: Locale,
): Promise<{ data: Buffer; contentType: string; fileName: string }> {
  const { messages } = await inbox(deps, caller, filters, EXPORT_LIMIT);
  // inbox() refused anyone but the team; the export is in the team organisation's time zone.
  const { scope } = await messageContextOf(caller);
  const timeZone = await deps.store.bind(scope, messagesRepository).timeZone();
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `${locale === "nl" ? "rpo-berichten" : "rpo-messages"}-${stamp}`;
  return format === "csv"
    ? {
        data: Buffer.from(messagesCsv(messages, locale, timeZone), "utf8"),
        contentType: "text/csv; charset=utf-8",
        fileName: `${base}.csv`,
      }
    : {
        data: await messagesXlsx(messages, locale, timeZone),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName: `${base}.xlsx`,
      };
}
