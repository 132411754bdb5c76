import type { Vacancy } from "../../../contracts/vacancies";
import { artifact, createTaggedPdf, drawPageFooters, PDF_FONT, structureRoot, tag } from "../../platform/pdf";
import {
  descriptionBlocks,
  formatMoment,
  INTL_LOCALE,
  KIND_LABELS,
  LABELS,
  toWinAnsi,
  type VacancyPdfLocale,
  vacancyFacts,
} from "./vacancy-pdf.text";

export {
  descriptionBlocks,
  type PdfLocale,
  toWinAnsi,
  type VacancyPdfLocale,
  vacancyFacts,
} from "./vacancy-pdf.text";

/**
 * A vacancy as an A4 PDF that looks like its page: the portal's colour band with its name, the
 * title, the facts table, the description (paragraphs and "- " bullets), the image, and on
 * every page the download date and page numbers. A tagged PDF (PDF/UA, see platform/pdf.ts): the
 * portal and kind, the title as H1, the facts as a table with row headers, the description under
 * an H2 with its headings, paragraphs and lists, the image as a figure with alt text; the embedded
 * font is Liberation Sans (Helvetica's metrics). Text is kept to WinAnsi (toWinAnsi), as before.
 */

export interface VacancyPdfOptions {
  locale: VacancyPdfLocale;
  /** The portal's display name in `locale`, shown in the header band. */
  portalName: string;
  /** The portal's theme colour, #rrggbb. */
  primaryColor: string;
  /** The education level as people read it (taxonomy label); the stored code otherwise. */
  educationLabel?: string | null;
  /** The vacancy's image (else the organisation's logo): PNG or JPEG; anything else is left out. */
  image?: Buffer | null;
  /** The moment of download (footer and document date); now by default. */
  now?: Date;
}

function sniffImage(image: Buffer | null | undefined): Buffer | null {
  if (!image || image.length < 8) return null;
  const png = image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff;
  return png || jpeg ? image : null;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return "#ffffff";
  const channel = (i: number) => {
    const c = Number.parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.4 ? "#111111" : "#ffffff";
}

/** pdfkit has it; its type definitions do not. */
interface PdfImageOpener {
  openImage(src: Buffer): { width: number; height: number };
}

const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#d9e2ec";
const ZEBRA = "#f5f7fa";
const MARGIN = 50;
const FOOTER_HEIGHT = 36;

export function renderVacancyPdf(vacancy: Vacancy, options: VacancyPdfOptions): Promise<Buffer> {
  const { locale, portalName } = options;
  const l = LABELS[locale];
  const now = options.now ?? new Date();
  const primary = /^#[0-9a-f]{6}$/i.test(options.primaryColor) ? options.primaryColor : "#1c4f7c";
  const t = toWinAnsi;
  const REGULAR = PDF_FONT.regular;
  const BOLD = PDF_FONT.bold;

  const doc = createTaggedPdf({
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    lang: INTL_LOCALE[locale],
    info: {
      Title: vacancy.displayTitle,
      Author: vacancy.organisation.name,
      Subject: vacancy.functionTitle,
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

  // The colour text is being written in, so a page break in the middle of it keeps it.
  let ink = INK;
  const color = (c: string) => {
    ink = c;
    doc.fillColor(c);
  };
  // Every page after the first opens with a thin band in the portal's colour (decoration).
  doc.on("pageAdded", () => {
    if (doc.bufferedPageRange().count === 1) return;
    artifact(doc, () => {
      doc.save();
      doc.rect(0, 0, doc.page.width, 8).fill(primary);
      doc.restore();
    });
    doc.fillColor(ink);
  });

  try {
    doc.addPage();
    const root = structureRoot(doc);
    const pageWidth = doc.page.width;
    const width = pageWidth - 2 * MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureSpace = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };

    // Header band: portal name left, kind right.
    const bandHeight = 64;
    artifact(doc, () => doc.rect(0, 0, pageWidth, bandHeight).fill(primary));
    const onBand = textOn(primary);
    color(onBand);
    tag(doc, root, "P", () =>
      doc
        .font(BOLD)
        .fontSize(18)
        .text(t(portalName), MARGIN, 23, { width: width * 0.7, lineBreak: false }),
    );
    tag(doc, root, "P", () =>
      doc
        .font(REGULAR)
        .fontSize(11)
        .text(t(KIND_LABELS[vacancy.kind][locale]), MARGIN + width * 0.7, 28, {
          width: width * 0.3,
          align: "right",
          lineBreak: false,
        }),
    );

    // Title block.
    doc.x = MARGIN;
    doc.y = bandHeight + 28;
    color(INK);
    tag(doc, root, "H1", () =>
      doc.font(BOLD).fontSize(24).text(t(vacancy.displayTitle), { width, lineGap: 2 }),
    );
    if (vacancy.functionTitle && vacancy.functionTitle !== vacancy.displayTitle) {
      doc.moveDown(0.2);
      color(MUTED);
      tag(doc, root, "P", () => doc.font(REGULAR).fontSize(13).text(t(vacancy.functionTitle), { width }));
    }
    const where = [
      vacancy.department
        ? `${vacancy.organisation.name} – ${vacancy.department.name}`
        : vacancy.organisation.name,
      vacancy.workAddress.city ?? vacancy.organisation.city,
    ]
      .filter(Boolean)
      .join(" · ");
    doc.moveDown(0.4);
    color(INK);
    tag(doc, root, "P", () => doc.font(BOLD).fontSize(12).text(t(where), { width }));

    // The image, scaled to fit the column and at most a quarter of the page high.
    const image = sniffImage(options.image);
    if (image) {
      let opened: { width: number; height: number } | null = null;
      try {
        // pdfkit reads the image once here (for its size) and reuses it in image().
        opened = (doc as unknown as PdfImageOpener).openImage(image);
      } catch {
        // An image pdfkit cannot read is left out rather than failing the download.
      }
      if (opened) {
        const maxHeight = 200;
        const scale = Math.min(width / opened.width, maxHeight / opened.height, 1);
        const w = opened.width * scale;
        const h = opened.height * scale;
        doc.moveDown(0.8);
        ensureSpace(h);
        const top = doc.y;
        const figure = opened;
        tag(
          doc,
          root,
          "Figure",
          () => doc.image(figure as unknown as Buffer, MARGIN, top, { width: w, height: h }),
          {
            alt: l.imageAlt(vacancy.displayTitle),
          },
        );
        doc.y = top + h;
      }
    }

    // Facts table: label column (row headers) and value column, zebra rows.
    doc.moveDown(1.2);
    ensureSpace(60);
    color(INK);
    tag(doc, root, "H2", () => doc.font(BOLD).fontSize(14).text(t(l.atAGlance), MARGIN, doc.y, { width }));
    doc.moveDown(0.4);
    const labelWidth = 150;
    const valueWidth = width - labelWidth - 16;
    const pad = 5;
    const table = tag(doc, root, "Table");
    vacancyFacts(vacancy, locale, options.educationLabel).forEach(([label, value], i) => {
      doc.font(REGULAR).fontSize(10.5);
      const valueHeight = doc.heightOfString(t(value), { width: valueWidth });
      doc.font(BOLD);
      const labelHeight = doc.heightOfString(t(label), { width: labelWidth - 8 });
      const rowHeight = Math.max(valueHeight, labelHeight) + 2 * pad;
      ensureSpace(rowHeight);
      const top = doc.y;
      if (i % 2 === 0) artifact(doc, () => doc.rect(MARGIN, top, width, rowHeight).fill(ZEBRA));
      const row = tag(doc, table, "TR");
      color(MUTED);
      tag(
        doc,
        row,
        "TH",
        () => doc.font(BOLD).text(t(label), MARGIN + 8, top + pad, { width: labelWidth - 8 }),
        { scope: "Row" },
      );
      color(INK);
      tag(doc, row, "TD", () =>
        doc.font(REGULAR).text(t(value), MARGIN + labelWidth + 8, top + pad, { width: valueWidth }),
      );
      doc.y = top + rowHeight;
    });
    artifact(doc, () =>
      doc
        .moveTo(MARGIN, doc.y)
        .lineTo(MARGIN + width, doc.y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke(),
    );

    // Description: its headings are H3 under the H2, bullets one list per run of bullets.
    const blocks = descriptionBlocks(vacancy.description);
    if (blocks.length > 0) {
      doc.x = MARGIN;
      doc.moveDown(1.5);
      ensureSpace(60);
      color(INK);
      tag(doc, root, "H2", () =>
        doc.font(BOLD).fontSize(14).text(t(l.description), MARGIN, doc.y, { width }),
      );
      doc.moveDown(0.4);
      const lineHeight = () => doc.currentLineHeight(true);
      let list: PDFKit.PDFStructureElement | null = null;
      blocks.forEach((block, i) => {
        const previous = blocks[i - 1];
        doc.fontSize(11);
        if (block.kind === "bullet") {
          if (previous && previous.kind !== "bullet") doc.moveDown(0.2);
          if (!list) list = tag(doc, root, "L");
          doc.font(REGULAR);
          ensureSpace(lineHeight());
          const top = doc.y;
          color(INK);
          artifact(doc, () => doc.circle(MARGIN + 6, top + 4.8, 1.8).fill(INK));
          tag(doc, tag(doc, list, "LI"), "LBody", () =>
            doc.text(t(block.text), MARGIN + 16, top, { width: width - 16, lineGap: 1.5 }),
          );
          doc.moveDown(0.15);
        } else {
          list = null;
          if (previous) doc.moveDown(previous.kind === "bullet" ? 0.8 : 0.6);
          doc.font(block.kind === "heading" ? BOLD : REGULAR);
          // Keep a heading with the first line below it.
          ensureSpace(lineHeight() * (block.kind === "heading" ? 2.5 : 1));
          color(INK);
          tag(doc, root, block.kind === "heading" ? "H3" : "P", () =>
            doc.text(t(block.text), MARGIN, doc.y, { width, lineGap: 1.5 }),
          );
        }
      });
    }

    drawPageFooters(doc, {
      left: t(l.downloaded(formatMoment(now, locale))),
      right: (page, pages) => t(l.page(page, pages)),
    });
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  return done;
}
