import type { Locale } from "../../../contracts/common";
import type { SelectionReport } from "../../../contracts/selection-results";
import {
  artifact,
  createTaggedPdf,
  drawPageFooters,
  PDF_FONT,
  PDF_MARGIN,
  PDF_MUTED,
  PDF_RULE,
  structureRoot,
  tag,
} from "../../platform/pdf";
import { toWinAnsi } from "../vacancies";
import { decisionLabel, fmtDate, fmtMoment, fmtNumber, REPORT_TEXT, scoreCell } from "./report-text";

const INK = "#1f2933";
const BRAND = "#1c4f7c";
const ZEBRA = "#f5f7fa";
const FOOTER_HEIGHT = 36;
const t = toWinAnsi;

/**
 * The PV-rapport as a tagged A4 PDF (PDF/UA, see platform/pdf.ts): the title as H1; the facts,
 * the jury, the parts, each applicant's scores (a table per applicant: parts by jury members,
 * with the mean) and the final ranking with the decisions, each under an H2. Tables have
 * column headers and row headers, so a screen reader reads every score with its part and juror.
 */
export function renderSelectionReportPdf(report: SelectionReport, locale: Locale): Promise<Buffer> {
  const l = REPORT_TEXT[locale];
  const doc = createTaggedPdf({
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN + FOOTER_HEIGHT, left: PDF_MARGIN, right: PDF_MARGIN },
    lang: locale === "en" ? "en-GB" : "nl-BE",
    info: {
      Title: `${l.title}: ${report.vacancy.title}`,
      Author: "Werkbrug",
      Creator: "Werkbrug",
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  try {
    doc.addPage();
    const root = structureRoot(doc);
    const width = doc.page.width - 2 * PDF_MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureSpace = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };
    const heading = (level: 2 | 3, text: string) => {
      const size = level === 2 ? 14 : 11.5;
      doc.moveDown(level === 2 ? 1 : 0.6);
      ensureSpace(size * 4);
      tag(doc, root, `H${level}`, () =>
        doc
          .fillColor(level === 2 ? BRAND : INK)
          .font(PDF_FONT.bold)
          .fontSize(size)
          .text(t(text), PDF_MARGIN, doc.y, { width }),
      );
      doc.moveDown(0.3);
    };
    const paragraph = (text: string, muted = false) =>
      tag(doc, root, "P", () =>
        doc
          .fillColor(muted ? PDF_MUTED : INK)
          .font(PDF_FONT.regular)
          .fontSize(10)
          .text(t(text), PDF_MARGIN, doc.y, { width }),
      );
    /** A table: a header row of column headers, then rows whose first cell heads the row. */
    const table = (headers: string[] | null, rows: string[][], widths?: number[]) => {
      const columns = headers?.length ?? rows[0]?.length ?? 1;
      const cols = widths ?? Array.from({ length: columns }, () => width / columns);
      const pad = 4;
      const heightOf = (cells: string[], bold: boolean) => {
        doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(9.5);
        return (
          Math.max(...cells.map((c, i) => doc.heightOfString(t(c || " "), { width: cols[i]! - 2 * pad }))) +
          2 * pad
        );
      };
      const element = tag(doc, root, "Table");
      const drawRow = (cells: string[], header: boolean, zebra: boolean) => {
        const h = heightOf(cells, header);
        ensureSpace(h);
        const top = doc.y;
        if (header || zebra)
          artifact(doc, () => doc.rect(PDF_MARGIN, top, width, h).fill(header ? PDF_RULE : ZEBRA));
        const row = tag(doc, element, "TR");
        let x = PDF_MARGIN;
        cells.forEach((cell, i) => {
          const isHead = header || i === 0;
          tag(
            doc,
            row,
            isHead ? "TH" : "TD",
            () =>
              doc
                .fillColor(INK)
                .font(isHead ? PDF_FONT.bold : PDF_FONT.regular)
                .fontSize(9.5)
                .text(t(cell), x + pad, top + pad, { width: cols[i]! - 2 * pad }),
            isHead ? { scope: header ? "Column" : "Row" } : {},
          );
          x += cols[i]!;
        });
        doc.y = top + h;
      };
      if (headers) drawRow(headers, true, false);
      for (const [i, cells] of rows.entries()) drawRow(cells, false, i % 2 === 1);
      doc.x = PDF_MARGIN;
    };

    artifact(doc, () => doc.rect(0, 0, doc.page.width, 8).fill(BRAND));
    doc.y = PDF_MARGIN;
    tag(doc, root, "H1", () =>
      doc
        .fillColor(INK)
        .font(PDF_FONT.bold)
        .fontSize(20)
        .text(t(`${l.title}: ${report.vacancy.title}`), PDF_MARGIN, doc.y, { width }),
    );
    doc.moveDown(0.5);
    table(
      null,
      [
        [l.vacancy, report.vacancy.title],
        [l.organisation, report.vacancy.organisation],
        [l.owner, report.vacancy.owner ?? ""],
        [l.generated, fmtMoment(report.generatedAt, locale)],
      ],
      [160, width - 160],
    );

    heading(2, l.jury);
    const list = tag(doc, root, "L");
    for (const j of report.jury)
      tag(doc, tag(doc, list, "LI"), "LBody", () =>
        doc
          .fillColor(INK)
          .font(PDF_FONT.regular)
          .fontSize(10)
          .text(t(`- ${j.name}`), PDF_MARGIN, doc.y, { width }),
      );

    heading(2, l.parts);
    if (report.parts.length === 0) paragraph(l.noParts, true);
    else
      table(
        [l.part, l.dates, l.max],
        report.parts.map((p) => [
          p.name,
          p.dates.map((d) => fmtDate(d, locale)).join(", "),
          String(p.maxScore),
        ]),
        [width * 0.4, width * 0.45, width * 0.15],
      );

    heading(2, l.results);
    for (const a of report.applicants) {
      heading(3, a.name);
      const jurors = report.jury.filter((j) =>
        a.results.some((r) => r.scores.some((s) => s.jury.id === j.id)),
      );
      // Anyone who scored but left the jury since still counts.
      for (const r of a.results)
        for (const s of r.scores) if (!jurors.some((j) => j.id === s.jury.id)) jurors.push(s.jury);
      if (jurors.length === 0) paragraph(l.noScores, true);
      else
        table(
          [l.part, ...jurors.map((j) => j.name), l.average],
          a.results.map((r) => {
            const part = report.parts.find((p) => p.id === r.partId);
            return [
              `${part?.name ?? ""} (${l.max.toLowerCase()} ${part?.maxScore ?? ""})`,
              ...jurors.map((j) =>
                scoreCell(
                  r.scores.find((s) => s.jury.id === j.id),
                  locale,
                ),
              ),
              fmtNumber(r.average, locale),
            ];
          }),
        );
      const motivations = a.results.flatMap((r) =>
        r.scores.flatMap((s) =>
          s.motivation
            ? [`${report.parts.find((p) => p.id === r.partId)?.name ?? ""}, ${s.jury.name}: ${s.motivation}`]
            : [],
        ),
      );
      doc.moveDown(0.3);
      for (const m of motivations) paragraph(`${l.motivation} - ${m}`, true);
      paragraph(
        `${l.total}: ${a.total === null ? "-" : `${fmtNumber(a.total, locale)} ${l.of} ${report.maxTotal}`}. ${l.rank}: ${a.rank ?? "-"}. ${l.decision}: ${decisionLabel(a, locale)}.`,
      );
    }

    heading(2, l.ranking);
    table(
      [l.rank, l.applicant, l.total, l.decision],
      report.applicants.map((a) => [
        a.rank === null ? "-" : String(a.rank),
        a.name,
        a.total === null ? "" : `${fmtNumber(a.total, locale)} / ${report.maxTotal}`,
        decisionLabel(a, locale),
      ]),
      [width * 0.1, width * 0.4, width * 0.2, width * 0.3],
    );

    drawPageFooters(doc, {
      left: t(`${l.title} - ${report.vacancy.title}`),
      right: (page, pages) => t(l.page(page, pages)),
    });
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  return done;
}
