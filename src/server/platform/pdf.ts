import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { appRootUrl } from "./app-root";

/**
 * What the PDFs Werkbrug draws with pdfkit share: the page margin, the house colours, the fonts,
 * tagging (PDF/UA) and the footer on every page (download date left, "page n of m" right).
 *
 * Every PDF is a tagged PDF (PDF/UA-1): a structure tree in reading order (H1, H2, P, Table, L,
 * Figure with alt text), the document language, the title shown instead of the file name, and
 * embedded fonts. Text is drawn inside `tag(...)`; lines, bands and zebra rows inside
 * `artifact(...)`, so a screen reader skips them.
 */
export const PDF_MARGIN = 50;
export const PDF_MUTED = "#52606d";
export const PDF_RULE = "#d9e2ec";

/**
 * The font names to pass to `doc.font()`. Liberation Sans (data/fonts, see SOURCES.md there) has
 * Helvetica's metrics, so the layout is that of the former standard font, but it is embedded.
 */
export const PDF_FONT = { regular: "WerkbrugSans", bold: "WerkbrugSans-Bold" } as const;

const FONT_FILES = {
  [PDF_FONT.regular]: "LiberationSans-Regular.ttf",
  [PDF_FONT.bold]: "LiberationSans-Bold.ttf",
} as const;
const fontCache = new Map<string, Buffer>();
function fontData(name: keyof typeof FONT_FILES): Buffer {
  let data = fontCache.get(name);
  if (!data) {
    data = readFileSync(fileURLToPath(new URL(`data/fonts/${FONT_FILES[name]}`, appRootUrl)));
    fontCache.set(name, data);
  }
  return data;
}

export interface TaggedPdfOptions {
  /** The document's language (BCP 47), e.g. nl-NL. */
  lang: string;
  /** Title (shown by viewers instead of the file name), author and so on. */
  info: PDFKit.DocumentInfo & { Title: string };
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * A new A4 pdfkit document, tagged (PDF/UA) with the house fonts registered; pages are buffered
 * (for the footers) and the first page is added by the caller.
 */
export function createTaggedPdf(options: TaggedPdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: options.margins,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    // pdfkit knows "PDF/UA" (it writes pdfuaid:part 1 in the XMP metadata); its types only the PDF/A ones.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    lang: options.lang,
    displayTitle: true,
    // No Helvetica, not even as the default font: everything is drawn in an embedded font.
    font: null as unknown as string,
    info: options.info,
  });
  // pdfkit copies the title, author and subject into the XMP metadata (dc:title, which PDF/UA
  // requires) without escaping them, so "R&D <monteur>" would make the metadata invalid XML. The
  // document information dictionary is written before the metadata, so escape just for the latter.
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(info))
      if (typeof value === "string") info[key] = escapeXml(value);
    endMetadata();
  };
  doc.registerFont(PDF_FONT.regular, fontData(PDF_FONT.regular));
  doc.registerFont(PDF_FONT.bold, fontData(PDF_FONT.bold));
  doc.font(PDF_FONT.regular);
  return doc;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The options pdfkit's structure elements take (its types miss `scope`). */
export interface PdfStructOptions {
  alt?: string;
  lang?: string;
  /** TH: whether it heads a row or a column. */
  scope?: "Row" | "Column";
}

type PdfStructChild = PDFKit.PDFStructureElement | (() => void);

/**
 * Adds a structure element of `type` to `parent` (the document or an element), in reading order.
 * A function child draws the element's content (inside marked content tied to the element);
 * element children nest. Returns the element so more children can be added, in order.
 */
export function tag(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  type: string,
  children: PdfStructChild | PdfStructChild[] = [],
  options: PdfStructOptions = {},
): PDFKit.PDFStructureElement {
  const element = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  parent.add(element);
  for (const child of Array.isArray(children) ? children : [children]) element.add(child);
  return element;
}

/** The root of the structure tree: one Document element, to add the rest to in reading order. */
export function structureRoot(doc: PDFKit.PDFDocument): PDFKit.PDFStructureElement {
  const root = doc.struct("Document");
  doc.addStructure(root);
  return root;
}

/**
 * Draws decoration (bands, rules, zebra rows, bullets) as an artifact, which assistive technology
 * skips. Call it between `tag` calls, not inside one (pdfkit closes open marked content first).
 */
export function artifact(
  doc: PDFKit.PDFDocument,
  draw: () => void,
  type: "Layout" | "Pagination" = "Layout",
): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

/** Draws the footer on every buffered page, as a pagination artifact; call once, just before `doc.end()`. */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  footer: { left: string; right: (page: number, pages: number) => string },
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const width = page.width - 2 * PDF_MARGIN;
    // Writing below the bottom margin would otherwise start a new page.
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0;
    const y = page.height - PDF_MARGIN - 12;
    artifact(
      doc,
      () => {
        doc
          .moveTo(PDF_MARGIN, y - 8)
          .lineTo(page.width - PDF_MARGIN, y - 8)
          .lineWidth(0.5)
          .strokeColor(PDF_RULE)
          .stroke();
        doc.font(PDF_FONT.regular).fontSize(9).fillColor(PDF_MUTED);
        doc.text(footer.left, PDF_MARGIN, y, { width: width / 2, lineBreak: false });
        doc.text(footer.right(i - range.start + 1, range.count), PDF_MARGIN + width / 2, y, {
          width: width / 2,
          align: "right",
          lineBreak: false,
        });
      },
      "Pagination",
    );
    page.margins.bottom = savedBottom;
  }
}
