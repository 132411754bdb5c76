/**
 * What the PDFs Werkbrug draws with pdfkit share: the page margin, the house colours and the
 * footer on every page (download date left, "page n of m" right).
 */
export const PDF_MARGIN = 50;
export const PDF_MUTED = "#52606d";
export const PDF_RULE = "#d9e2ec";

/** Draws the footer on every buffered page; call once, just before `doc.end()`. */
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
    doc
      .moveTo(PDF_MARGIN, y - 8)
      .lineTo(page.width - PDF_MARGIN, y - 8)
      .lineWidth(0.5)
      .strokeColor(PDF_RULE)
      .stroke();
    doc.font("Helvetica").fontSize(9).fillColor(PDF_MUTED);
    doc.text(footer.left, PDF_MARGIN, y, { width: width / 2, lineBreak: false });
    doc.text(footer.right(i - range.start + 1, range.count), PDF_MARGIN + width / 2, y, {
      width: width / 2,
      align: "right",
      lineBreak: false,
    });
    page.margins.bottom = savedBottom;
  }
}
