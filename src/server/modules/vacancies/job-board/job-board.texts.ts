/** The words and numbers of the open job board: labels and texts per language, formats. */
import type { Locale } from "../../../../contracts/common";
import { dateTimeFormat, numberFormat } from "../../../../contracts/intl";
import type { VacancyKind } from "../../../../contracts/vacancies";
import type { PublicVacancy } from "./job-board.repository";

export const KIND_LABELS: Record<VacancyKind, Record<Locale, string>> = {
  vacancy: { nl: "Vacature", en: "Job" },
  internship: { nl: "Stage", en: "Internship" },
  work_experience: { nl: "Werkervaringsplaats", en: "Work experience placement" },
  apprenticeship: { nl: "Leerwerkplek", en: "Apprenticeship" },
  traineeship: { nl: "Traineeship", en: "Traineeship" },
  project: { nl: "Project", en: "Project" },
  job_rotation: { nl: "Jobrotatie", en: "Job rotation" },
  shadowing: { nl: "Meeloopdag", en: "Job shadowing" },
  volunteer: { nl: "Vrijwilligerswerk", en: "Volunteer work" },
};

export const DISTANCES_KM = [5, 10, 25, 50, 100] as const;
/** Distance searched when a place is given; the form shows it selected. */
export const DEFAULT_DISTANCE_KM = 25;

const TEXT = {
  nl: {
    skip: "Naar de inhoud",
    mainMenu: "Hoofdmenu",
    vacancies: "Vacatures",
    signIn: "Inloggen",
    otherLanguage: { name: "English", lang: "en" as Locale },
    listHeading: "Vacatures",
    listIntro: (portal: string) => `Vacatures, stages en andere kansen bij werkgevers van ${portal}.`,
    applyIntro: "Wil je reageren? ",
    applyIntroLink: "Log in of maak een account aan",
    listDescription: (portal: string, n: number) =>
      `${n} openstaande ${n === 1 ? "vacature" : "vacatures"} op ${portal}: zoek op functie, organisatie of plaats en reageer direct.`,
    filters: "Zoeken en filteren",
    q: "Zoek op functie, organisatie of plaats",
    kind: "Soort",
    anyKind: "Alle soorten",
    education: "Opleidingsniveau",
    anyEducation: "Alle niveaus",
    hoursMin: "Minimaal uur per week",
    hoursMax: "Maximaal uur per week",
    place: "Plaats",
    distance: "Afstand",
    km: (n: number) => `${n} km`,
    submit: "Zoeken",
    reset: "Alle filters wissen",
    count: (n: number) => (n === 1 ? "1 vacature gevonden" : `${fmtInt(n, "nl")} vacatures gevonden`),
    pageOf: (p: number, n: number) => `Pagina ${p} van ${n}`,
    pageTitle: (p: number) => `pagina ${p}`,
    pagination: "Paginering",
    prev: "Vorige pagina",
    next: "Volgende pagina",
    noResults: "Er zijn geen vacatures gevonden. Probeer minder of andere zoekwoorden.",
    unknownPlace: (name: string) => `De plaats “${name}” kennen we niet, dus er is niet op afstand gezocht.`,
    away: (km: number) => `${fmtDecimal(km, "nl")} km`,
    closes: "Sluitingsdatum",
    closesShort: (d: string) => `Reageren tot en met ${d}`,
    about: "Over deze vacature",
    organisation: "Organisatie",
    functionTitle: "Functie",
    address: "Werkadres",
    hours: "Uren",
    positions: "Aantal plaatsen",
    duration: "Duur",
    permanent: "Vast",
    temporary: "Tijdelijk",
    until: (d: string) => `tijdelijk, tot en met ${d}`,
    salary: "Salaris",
    perMonth: "bruto per maand",
    from: "vanaf",
    upTo: "tot",
    scale: "schaal",
    occupation: "Beroep",
    posted: "Geplaatst op",
    description: "Omschrijving",
    apply: "Reageren",
    applyHint: "Je logt eerst in of maakt een account aan; daarna reageer je op deze vacature.",
    back: "Terug naar alle vacatures",
    breadcrumb: "Kruimelpad",
    notFoundTitle: "Vacature niet gevonden",
    notFoundText: "Deze vacature bestaat niet, is gesloten of is niet openbaar.",
    portalNotFoundTitle: "Dit portaal bestaat niet",
    portalNotFoundText: "Op dit adres is geen Werkbrug-portaal.",
    toNational: "Naar Werkbrug",
    feed: "RSS-feed met vacatures",
  },
  en: {
    skip: "Skip to content",
    mainMenu: "Main menu",
    vacancies: "Vacancies",
    signIn: "Sign in",
    otherLanguage: { name: "Nederlands", lang: "nl" as Locale },
    listHeading: "Vacancies",
    listIntro: (portal: string) => `Jobs, internships and other opportunities with employers of ${portal}.`,
    applyIntro: "Want to apply? ",
    applyIntroLink: "Sign in or create an account",
    listDescription: (portal: string, n: number) =>
      `${n} open ${n === 1 ? "vacancy" : "vacancies"} on ${portal}: search by job, organisation or place and apply directly.`,
    filters: "Search and filter",
    q: "Search by job, organisation or place",
    kind: "Type",
    anyKind: "All types",
    education: "Education level",
    anyEducation: "All levels",
    hoursMin: "Minimum hours per week",
    hoursMax: "Maximum hours per week",
    place: "Place",
    distance: "Distance",
    km: (n: number) => `${n} km`,
    submit: "Search",
    reset: "Clear all filters",
    count: (n: number) => (n === 1 ? "1 vacancy found" : `${fmtInt(n, "en")} vacancies found`),
    pageOf: (p: number, n: number) => `Page ${p} of ${n}`,
    pageTitle: (p: number) => `page ${p}`,
    pagination: "Pagination",
    prev: "Previous page",
    next: "Next page",
    noResults: "No vacancies found. Try fewer or other search words.",
    unknownPlace: (name: string) => `We do not know the place “${name}”, so distance was not searched.`,
    away: (km: number) => `${fmtDecimal(km, "en")} km`,
    closes: "Closing date",
    closesShort: (d: string) => `Apply by ${d}`,
    about: "About this vacancy",
    organisation: "Organisation",
    functionTitle: "Job title",
    address: "Work address",
    hours: "Hours",
    positions: "Positions",
    duration: "Duration",
    permanent: "Permanent",
    temporary: "Temporary",
    until: (d: string) => `temporary, until ${d}`,
    salary: "Salary",
    perMonth: "gross per month",
    from: "from",
    upTo: "up to",
    scale: "scale",
    occupation: "Occupation",
    posted: "Posted on",
    description: "Description",
    apply: "Apply",
    applyHint: "You sign in or create an account first; then you apply for this vacancy.",
    back: "Back to all vacancies",
    breadcrumb: "Breadcrumb",
    notFoundTitle: "Vacancy not found",
    notFoundText: "This vacancy does not exist, has closed or is not public.",
    portalNotFoundTitle: "This portal does not exist",
    portalNotFoundText: "There is no Werkbrug portal at this address.",
    toNational: "Go to Werkbrug",
    feed: "RSS feed of vacancies",
  },
} as const;

export type Texts = (typeof TEXT)[Locale];
export function texts(locale: Locale): Texts {
  return TEXT[locale];
}

// ---------------------------------------------------------------------------------------------
// Formatting

const intlLocale = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");

function fmtInt(n: number, locale: Locale): string {
  return numberFormat(intlLocale(locale)).format(n);
}

function fmtDecimal(n: number, locale: Locale): string {
  return numberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(n);
}

export function formatDate(day: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function formatEuro(n: number, locale: Locale): string {
  return numberFormat(intlLocale(locale), {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(n);
}

function range(min: number | null, max: number | null, fmt: (n: number) => string): string | null {
  if (min === null && max === null) return null;
  if (min === null || max === null || min === max) return fmt((min ?? max)!);
  return `${fmt(min)}–${fmt(max)}`;
}

export function hoursText(v: { hoursMin: number | null; hoursMax: number | null }, locale: Locale) {
  const r = range(v.hoursMin, v.hoursMax, String);
  return r ? `${r} ${locale === "nl" ? "uur per week" : "hours per week"}` : null;
}

/** "€ 2.800–€ 3.400 bruto per maand, schaal 6–8"; null when neither is known. */
export function salaryText(v: PublicVacancy, locale: Locale): string | null {
  const t = TEXT[locale];
  const euro = (n: number) => formatEuro(n, locale);
  let amount: string | null = null;
  if (v.salaryMin !== null && v.salaryMax !== null) amount = range(v.salaryMin, v.salaryMax, euro);
  else if (v.salaryMin !== null) amount = `${t.from} ${euro(v.salaryMin)}`;
  else if (v.salaryMax !== null) amount = `${t.upTo} ${euro(v.salaryMax)}`;
  const scale = range(v.salaryScaleMin, v.salaryScaleMax, String);
  const parts = [amount ? `${amount} ${t.perMonth}` : null, scale ? `${t.scale} ${scale}` : null].filter(
    (p): p is string => p !== null,
  );
  if (parts.length === 0) return null;
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function addressText(v: PublicVacancy): string | null {
  const street = [v.street, v.houseNumber].filter((s) => s?.trim()).join(" ");
  const town = [v.postcode, v.city].filter((s) => s?.trim()).join(" ");
  const text = [street, town].filter(Boolean).join(", ");
  return text || null;
}

// ---------------------------------------------------------------------------------------------
