import { dateTimeFormat } from "../../../contracts/intl";
import {
  birthDateFromNationalRegisterNumber,
  formatNationalRegisterNumber,
} from "../../../contracts/national-register";
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

/**
 * The "indiensttredingsfiche" (Vlimpers): what HR administration needs to enter a new employee —
 * identity with the national register number, the post, the start date, the leader and the
 * mentor — as an accessible tagged PDF (PDF/UA, platform/pdf.ts): one H1, an H2 per part and
 * each part a table with row headers.
 */

export type StarterFormLocale = "nl" | "en";

export interface StarterForm {
  registerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  vacancyTitle: string;
  grade: string | null;
  organisation: string;
  department: string | null;
  startDate: string | null;
  leader: string | null;
  mentor: string | null;
}

const ZONE = "Europe/Brussels";
const TAGS: Record<StarterFormLocale, string> = { nl: "nl-BE", en: "en-GB" };

const LABELS = {
  nl: {
    title: "Indiensttredingsfiche",
    identity: "Identiteit",
    post: "Functie",
    start: "Indiensttreding",
    registerNumber: "Rijksregisternummer",
    name: "Naam",
    birthDate: "Geboortedatum",
    email: "E-mail",
    phone: "Telefoon",
    address: "Adres",
    vacancy: "Vacature",
    grade: "Graad / niveau",
    organisation: "Organisatie",
    department: "Afdeling",
    startDate: "Startdatum",
    leader: "Leidinggevende",
    mentor: "Meter / peter",
    unknown: "Nog niet ingevuld",
    none: "Geen",
    generated: (at: string) => `Gemaakt op ${at}`,
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
  },
  en: {
    title: "Starter form",
    identity: "Identity",
    post: "Post",
    start: "Start",
    registerNumber: "National register number",
    name: "Name",
    birthDate: "Date of birth",
    email: "E-mail",
    phone: "Phone",
    address: "Address",
    vacancy: "Vacancy",
    grade: "Grade / level",
    organisation: "Organisation",
    department: "Department",
    startDate: "Start date",
    leader: "Leader",
    mentor: "Mentor",
    unknown: "Not entered yet",
    none: "None",
    generated: (at: string) => `Generated on ${at}`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

function longDate(isoDay: string, locale: StarterFormLocale): string {
  return dateTimeFormat(TAGS[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

/** The rows of each part, as label and value, in the reader's language. */
export function starterFormRows(form: StarterForm, locale: StarterFormLocale) {
  const l = LABELS[locale];
  const birth = birthDateFromNationalRegisterNumber(form.registerNumber);
  const identity: [string, string][] = [
    [l.registerNumber, formatNationalRegisterNumber(form.registerNumber)],
    [l.name, form.name],
    [l.birthDate, birth ? longDate(birth, locale) : l.unknown],
    [l.email, form.email ?? l.unknown],
    [l.phone, form.phone ?? l.unknown],
    ...(form.address ? [[l.address, form.address] as [string, string]] : []),
  ];
  const post: [string, string][] = [
    [l.vacancy, form.vacancyTitle],
    ...(form.grade ? [[l.grade, form.grade] as [string, string]] : []),
    [l.organisation, form.organisation],
    ...(form.department ? [[l.department, form.department] as [string, string]] : []),
  ];
  const start: [string, string][] = [
    [l.startDate, form.startDate ? longDate(form.startDate, locale) : l.unknown],
    [l.leader, form.leader ?? l.unknown],
    [l.mentor, form.mentor ?? l.none],
  ];
  return [
    [l.identity, identity],
    [l.post, post],
    [l.start, start],
  ] as const;
}

export function starterFormTitle(form: StarterForm, locale: StarterFormLocale): string {
  return `${LABELS[locale].title} – ${form.name}`;
}

export function renderStarterForm(
  form: StarterForm,
  locale: StarterFormLocale,
  now: Date = new Date(),
): Promise<Buffer> {
  const l = LABELS[locale];
  const t = toWinAnsi;
  const title = starterFormTitle(form, locale);
  const doc = createTaggedPdf({
    lang: TAGS[locale],
    info: {
      Title: t(title),
      Author: t(form.organisation),
      Subject: t(form.vacancyTitle),
      Creator: "Werkbrug",
    },
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN + 30, left: PDF_MARGIN, right: PDF_MARGIN },
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
    const ink = "#1f2933";
    doc.fillColor(ink);
    tag(doc, root, "H1", () =>
      doc.font(PDF_FONT.bold).fontSize(22).text(t(l.title), PDF_MARGIN, PDF_MARGIN, { width }),
    );
    doc.moveDown(0.2);
    doc.fillColor(PDF_MUTED);
    tag(doc, root, "P", () =>
      doc
        .font(PDF_FONT.regular)
        .fontSize(12)
        .text(t(`${form.name} · ${form.vacancyTitle}`), { width }),
    );
    const labelWidth = 170;
    const pad = 5;
    for (const [heading, rows] of starterFormRows(form, locale)) {
      doc.moveDown(1.2);
      doc.fillColor(ink);
      tag(doc, root, "H2", () =>
        doc.font(PDF_FONT.bold).fontSize(14).text(t(heading), PDF_MARGIN, doc.y, { width }),
      );
      doc.moveDown(0.3);
      const table = tag(doc, root, "Table");
      for (const [label, value] of rows) {
        doc.font(PDF_FONT.regular).fontSize(10.5);
        const height = Math.max(
          doc.heightOfString(t(value), { width: width - labelWidth - 8 }),
          doc.heightOfString(t(label), { width: labelWidth - 8 }),
        );
        const top = doc.y;
        const row = tag(doc, table, "TR");
        doc.fillColor(PDF_MUTED);
        tag(
          doc,
          row,
          "TH",
          () => doc.font(PDF_FONT.bold).text(t(label), PDF_MARGIN, top + pad, { width: labelWidth - 8 }),
          {
            scope: "Row",
          },
        );
        doc.fillColor(ink);
        tag(doc, row, "TD", () =>
          doc
            .font(PDF_FONT.regular)
            .text(t(value), PDF_MARGIN + labelWidth, top + pad, { width: width - labelWidth - 8 }),
        );
        doc.y = top + height + 2 * pad;
        const y = doc.y;
        artifact(doc, () =>
          doc
            .moveTo(PDF_MARGIN, y)
            .lineTo(PDF_MARGIN + width, y)
            .lineWidth(0.5)
            .strokeColor(PDF_RULE)
            .stroke(),
        );
      }
    }
    const at = dateTimeFormat(TAGS[locale], { dateStyle: "long", timeStyle: "short", timeZone: ZONE }).format(
      now,
    );
    drawPageFooters(doc, { left: t(l.generated(at)), right: (n, of) => t(l.page(n, of)) });
    doc.end();
  } catch (error) {
    doc.end();
    throw error;
  }
  return done;
}
