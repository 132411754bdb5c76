import ExcelJS from "exceljs";
import type { Locale } from "../../../../contracts/common";
import { dateTimeFormat } from "../../../../contracts/intl";
import type { InboxFilters, InboxItem } from "../../../../contracts/messages";
import type { Caller } from "../../tenancy";
import { EXPORT_LIMIT, inbox, type MessageDeps } from "./messages";

interface ExportRow {
  date: Date;
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

function rowOf(item: InboxItem, locale: Locale): ExportRow {
  return {
    date: new Date(item.createdAt),
    employer: item.thread.employer.name,
    contact: item.thread.contact.name,
    subject: item.thread.subject ?? TEXT.general[locale],
    from: item.authorName ?? (item.authorSide === "contact" ? item.thread.contact.name : TEXT.team[locale]),
    state: item.read ? TEXT.read[locale] : TEXT.new[locale],
  };
}

function dateText(date: Date): string {
  return dateTimeFormat("sv-SE", {
    timeZone: "Europe/Amsterdam",
    dateStyle: "short",
    timeStyle: "short",
  }).format(date);
}

/** CSV for Excel: UTF-8 with BOM, semicolons, quoted where needed, no formulas (CSV injection). */
export function messagesCsv(items: InboxItem[], locale: Locale): string {
  const quote = (value: string | Date): string => {
    const text = value instanceof Date ? dateText(value) : value;
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    COLUMNS.map((c) => quote(c[locale])).join(";"),
    ...items.map((item) => {
      const row = rowOf(item, locale);
      return COLUMNS.map((c) => quote(row[c.key])).join(";");
    }),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function messagesXlsx(items: InboxItem[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Werkbrug";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(locale === "nl" ? "RPO-berichten" : "RPO messages", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(rowOf(item, locale));
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
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `${locale === "nl" ? "rpo-berichten" : "rpo-messages"}-${stamp}`;
  return format === "csv"
    ? {
        data: Buffer.from(messagesCsv(messages, locale), "utf8"),
        contentType: "text/csv; charset=utf-8",
        fileName: `${base}.csv`,
      }
    : {
        data: await messagesXlsx(messages, locale),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName: `${base}.xlsx`,
      };
}
