import type { PersonalDataExport } from "../../../contracts/privacy";
import { artifact, createTaggedPdf, drawPageFooters, PDF_FONT, structureRoot, tag } from "../../platform/pdf";
import { type PdfLocale, toWinAnsi } from "../vacancies";
import { moment, type PdfBlock, personalDataBlocks } from "./privacy-pdf.blocks";
import { PDF_LABELS as L } from "./privacy-pdf.labels";

/**
 * "Download my data" as a readable A4 PDF: the same content as the JSON export, in sections with
 * the labels people know from the screens (reference ids turned into their names; see
 * privacy-pdf.blocks.ts). A tagged PDF (PDF/UA, see platform/pdf.ts) like the vacancy PDF: the
 * title is the H1, block headings of level 1/2/3 are H2/H3/H4, facts a table with row headers,
 * entries a list, in the embedded font Liberation Sans.
 */

export type { PdfBlock, PdfLocale };
export { personalDataBlocks };

const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#d9e2ec";
const ZEBRA = "#f5f7fa";
const BRAND = "#1c4f7c";
const MARGIN = 50;
const REGULAR = PDF_FONT.regular;
const BOLD = PDF_FONT.bold;
const FOOTER_HEIGHT = 36;

export function renderPersonalDataPdf(
  data: PersonalDataExport,
  options: { locale: PdfLocale; now?: Date },
): Promise<Buffer> {
  const { locale } = options;
  const l = L[locale];
  const now = options.now ?? new Date();
  const t = toWinAnsi;
  const doc = createTaggedPdf({
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    lang: locale === "en" ? "en-GB" : "nl-NL",
    info: {
      Title: `${l.title}: ${data.account.name}`,
      Author: "Werkbrug",
      Creator: "Werkbrug",
      CreationDate: now,
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
    const width = doc.page.width - 2 * MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureSpace = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };

    artifact(doc, () => doc.rect(0, 0, doc.page.width, 8).fill(BRAND));
    doc.x = MARGIN;
    doc.y = MARGIN;
    tag(doc, root, "H1", () =>
      doc
        .fillColor(INK)
        .font(BOLD)
        .fontSize(24)
        .text(t(`${l.title}: ${data.account.name}`), { width }),
    );
    doc.moveDown(0.4);
    tag(doc, root, "P", () =>
      doc
        .fillColor(MUTED)
        .font(REGULAR)
        .fontSize(10.5)
        .text(t(l.intro(moment(data.exportedAt, locale))), { width, lineGap: 1.5 }),
    );

    for (const block of personalDataBlocks(data, locale)) {
      doc.x = MARGIN;
      switch (block.kind) {
        case "heading": {
          const size = block.level === 1 ? 16 : block.level === 2 ? 12.5 : 11;
          doc.moveDown(block.level === 1 ? 1.2 : 0.8);
          ensureSpace(size * 3);
          // The document title is the H1, so a level-1 block heading is an H2.
          tag(doc, root, `H${block.level + 1}`, () =>
            doc
              .fillColor(block.level === 1 ? BRAND : INK)
              .font(BOLD)
              .fontSize(size)
              .text(t(block.text), MARGIN, doc.y, { width }),
          );
          if (block.level === 1) {
            artifact(doc, () =>
              doc
                .moveTo(MARGIN, doc.y + 2)
                .lineTo(MARGIN + width, doc.y + 2)
                .lineWidth(0.5)
                .strokeColor(RULE)
                .stroke(),
            );
            doc.moveDown(0.3);
          }
          doc.moveDown(0.3);
          break;
        }
        case "facts": {
          const labelWidth = 160;
          const valueWidth = width - labelWidth - 16;
          const pad = 4;
          const table = tag(doc, root, "Table");
          block.rows.forEach(([name, value], i) => {
            doc.font(REGULAR).fontSize(10);
            const valueHeight = doc.heightOfString(t(value), { width: valueWidth });
            doc.font(BOLD);
            const labelHeight = doc.heightOfString(t(name), { width: labelWidth - 8 });
            const rowHeight = Math.max(valueHeight, labelHeight) + 2 * pad;
            const row = tag(doc, table, "TR");
            if (rowHeight > (bottom() - doc.page.margins.top) / 2) {
              // A long text (about me, a description): the label above it, the text flowing on.
              ensureSpace(60);
              tag(
                doc,
                row,
                "TH",
                () => doc.fillColor(MUTED).text(t(name), MARGIN + 8, doc.y + pad, { width: width - 16 }),
                { scope: "Row" },
              );
              tag(doc, row, "TD", () =>
                doc
                  .fillColor(INK)
                  .font(REGULAR)
                  .text(t(value), MARGIN + 8, doc.y, { width: width - 16, lineGap: 1 }),
              );
              doc.moveDown(0.4);
              return;
            }
            ensureSpace(rowHeight);
            const top = doc.y;
            if (i % 2 === 0) artifact(doc, () => doc.rect(MARGIN, top, width, rowHeight).fill(ZEBRA));
            tag(
              doc,
              row,
              "TH",
              () =>
                doc
                  .fillColor(MUTED)
                  .font(BOLD)
                  .text(t(name), MARGIN + 8, top + pad, {
                    width: labelWidth - 8,
                  }),
              { scope: "Row" },
            );
            tag(doc, row, "TD", () =>
              doc
                .fillColor(INK)
                .font(REGULAR)
                .text(t(value), MARGIN + labelWidth + 8, top + pad, { width: valueWidth }),
            );
            doc.y = top + rowHeight;
          });
          break;
        }
        case "entries": {
          const list = tag(doc, root, "L");
          for (const entry of block.entries) {
            ensureSpace(30);
            const body = tag(doc, tag(doc, list, "LI"), "LBody");
            tag(doc, body, "P", () =>
              doc.fillColor(INK).font(BOLD).fontSize(10.5).text(t(entry.title), MARGIN, doc.y, { width }),
            );
            doc.font(REGULAR).fontSize(10);
            for (const line of entry.lines)
              tag(doc, body, "P", () =>
                doc.fillColor(MUTED).text(t(line), MARGIN + 10, doc.y, { width: width - 10 }),
              );
            doc.moveDown(0.5);
          }
          break;
        }
        case "note":
          tag(doc, root, "P", () =>
            doc.fillColor(MUTED).font(REGULAR).fontSize(10).text(t(block.text), MARGIN, doc.y, { width }),
          );
          break;
      }
    }

    drawPageFooters(doc, {
      left: t(l.downloaded(moment(now.toISOString(), locale))),
      right: (page, pages) => t(l.page(page, pages)),
    });
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  return done;
}
