import ExcelJS from "exceljs";
import type { Locale } from "../../../contracts/common";
import { wallClock } from "../../../contracts/intl";
import type { ActivityRow } from "./employers.presenter";

/** The columns of the activity overview (HalloWerk "Download activiteiten overzicht"). */
const COLUMNS: { key: keyof ActivityRow; nl: string; en: string; width: number }[] = [
  { key: "name", nl: "Naam", en: "Name", width: 28 },
  { key: "email", nl: "E-mail", en: "E-mail", width: 34 },
  { key: "role", nl: "Rol", en: "Role", width: 18 },
  { key: "organisation", nl: "Organisatie", en: "Organisation", width: 30 },
  { key: "lastSignInAt", nl: "Laatst ingelogd", en: "Last signed in", width: 20 },
  { key: "vacanciesCreated", nl: "Vacatures aangemaakt", en: "Vacancies created", width: 12 },
  { key: "vacanciesChanged", nl: "Vacatures gewijzigd", en: "Vacancies changed", width: 12 },
  { key: "candidatesSaved", nl: "Kandidaten opgeslagen", en: "Candidates saved", width: 12 },
  { key: "candidatesProposed", nl: "Kandidaten voorgesteld", en: "Candidates proposed", width: 12 },
  { key: "reviews", nl: "Beoordelingen", en: "Reviews", width: 12 },
  { key: "invitationsSent", nl: "Uitnodigingen verstuurd", en: "Invitations sent", width: 12 },
  { key: "lastActivityAt", nl: "Laatste activiteit", en: "Last activity", width: 20 },
];

const ROLE_LABEL = {
  account_manager: { nl: "Accountmanager", en: "Account manager" },
  contact_person: { nl: "Contactpersoon", en: "Contact person" },
} as const;

const DATE_KEYS = new Set<keyof ActivityRow>(["lastSignInAt", "lastActivityAt"]);

/** A date as the organisation's wall clock: text in CSV, that same time as a cell in a workbook. */
function cell(
  row: ActivityRow,
  key: keyof ActivityRow,
  locale: Locale,
  timeZone: string,
  as: "text" | "cell",
): string | number | Date | null {
  const value = row[key];
  if (key === "role") return ROLE_LABEL[row.role][locale];
  if (DATE_KEYS.has(key) && value instanceof Date) {
    const clock = wallClock(value, timeZone);
    return as === "text" ? clock.text : clock.asUtc;
  }
  return value;
}

/** CSV for Excel: UTF-8 with BOM, semicolons (the Dutch list separator), quoted where needed. */
export function activityCsv(rows: ActivityRow[], locale: Locale, timeZone: string): string {
  const quote = (value: string | number | Date | null): string => {
    if (value === null) return "";
    const text = String(value);
    // A leading = + - @ would make a formula in a spreadsheet; prefix it (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    COLUMNS.map((c) => quote(c[locale])).join(";"),
    ...rows.map((row) => COLUMNS.map((c) => quote(cell(row, c.key, locale, timeZone, "text"))).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function activityXlsx(rows: ActivityRow[], locale: Locale, timeZone: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Werkbrug";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(locale === "nl" ? "Activiteiten" : "Activity", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: c[locale], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, cell(row, c.key, locale, timeZone, "cell")])));
  }
  for (const key of ["lastSignInAt", "lastActivityAt"] as const) {
    sheet.getColumn(key).numFmt = "dd-mm-yyyy hh:mm";
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
