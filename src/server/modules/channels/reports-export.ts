import ExcelJS from "exceljs";
import type { ApplicantsBySourceReport, JobSiteClicksReport } from "../../../contracts/channels";
import type { Locale } from "../../../contracts/common";

/**
 * The multiposter's reports as spreadsheets (Vlimpers: "Vacaturesites_clicks" and
 * "Eigenschappen van kandidaten per indieningsbron"), the same numbers as on screen.
 */

const T = {
  nl: {
    clicksSheet: "Vacaturesites clicks",
    applicantsSheet: "Kandidaten per bron",
    period: "Periode",
    jobSite: "Vacaturesite",
    code: "Bron (utm_source)",
    vacancy: "Vacature",
    views: "Bekeken",
    clicks: "Clicks op solliciteren",
    applications: "Sollicitaties",
    source: "Indieningsbron",
    total: "Totaal",
  },
  en: {
    clicksSheet: "Job site clicks",
    applicantsSheet: "Applicants by source",
    period: "Period",
    jobSite: "Job site",
    code: "Source (utm_source)",
    vacancy: "Vacancy",
    views: "Views",
    clicks: "Clicks to apply",
    applications: "Applications",
    source: "Source",
    total: "Total",
  },
} as const;

function header(sheet: ExcelJS.Worksheet, columns: { header: string; key: string; width: number }[]) {
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function workbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "Werkbrug";
  book.created = new Date();
  return book;
}

export async function jobSiteClicksXlsx(report: JobSiteClicksReport, locale: Locale): Promise<Buffer> {
  const t = T[locale];
  const book = workbook();
  const sheet = book.addWorksheet(t.clicksSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  header(sheet, [
    { header: t.jobSite, key: "jobSite", width: 26 },
    { header: t.code, key: "code", width: 18 },
    { header: t.vacancy, key: "vacancy", width: 40 },
    { header: t.views, key: "views", width: 12 },
    { header: t.clicks, key: "clicks", width: 14 },
    { header: t.applications, key: "applications", width: 14 },
  ]);
  for (const row of report.rows) {
    sheet.addRow({
      jobSite: row.jobSite.name,
      code: row.jobSite.code,
      vacancy: row.vacancy.title,
      views: row.views,
      clicks: row.clicks,
      applications: row.applications,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function applicantsBySourceXlsx(
  report: ApplicantsBySourceReport,
  locale: Locale,
): Promise<Buffer> {
  const t = T[locale];
  const book = workbook();
  const sheet = book.addWorksheet(t.applicantsSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  header(sheet, [
    { header: t.source, key: "source", width: 20 },
    { header: t.jobSite, key: "jobSite", width: 24 },
    ...report.phases.map((p) => ({ header: p.label[locale], key: `phase:${p.key}`, width: 14 })),
    { header: t.total, key: "total", width: 10 },
  ]);
  for (const row of report.rows) {
    sheet.addRow({
      source: row.source,
      jobSite: row.jobSiteName ?? "",
      ...Object.fromEntries(report.phases.map((p) => [`phase:${p.key}`, row.phases[p.key] ?? 0])),
      total: row.total,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
