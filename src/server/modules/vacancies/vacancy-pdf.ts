import PDFDocument from "pdfkit";
import type { PersonRef, Vacancy, VacancyKind } from "../../../contracts/vacancies";
import { drawPageFooters } from "../../platform/pdf";

/**
 * A vacancy as an A4 PDF that looks like its page: the portal's colour band with its name, the
 * title, the facts table, the description (paragraphs and "- " bullets), the image, and on
 * every page the download date and page numbers. Only the PDF standard font Helvetica is used,
 * so nothing is downloaded or embedded; its WinAnsi encoding covers Dutch (é, ë, ï, €).
 */

export type PdfLocale = "nl" | "en";

export interface VacancyPdfOptions {
  locale: PdfLocale;
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

const KIND_LABELS: Record<VacancyKind, Record<PdfLocale, string>> = {
  vacancy: { nl: "Vacature", en: "Vacancy" },
  internship: { nl: "Stage", en: "Internship" },
  work_experience: { nl: "Werkervaringsplek", en: "Work experience placement" },
  apprenticeship: { nl: "Leerwerkplek", en: "Apprenticeship" },
  traineeship: { nl: "Traineeship", en: "Traineeship" },
  project: { nl: "Project", en: "Project" },
  job_rotation: { nl: "Jobrotatie", en: "Job rotation" },
  shadowing: { nl: "Meeloopdag", en: "Job shadowing" },
  volunteer: { nl: "Vrijwilligerswerk", en: "Volunteering" },
};

const LABELS = {
  nl: {
    atAGlance: "In het kort",
    kind: "Soort",
    hours: "Uren per week",
    positions: "Aantal plaatsen",
    duration: "Duur",
    salary: "Salaris",
    scale: "Functieschaal",
    education: "Opleidingsniveau",
    occupation: "Beroep",
    location: "Werklocatie",
    closesOn: "Sluitingsdatum",
    contactVia: "Contact via",
    contactPerson: "Contactpersoon",
    description: "Omschrijving",
    permanent: "Vast",
    temporary: "Tijdelijk",
    until: (day: string) => `tot en met ${day}`,
    viaAccountManager: "Accountmanager",
    viaEmployer: "Werkgever",
    hoursExact: (n: number) => `${n} uur`,
    hoursRange: (min: number, max: number) => `${min}–${max} uur`,
    hoursFrom: (n: number) => `vanaf ${n} uur`,
    hoursUpTo: (n: number) => `tot ${n} uur`,
    perMonth: "per maand",
    from: "vanaf",
    upTo: "tot",
    scaleWord: "schaal",
    downloaded: (day: string) => `Gedownload op ${day}`,
    page: (n: number, total: number) => `Pagina ${n} van ${total}`,
  },
  en: {
    atAGlance: "At a glance",
    kind: "Type",
    hours: "Hours per week",
    positions: "Positions",
    duration: "Duration",
    salary: "Salary",
    scale: "Salary scale",
    education: "Education level",
    occupation: "Occupation",
    location: "Work location",
    closesOn: "Closing date",
    contactVia: "Contact via",
    contactPerson: "Contact person",
    description: "Description",
    permanent: "Permanent",
    temporary: "Temporary",
    until: (day: string) => `until ${day}`,
    viaAccountManager: "Account manager",
    viaEmployer: "Employer",
    hoursExact: (n: number) => `${n} hours`,
    hoursRange: (min: number, max: number) => `${min}–${max} hours`,
    hoursFrom: (n: number) => `from ${n} hours`,
    hoursUpTo: (n: number) => `up to ${n} hours`,
    perMonth: "per month",
    from: "from",
    upTo: "up to",
    scaleWord: "scale",
    downloaded: (day: string) => `Downloaded on ${day}`,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
} as const;

type Labels = (typeof LABELS)[PdfLocale];

const INTL_LOCALE: Record<PdfLocale, string> = { nl: "nl-NL", en: "en-GB" };
const TIME_ZONE = "Europe/Amsterdam";

/** A calendar day (yyyy-mm-dd) in words, without a time zone moving it. */
function formatDay(iso: string, locale: PdfLocale): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function formatMoment(date: Date, locale: PdfLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(
    date,
  );
}

function euro(amount: number, locale: PdfLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(amount);
}

function hoursText(v: Vacancy, l: Labels): string | null {
  const { hoursMin: min, hoursMax: max } = v;
  if (min !== null && max !== null) return min === max ? l.hoursExact(min) : l.hoursRange(min, max);
  if (min !== null) return l.hoursFrom(min);
  if (max !== null) return l.hoursUpTo(max);
  return null;
}

function salaryText(v: Vacancy, l: Labels, locale: PdfLocale): string | null {
  const { salaryMin: min, salaryMax: max } = v;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max)
    return `${euro(min, locale)} – ${euro(max, locale)} ${l.perMonth}`;
  if (min !== null && max === null) return `${l.from} ${euro(min, locale)} ${l.perMonth}`;
  if (min === null && max !== null) return `${l.upTo} ${euro(max, locale)} ${l.perMonth}`;
  return `${euro((min ?? max)!, locale)} ${l.perMonth}`;
}

function scaleText(v: Vacancy, l: Labels): string | null {
  const { salaryScaleMin: min, salaryScaleMax: max } = v;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max) return `${l.scaleWord} ${min}–${max}`;
  return `${l.scaleWord} ${min ?? max}`;
}

function durationText(v: Vacancy, l: Labels, locale: PdfLocale): string {
  if (v.durationKind === "permanent") return l.permanent;
  return v.durationEndsOn ? `${l.temporary}, ${l.until(formatDay(v.durationEndsOn, locale))}` : l.temporary;
}

function person(p: PersonRef | null): string | null {
  if (!p) return null;
  return p.email ? `${p.name} (${p.email})` : p.name;
}

function workLocation(v: Vacancy): string | null {
  const a = v.workAddress;
  const street = [a.street, a.houseNumber].filter(Boolean).join(" ");
  const city = [a.postcode, a.city ?? v.organisation.city].filter(Boolean).join(" ");
  const text = [street, city].filter(Boolean).join(", ");
  return text || null;
}

/** The rows of the facts table, in the order of the vacancy page; empty facts are left out. */
export function vacancyFacts(
  v: Vacancy,
  locale: PdfLocale,
  educationLabel?: string | null,
): Array<[label: string, value: string]> {
  const l = LABELS[locale];
  const contact =
    v.contactVia === "account_manager" ? (v.accountManager ?? v.contact) : (v.contact ?? v.accountManager);
  const rows: Array<[string, string | null]> = [
    [l.kind, KIND_LABELS[v.kind][locale]],
    [l.occupation, v.occupation?.label ?? null],
    [l.hours, hoursText(v, l)],
    [l.positions, String(v.positions)],
    [l.duration, durationText(v, l, locale)],
    [l.salary, salaryText(v, l, locale)],
    [l.scale, scaleText(v, l)],
    [l.education, educationLabel ?? v.educationLevel],
    [l.location, workLocation(v)],
    [l.closesOn, v.publication.closesOn ? formatDay(v.publication.closesOn, locale) : null],
    [l.contactVia, v.contactVia === "account_manager" ? l.viaAccountManager : l.viaEmployer],
    [l.contactPerson, person(contact)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== "");
}

export type DescriptionBlock =
  | { kind: "paragraph"; text: string }
  /** A short line that introduces a list ("Wat vragen we?"). */
  | { kind: "heading"; text: string }
  | { kind: "bullet"; text: string };

const BULLET = /^\s*(?:[-*•–]\s+)(.*)$/;

/** Paragraphs are separated by blank lines; "- ", "* " and "• " lines are bullets. */
export function descriptionBlocks(description: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  const lines = description.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      blocks.push({ kind: "bullet", text: bullet[1]!.trim() });
    } else if (line.trim() === "") {
      flush();
    } else {
      const next = lines[i + 1] ?? "";
      const introducesList = BULLET.test(next) && line.trim().length <= 80 && /[:?]$/.test(line.trim());
      if (introducesList && paragraph.length === 0) blocks.push({ kind: "heading", text: line.trim() });
      else paragraph.push(line.trim());
    }
  });
  flush();
  return blocks;
}

// The characters WinAnsiEncoding (the standard fonts' encoding) has above Latin-1's 0-255.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Text the standard fonts can show: spaces of every kind become plain ones, letters outside
 * WinAnsi lose their accent (ő -> o), anything else becomes "?". Without this pdfkit writes
 * such characters as garbage.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (char === "\n") out += char;
    else if (char === "\t" || /\s/u.test(char)) out += code === 0xa0 ? char : " ";
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char))
      out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else {
      const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base && [...base].every((c) => c.codePointAt(0)! < 0x100) ? base : "?";
    }
  }
  return out;
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

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    lang: locale === "en" ? "en-GB" : "nl-NL",
    displayTitle: true,
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
  // Every page after the first opens with a thin band in the portal's colour.
  doc.on("pageAdded", () => {
    if (doc.bufferedPageRange().count === 1) return;
    doc.save();
    doc.rect(0, 0, doc.page.width, 8).fill(primary);
    doc.restore();
    doc.fillColor(ink);
  });

  try {
    doc.addPage();
    const pageWidth = doc.page.width;
    const width = pageWidth - 2 * MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureSpace = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };

    // Header band: portal name left, kind right.
    const bandHeight = 64;
    doc.rect(0, 0, pageWidth, bandHeight).fill(primary);
    const onBand = textOn(primary);
    color(onBand);
    doc
      .font("Helvetica-Bold")
      .fontSize(18)
      .text(t(portalName), MARGIN, 23, { width: width * 0.7, lineBreak: false });
    doc
      .font("Helvetica")
      .fontSize(11)
      .text(t(KIND_LABELS[vacancy.kind][locale]), MARGIN + width * 0.7, 28, {
        width: width * 0.3,
        align: "right",
        lineBreak: false,
      });

    // Title block.
    doc.x = MARGIN;
    doc.y = bandHeight + 28;
    color(INK);
    doc.font("Helvetica-Bold").fontSize(24).text(t(vacancy.displayTitle), { width, lineGap: 2 });
    if (vacancy.functionTitle && vacancy.functionTitle !== vacancy.displayTitle) {
      doc.moveDown(0.2);
      color(MUTED);
      doc.font("Helvetica").fontSize(13).text(t(vacancy.functionTitle), { width });
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
    doc.font("Helvetica-Bold").fontSize(12).text(t(where), { width });

    // The image, scaled to fit the column and at most a quarter of the page high.
    const image = sniffImage(options.image);
    if (image) {
      try {
        // pdfkit reads the image once here (for its size) and reuses it in image().
        const opened = (doc as unknown as PdfImageOpener).openImage(image);
        const maxHeight = 200;
        const scale = Math.min(width / opened.width, maxHeight / opened.height, 1);
        const w = opened.width * scale;
        const h = opened.height * scale;
        doc.moveDown(0.8);
        ensureSpace(h);
        doc.image(opened as unknown as Buffer, MARGIN, doc.y, { width: w, height: h });
        doc.y += h;
      } catch {
        // An image pdfkit cannot read is left out rather than failing the download.
      }
    }

    // Facts table: label column and value column, zebra rows.
    doc.moveDown(1.2);
    ensureSpace(60);
    color(INK);
    doc.font("Helvetica-Bold").fontSize(14).text(t(l.atAGlance), MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    const labelWidth = 150;
    const valueWidth = width - labelWidth - 16;
    const pad = 5;
    vacancyFacts(vacancy, locale, options.educationLabel).forEach(([label, value], i) => {
      doc.font("Helvetica").fontSize(10.5);
      const valueHeight = doc.heightOfString(t(value), { width: valueWidth });
      doc.font("Helvetica-Bold");
      const labelHeight = doc.heightOfString(t(label), { width: labelWidth - 8 });
      const rowHeight = Math.max(valueHeight, labelHeight) + 2 * pad;
      ensureSpace(rowHeight);
      const top = doc.y;
      if (i % 2 === 0) doc.rect(MARGIN, top, width, rowHeight).fill(ZEBRA);
      color(MUTED);
      doc.font("Helvetica-Bold").text(t(label), MARGIN + 8, top + pad, { width: labelWidth - 8 });
      color(INK);
      doc.font("Helvetica").text(t(value), MARGIN + labelWidth + 8, top + pad, { width: valueWidth });
      doc.y = top + rowHeight;
    });
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();

    // Description.
    const blocks = descriptionBlocks(vacancy.description);
    if (blocks.length > 0) {
      doc.x = MARGIN;
      doc.moveDown(1.5);
      ensureSpace(60);
      color(INK);
      doc.font("Helvetica-Bold").fontSize(14).text(t(l.description), MARGIN, doc.y, { width });
      doc.moveDown(0.4);
      const lineHeight = () => doc.currentLineHeight(true);
      blocks.forEach((block, i) => {
        const previous = blocks[i - 1];
        doc.fontSize(11);
        if (block.kind === "bullet") {
          if (previous && previous.kind !== "bullet") doc.moveDown(0.2);
          doc.font("Helvetica");
          ensureSpace(lineHeight());
          const top = doc.y;
          color(INK);
          doc.circle(MARGIN + 6, top + 4.8, 1.8).fill(INK);
          doc.text(t(block.text), MARGIN + 16, top, { width: width - 16, lineGap: 1.5 });
          doc.moveDown(0.15);
        } else {
          if (previous) doc.moveDown(previous.kind === "bullet" ? 0.8 : 0.6);
          doc.font(block.kind === "heading" ? "Helvetica-Bold" : "Helvetica");
          // Keep a heading with the first line below it.
          ensureSpace(lineHeight() * (block.kind === "heading" ? 2.5 : 1));
          color(INK);
          doc.text(t(block.text), MARGIN, doc.y, { width, lineGap: 1.5 });
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
