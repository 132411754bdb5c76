/**
 * schema.org JobPosting for a public vacancy (Google for Jobs), and the small text helpers the
 * job board's pages and feeds share: escaping, slugs, descriptions as paragraphs. Pure: the
 * only lookups are in the reference data, which is read once and kept in memory.
 */
import type { Locale } from "../../../../contracts/common";
import { dateTimeFormat } from "../../../../contracts/intl";
import type { VacancyKind } from "../../../../contracts/vacancies";
import { getEducationLevels, getOccupation, getPlace } from "../../taxonomy";
import type { PublicVacancy } from "./job-board.repository";

// ---------------------------------------------------------------------------------------------
// Text

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML and XML content and attribute values (double or single quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Characters XML 1.0 does not allow at all, not even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function stripInvalidXml(text: string): string {
  return text.replace(XML_INVALID, "");
}

/**
 * A description as HTML: escaped, paragraphs (blank lines) as <p>, single line breaks as
 * <br> — the markup Google's guidance allows in a JobPosting description.
 */
export function descriptionHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/[ \t]*\n[ \t]*/g, "<br>")}</p>`)
    .join("");
}

/** The start of a text on one line, cut at a word boundary, with an ellipsis when cut. */
export function summarise(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

/** URL slug of a title: lower case, accents stripped, anything else to single dashes. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "vacature";
}

/** Path of a vacancy's public page: /vacatures/<id>-<slug>. */
export function vacancyPath(vacancy: { id: string; displayTitle: string }): string {
  return `/vacatures/${vacancy.id}-${slugify(vacancy.displayTitle)}`;
}

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-(.*))?$/i;

/** Splits `<uuid>-<slug>` (or a bare uuid); null when it does not start with a uuid. */
export function parseIdSlug(idSlug: string): { id: string; slug: string | null } | null {
  const m = UUID.exec(idSlug);
  if (!m) return null;
  return { id: m[1]!.toLowerCase(), slug: m[2] ?? null };
}

/**
 * JSON for a <script type="application/ld+json"> block: nothing in it can end the script or
 * start a comment, whatever the vacancy's texts contain.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

// ---------------------------------------------------------------------------------------------
// Dates

/** UTC offset of Europe/Amsterdam on a day, "+01:00" (winter) or "+02:00" (summer). */
export function amsterdamOffset(day: string): string {
  // Clocks change at night; at noon the day's offset is the one that holds at its end too.
  const zone = dateTimeFormat("en-US", {
    timeZone: "Europe/Amsterdam",
    timeZoneName: "longOffset",
  })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(zone ?? "");
  return m ? m[1]! : "+00:00";
}

/** The last second of a day in Dutch time, ISO 8601: 2026-12-31T23:59:59+01:00. */
export function endOfDayAmsterdam(day: string): string {
  return `${day}T23:59:59${amsterdamOffset(day)}`;
}

/** The first moment of a day in Dutch time, as an instant. */
export function startOfDayAmsterdam(day: string): Date {
  return new Date(`${day}T00:00:00${amsterdamOffset(day)}`);
}

// ---------------------------------------------------------------------------------------------
// Classification

const INTERN_KINDS: readonly VacancyKind[] = [
  "internship",
  "work_experience",
  "apprenticeship",
  "traineeship",
];

export type EmploymentType = "FULL_TIME" | "PART_TIME" | "INTERN" | "TEMPORARY" | "VOLUNTEER";

/**
 * Google's employment types of a vacancy: internships and the like are INTERN, volunteer work
 * VOLUNTEER; the hours make it FULL_TIME (32 or more) and/or PART_TIME (a range that spans
 * both is both); a temporary contract adds TEMPORARY.
 */
export function employmentTypes(v: {
  kind: VacancyKind;
  hoursMin: number | null;
  hoursMax: number | null;
  durationKind: string;
}): EmploymentType[] {
  const types: EmploymentType[] = [];
  if (INTERN_KINDS.includes(v.kind)) types.push("INTERN");
  if (v.kind === "volunteer") types.push("VOLUNTEER");
  const most = v.hoursMax ?? v.hoursMin;
  const least = v.hoursMin ?? v.hoursMax;
  if (most !== null && most >= 32) types.push("FULL_TIME");
  if (least !== null && least < 32) types.push("PART_TIME");
  if (v.durationKind === "temporary") types.push("TEMPORARY");
  return types;
}

/** "32-40 uur per week", "36 uur per week"; null without hours. */
export function workHoursText(v: { hoursMin: number | null; hoursMax: number | null }, locale: Locale) {
  const unit = locale === "nl" ? "uur per week" : "hours per week";
  const { hoursMin: min, hoursMax: max } = v;
  if (min === null && max === null) return null;
  if (min === null || max === null || min === max) return `${min ?? max} ${unit}`;
  return `${min}-${max} ${unit}`;
}

/** Google's credentialCategory for a Dutch education level, where one fits. */
const CREDENTIAL_CATEGORY: Record<string, string> = {
  praktijkonderwijs: "high school",
  vso: "high school",
  "vmbo-bb": "high school",
  "vmbo-kb": "high school",
  "vmbo-gt": "high school",
  havo: "high school",
  vwo: "high school",
  "mbo-1": "professional certificate",
  "mbo-2": "professional certificate",
  "mbo-3": "professional certificate",
  "mbo-4": "professional certificate",
  "hbo-ad": "associate degree",
  "hbo-bachelor": "bachelor degree",
  "wo-bachelor": "bachelor degree",
  "hbo-master": "postgraduate degree",
  "wo-master": "postgraduate degree",
  doctoraat: "postgraduate degree",
};

export function educationLabel(id: string | null, locale: Locale): string | null {
  if (!id) return null;
  return getEducationLevels().find((e) => e.id === id)?.label[locale] ?? null;
}

export function occupationLabel(id: string | null, locale: Locale): string | null {
  if (!id) return null;
  return getOccupation(id)?.label[locale] ?? null;
}

// ---------------------------------------------------------------------------------------------
// JobPosting

export interface JobPostingOptions {
  /** Absolute canonical URL of the vacancy page. */
  url: string;
  /** Language of the human-readable bits (work hours, education label). Default nl. */
  locale?: Locale;
}

/**
 * The schema.org JobPosting of a public vacancy: every property Google for Jobs reads that
 * the vacancy has a value for (required: title, description, datePosted, hiringOrganization,
 * jobLocation; recommended: validThrough, employmentType, baseSalary, identifier, directApply).
 */
export function buildJobPosting(v: PublicVacancy, options: JobPostingOptions): Record<string, unknown> {
  const locale = options.locale ?? "nl";
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: v.displayTitle,
    description: descriptionHtml(v.description) || `<p>${escapeHtml(v.functionTitle)}</p>`,
    datePosted: v.publishPublicFrom,
  };
  if (v.closesOn) posting.validThrough = endOfDayAmsterdam(v.closesOn);
  const types = employmentTypes(v);
  if (types.length === 1) posting.employmentType = types[0];
  else if (types.length > 1) posting.employmentType = types;
  posting.hiringOrganization = { "@type": "Organization", name: v.organisationName };

  const address: Record<string, string> = { "@type": "PostalAddress" };
  const street = [v.street, v.houseNumber].filter((s) => s?.trim()).join(" ");
  if (street) address.streetAddress = street;
  if (v.postcode) address.postalCode = v.postcode;
  if (v.city) address.addressLocality = v.city;
  const place = v.placeId ? getPlace(v.placeId) : undefined;
  if (place?.province) address.addressRegion = place.province;
  address.addressCountry = place?.country ?? "NL";
  const location: Record<string, unknown> = { "@type": "Place", address };
  if (v.lat !== null && v.lon !== null) {
    location.geo = { "@type": "GeoCoordinates", latitude: v.lat, longitude: v.lon };
  }
  posting.jobLocation = location;

  if (v.salaryMin !== null || v.salaryMax !== null) {
    const value: Record<string, unknown> = { "@type": "QuantitativeValue" };
    if (v.salaryMin !== null) value.minValue = v.salaryMin;
    if (v.salaryMax !== null) value.maxValue = v.salaryMax;
    value.unitText = "MONTH";
    posting.baseSalary = { "@type": "MonetaryAmount", currency: "EUR", value };
  }
  posting.identifier = { "@type": "PropertyValue", name: v.organisationName, value: v.id };
  posting.directApply = true;
  posting.url = options.url;
  const occupation = v.occupationId ? getOccupation(v.occupationId) : undefined;
  if (occupation) posting.occupationalCategory = occupation.isco;
  const hours = workHoursText(v, locale);
  if (hours) posting.workHours = hours;
  const education = educationLabel(v.educationLevel, locale);
  if (education && v.educationLevel) {
    const category = CREDENTIAL_CATEGORY[v.educationLevel];
    posting.educationRequirements = {
      "@type": "EducationalOccupationalCredential",
      ...(category ? { credentialCategory: category } : {}),
      educationalLevel: education,
    };
  }
  posting.totalJobOpenings = v.positions;
  return posting;
}
