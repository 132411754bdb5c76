import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import type { PersonRef, Vacancy, VacancyKind } from "../../../contracts/vacancies";

/** The words and numbers of a vacancy's PDF: labels per language, the facts table, the text. */

/** The language of PDFs about candidates (staff read them in Dutch or English). */
export type PdfLocale = "nl" | "en";
/** A vacancy's PDF is also read by employer contact persons, in German or French too. */
export type VacancyPdfLocale = "nl" | "en" | "de" | "fr";

export const KIND_LABELS: Record<VacancyKind, Record<VacancyPdfLocale, string>> = {
  vacancy: { nl: "Vacature", en: "Vacancy", de: "Stelle", fr: "Offre d'emploi" },
  internship: { nl: "Stage", en: "Internship", de: "Praktikum", fr: "Stage" },
  work_experience: {
    nl: "Werkervaringsplek",
    en: "Work experience placement",
    de: "Arbeitserprobungsplatz",
    fr: "Stage d'expérience professionnelle",
  },
  apprenticeship: { nl: "Leerwerkplek", en: "Apprenticeship", de: "Ausbildungsplatz", fr: "Apprentissage" },
  traineeship: { nl: "Traineeship", en: "Traineeship", de: "Traineeprogramm", fr: "Programme trainee" },
  project: { nl: "Project", en: "Project", de: "Projekt", fr: "Projet" },
  job_rotation: { nl: "Jobrotatie", en: "Job rotation", de: "Jobrotation", fr: "Rotation de postes" },
  shadowing: { nl: "Meeloopdag", en: "Job shadowing", de: "Hospitationstag", fr: "Journée d'immersion" },
  volunteer: { nl: "Vrijwilligerswerk", en: "Volunteering", de: "Ehrenamt", fr: "Bénévolat" },
};

export const LABELS = {
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
    imageAlt: (title: string) => `Afbeelding bij de vacature ${title}`,
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
    imageAlt: (title: string) => `Image for the vacancy ${title}`,
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
  de: {
    atAGlance: "Auf einen Blick",
    kind: "Art",
    hours: "Stunden pro Woche",
    positions: "Anzahl der Stellen",
    duration: "Dauer",
    salary: "Gehalt",
    scale: "Gehaltsstufe",
    education: "Bildungsniveau",
    occupation: "Beruf",
    location: "Arbeitsort",
    closesOn: "Bewerbungsschluss",
    contactVia: "Kontakt über",
    contactPerson: "Ansprechpartner",
    description: "Beschreibung",
    imageAlt: (title: string) => `Bild zur Stelle ${title}`,
    permanent: "Unbefristet",
    temporary: "Befristet",
    until: (day: string) => `bis einschließlich ${day}`,
    viaAccountManager: "Account Manager",
    viaEmployer: "Arbeitgeber",
    hoursExact: (n: number) => `${n} Stunden`,
    hoursRange: (min: number, max: number) => `${min}–${max} Stunden`,
    hoursFrom: (n: number) => `ab ${n} Stunden`,
    hoursUpTo: (n: number) => `bis ${n} Stunden`,
    perMonth: "pro Monat",
    from: "ab",
    upTo: "bis",
    scaleWord: "Stufe",
    downloaded: (day: string) => `Heruntergeladen am ${day}`,
    page: (n: number, total: number) => `Seite ${n} von ${total}`,
  },
  fr: {
    atAGlance: "En bref",
    kind: "Type",
    hours: "Heures par semaine",
    positions: "Nombre de postes",
    duration: "Durée",
    salary: "Salaire",
    scale: "Échelle salariale",
    education: "Niveau de formation",
    occupation: "Métier",
    location: "Lieu de travail",
    closesOn: "Date de clôture",
    contactVia: "Contact via",
    contactPerson: "Personne de contact",
    description: "Description",
    imageAlt: (title: string) => `Image de l’offre ${title}`,
    permanent: "CDI",
    temporary: "CDD",
    until: (day: string) => `jusqu'au ${day} inclus`,
    viaAccountManager: "Chargé de compte",
    viaEmployer: "Employeur",
    hoursExact: (n: number) => `${n} heures`,
    hoursRange: (min: number, max: number) => `${min} à ${max} heures`,
    hoursFrom: (n: number) => `à partir de ${n} heures`,
    hoursUpTo: (n: number) => `jusqu'à ${n} heures`,
    perMonth: "par mois",
    from: "à partir de",
    upTo: "jusqu'à",
    scaleWord: "échelle",
    downloaded: (day: string) => `Téléchargé le ${day}`,
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
  },
} as const;

export type Labels = (typeof LABELS)[VacancyPdfLocale];

export const INTL_LOCALE: Record<VacancyPdfLocale, string> = {
  nl: "nl-NL",
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
};
const TIME_ZONE = "Europe/Amsterdam";

/** A calendar day (yyyy-mm-dd) in words, without a time zone moving it. */
export function formatDay(iso: string, locale: VacancyPdfLocale): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return dateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatMoment(date: Date, locale: VacancyPdfLocale): string {
  return dateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

function euro(amount: number, locale: VacancyPdfLocale): string {
  return numberFormat(INTL_LOCALE[locale], {
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

function salaryText(v: Vacancy, l: Labels, locale: VacancyPdfLocale): string | null {
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

function durationText(v: Vacancy, l: Labels, locale: VacancyPdfLocale): string {
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
  locale: VacancyPdfLocale,
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
 * Text kept to WinAnsi: spaces of every kind become plain ones, letters outside WinAnsi lose
 * their accent (ő -> o), anything else becomes "?". Written for the standard font Helvetica; the
 * PDFs now embed Liberation Sans, and this keeps what they show as it was (every character has a
 * glyph in that font, none falls back to an empty box).
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
