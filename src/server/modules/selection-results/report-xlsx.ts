import ExcelJS from "exceljs";
import type { Locale } from "../../../contracts/common";
import type { SelectionReport } from "../../../contracts/selection-results";
import { decisionLabel, fmtDate, fmtMoment, fmtVerdict, REPORT_TEXT } from "./report-text";

/**
 * The PV-rapport as a spreadsheet (Vlimpers' Excel template, filled in): the facts, the parts,
 * the results with the ranking (means and totals as numbers) and every jury member's score.
 */
export async function selectionReportXlsx(report: SelectionReport, locale: Locale): Promise<Buffer> {
  const t = REPORT_TEXT[locale];
  const book = new ExcelJS.Workbook();
  book.creator = "Werkbrug";
  book.created = new Date(report.generatedAt);

  const facts = book.addWorksheet(t.title);
  facts.columns = [
    { key: "label", width: 28 },
    { key: "value", width: 60 },
  ];
  facts.addRow([t.title, report.vacancy.title]).font = { bold: true, size: 14 };
  facts.addRow([t.vacancy, report.vacancy.title]);
  facts.addRow([t.organisation, report.vacancy.organisation]);
  facts.addRow([t.owner, report.vacancy.owner ?? ""]);
  facts.addRow([t.generated, fmtMoment(report.generatedAt, locale)]);
  facts.addRow([t.jury, report.jury.map((j) => j.name).join(", ")]);
  facts.getColumn(1).font = { bold: true };

  const header = (sheet: ExcelJS.Worksheet, columns: { header: string; key: string; width: number }[]) => {
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };

  const parts = book.addWorksheet(t.sheetParts, { views: [{ state: "frozen", ySplit: 1 }] });
  header(parts, [
    { header: t.part, key: "part", width: 30 },
    { header: t.dates, key: "dates", width: 40 },
    { header: t.max, key: "max", width: 12 },
  ]);
  for (const p of report.parts)
    parts.addRow({ part: p.name, dates: p.dates.map((d) => fmtDate(d, locale)).join(", "), max: p.maxScore });

  const results = book.addWorksheet(t.sheetResults, { views: [{ state: "frozen", ySplit: 1 }] });
  header(results, [
    { header: t.rank, key: "rank", width: 8 },
    { header: t.applicant, key: "applicant", width: 28 },
    ...report.parts.map((p) => ({
      header: `${p.name}: ${t.average.toLowerCase()} (${t.max.toLowerCase()} ${p.maxScore})`,
      key: `part:${p.id}`,
      width: 22,
    })),
    { header: `${t.total} (${t.max.toLowerCase()} ${report.maxTotal})`, key: "total", width: 16 },
    { header: t.decision, key: "decision", width: 20 },
  ]);
  for (const a of report.applicants)
    results.addRow({
      rank: a.rank,
      applicant: a.name,
      ...Object.fromEntries(a.results.map((r) => [`part:${r.partId}`, r.average])),
      total: a.total,
      decision: decisionLabel(a, locale),
    });

  const scores = book.addWorksheet(t.sheetScores, { views: [{ state: "frozen", ySplit: 1 }] });
  header(scores, [
    { header: t.applicant, key: "applicant", width: 28 },
    { header: t.part, key: "part", width: 26 },
    { header: t.juryMember, key: "jury", width: 24 },
    { header: t.score, key: "score", width: 10 },
    { header: t.verdict, key: "verdict", width: 14 },
    { header: t.motivation, key: "motivation", width: 60 },
  ]);
  for (const a of report.applicants)
    for (const r of a.results) {
      const part = report.parts.find((p) => p.id === r.partId);
      for (const s of r.scores)
        scores.addRow({
          applicant: a.name,
          part: part?.name ?? "",
          jury: s.jury.name,
          score: s.score,
          verdict: fmtVerdict(s.verdict, locale),
          motivation: s.motivation ?? "",
        });
    }
  return Buffer.from(await book.xlsx.writeBuffer());
}
