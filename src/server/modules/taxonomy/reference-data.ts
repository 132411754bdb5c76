/**
 * The reference data the app ships in data/reference/ (built by scripts/build-reference-data.ts):
 * places, occupations and the small lists behind the candidate filters. Each file is read and
 * validated the first time it is asked for and then kept in memory; search runs over precomputed
 * folded keys, so a keystroke-by-keystroke suggestion is a scan of a few thousand short strings.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Locale } from "../../../contracts/common";
import {
  type Certificate,
  CertificateSchema,
  type Country,
  type Daypart,
  DaypartSchema,
  type DrivingLicence,
  DrivingLicenceSchema,
  type EducationLevel,
  EducationLevelSchema,
  type Language,
  LanguageSchema,
  type Occupation,
  type OccupationGroup,
  OccupationGroupSchema,
  OccupationSchema,
  type PhysicalCapacity,
  PhysicalCapacitySchema,
  type Place,
  PlaceSchema,
  type TargetGroup,
  TargetGroupSchema,
  type TransportMode,
  TransportModeSchema,
  type WorkLevel,
  WorkLevelSchema,
  type WorkType,
  WorkTypeSchema,
} from "../../../contracts/taxonomy";
import { appRootUrl } from "../../platform/app-root";

const DATA_DIR = new URL("data/reference/", appRootUrl);

function loader<T>(file: string, schema: z.ZodType<T>): () => readonly T[] {
  let cached: readonly T[] | undefined;
  return () => {
    if (!cached) {
      const raw: unknown = JSON.parse(readFileSync(new URL(file, DATA_DIR), "utf8"));
      const parsed = z.array(schema).safeParse(raw);
      if (!parsed.success) {
        throw new Error(`data/reference/${file} does not match its schema: ${z.prettifyError(parsed.error)}`);
      }
      cached = Object.freeze(parsed.data);
    }
    return cached;
  };
}

export const getPlaces = loader("places.json", PlaceSchema);
export const getOccupations = loader("occupations.json", OccupationSchema);
export const getOccupationGroups = loader("occupation-groups.json", OccupationGroupSchema);
export const getWorkTypes = loader("work-types.json", WorkTypeSchema);
export const getEducationLevels = loader("education-levels.json", EducationLevelSchema);
export const getWorkLevels = loader("work-levels.json", WorkLevelSchema);
export const getDrivingLicences = loader("driving-licences.json", DrivingLicenceSchema);
export const getLanguages = loader("languages.json", LanguageSchema);
export const getCertificates = loader("certificates.json", CertificateSchema);
export const getPhysicalCapacities = loader("physical-capacities.json", PhysicalCapacitySchema);
export const getTargetGroups = loader("target-groups.json", TargetGroupSchema);
export const getTransportModes = loader("transport-modes.json", TransportModeSchema);
const getDaypartFile = loader("dayparts.json", DaypartSchema);

export function getDays(): readonly Daypart[] {
  return getDaypartFile().filter((d) => d.kind === "day");
}
export function getDayparts(): readonly Daypart[] {
  return getDaypartFile().filter((d) => d.kind === "daypart");
}
export function getMunicipalities(): readonly Place[] {
  return getPlaces().filter((p) => p.kind === "municipality");
}

export type {
  Certificate,
  Daypart,
  DrivingLicence,
  EducationLevel,
  Language,
  Occupation,
  OccupationGroup,
  PhysicalCapacity,
  Place,
  TargetGroup,
  TransportMode,
  WorkLevel,
  WorkType,
};

// ---------------------------------------------------------------------------------------------
// Search

/**
 * Folds a name or a query to the form the search compares: no accents, lower case, apostrophes
 * dropped and other punctuation as spaces, so "'s-Gravenhage", "s-gravenhage" and "s Gravenhage"
 * meet, and "Sint-Oedenrode" matches "sint oedenrode".
 */
export function foldSearchText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * How a folded text contains a folded query. Lower is better, undefined is no match:
 * 0 exact, 1 at the start, 2 as whole words later on, 3 as the end of a word (the head of a Dutch
 * compound: "taxichauffeur" is a kind of "chauffeur"), 4 at the start of a later word, 5 anywhere.
 */
function matchTier(text: string, query: string): number | undefined {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  let at = text.indexOf(query);
  if (at < 0) return undefined;
  let best = 5;
  while (at >= 0) {
    const startsWord = at === 0 || text[at - 1] === " ";
    const end = at + query.length;
    const endsWord = end === text.length || text[end] === " ";
    const tier = startsWord && endsWord ? 2 : endsWord ? 3 : startsWord ? 4 : 5;
    best = Math.min(best, tier);
    at = text.indexOf(query, at + 1);
  }
  return best;
}

/** Places rank on a coarser scale: exact, prefix, a later word, anywhere. */
const PLACE_TIER = [0, 1, 2, 3, 2, 3] as const;

/** Occupation label and synonym tiers interleaved: an exact synonym beats a label prefix, etc. */
const LABEL_TIER = [0, 2, 3, 6, 8, 10] as const;
const SYNONYM_TIER = [1, 4, 5, 7, 9, 11] as const;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface PlaceEntry {
  place: Place;
  name: string;
  aliases: string[];
}
let placeIndex: { entries: PlaceEntry[]; byId: Map<string, Place> } | undefined;

function places(): NonNullable<typeof placeIndex> {
  if (!placeIndex) {
    const all = getPlaces();
    placeIndex = {
      entries: all.map((place) => ({
        place,
        name: foldSearchText(place.name),
        aliases: place.aliases.map(foldSearchText),
      })),
      byId: new Map(all.map((p) => [p.id, p])),
    };
  }
  return placeIndex;
}

export interface PlaceSearchOptions {
  limit?: number;
  country?: Country;
  kind?: Place["kind"];
}

/**
 * Places whose name or alias matches the query, best first: exact before prefix before a word
 * inside the name before a substring, the official name before an alias, a municipality before a
 * place with an equally good name, then Dutch before Belgian and by name.
 */
export function searchPlaces(query: string, options: PlaceSearchOptions = {}): Place[] {
  const q = foldSearchText(query);
  if (!q) return [];
  const hits: { place: Place; score: number; name: string }[] = [];
  for (const e of places().entries) {
    if (options.country && e.place.country !== options.country) continue;
    if (options.kind && e.place.kind !== options.kind) continue;
    let score = Number.POSITIVE_INFINITY;
    const nameTier = matchTier(e.name, q);
    if (nameTier !== undefined) score = PLACE_TIER[nameTier]! * 2;
    for (const alias of e.aliases) {
      const tier = matchTier(alias, q);
      if (tier !== undefined) score = Math.min(score, PLACE_TIER[tier]! * 2 + 1);
    }
    if (score !== Number.POSITIVE_INFINITY) hits.push({ place: e.place, score, name: e.name });
  }
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      (a.place.kind === b.place.kind ? 0 : a.place.kind === "municipality" ? -1 : 1) ||
      (a.place.country === b.place.country ? 0 : a.place.country === "NL" ? -1 : 1) ||
      a.name.length - b.name.length ||
      compareStrings(a.name, b.name) ||
      compareStrings(a.place.id, b.place.id),
  );
  return hits.slice(0, options.limit ?? 10).map((h) => h.place);
}

/** The place with exactly this name or alias (accents and case aside); a municipality if there are both. */
export function findPlaceByName(name: string, options: { country?: Country } = {}): Place | undefined {
  const [best] = searchPlaces(name, { ...options, limit: 1 });
  if (!best) return undefined;
  const q = foldSearchText(name);
  const exact = foldSearchText(best.name) === q || best.aliases.some((a) => foldSearchText(a) === q);
  return exact ? best : undefined;
}

export function getPlace(id: string): Place | undefined {
  return places().byId.get(id);
}

interface OccupationEntry {
  occupation: Occupation;
  /** Folded label and synonyms per locale; index 0 is the label. */
  texts: Record<Locale, string[]>;
}
let occupationIndex: { entries: OccupationEntry[]; byId: Map<string, Occupation> } | undefined;

function occupations(): NonNullable<typeof occupationIndex> {
  if (!occupationIndex) {
    const all = getOccupations();
    occupationIndex = {
      entries: all.map((occupation) => ({
        occupation,
        texts: {
          nl: [occupation.label.nl, ...occupation.synonyms.nl].map(foldSearchText),
          // An English label that is only the ISCO group name would make every occupation of the
          // group match as if it were called that.
          en: [
            ...(occupation.enLabelIsGroupName ? [""] : [occupation.label.en]),
            ...occupation.synonyms.en,
          ].map(foldSearchText),
        },
      })),
      byId: new Map(all.map((o) => [o.id, o])),
    };
  }
  return occupationIndex;
}

export interface OccupationSearchOptions {
  limit?: number;
  /** The UI language: its labels rank before equally good matches in the other language. Default nl. */
  locale?: Locale;
}

export interface OccupationHit {
  occupation: Occupation;
  /** The label or synonym that matched, as written in the data. */
  matched: string;
  field: "label" | "synonym";
  locale: Locale;
}

/**
 * Occupations whose label or synonym (Dutch or English) matches the query, best first: exact label,
 * exact synonym, label prefix, whole word in the label, synonym prefix, whole word in a synonym,
 * compound head, word prefix, then substrings (label before synonym at each step); within a tier the
 * UI language first, then the shorter label.
 */
export function searchOccupations(query: string, options: OccupationSearchOptions = {}): OccupationHit[] {
  const q = foldSearchText(query);
  if (!q) return [];
  const primary: Locale = options.locale ?? "nl";
  const locales: Locale[] = primary === "nl" ? ["nl", "en"] : ["en", "nl"];
  const hits: (OccupationHit & { score: number; labelLength: number; label: string })[] = [];
  for (const e of occupations().entries) {
    let best: { score: number; locale: Locale; index: number } | undefined;
    for (const [li, locale] of locales.entries()) {
      const texts = e.texts[locale];
      for (const [index, text] of texts.entries()) {
        if (!text) continue;
        const tier = matchTier(text, q);
        if (tier === undefined) continue;
        const score = (index === 0 ? LABEL_TIER : SYNONYM_TIER)[tier]! * 2 + li;
        if (!best || score < best.score) best = { score, locale, index };
      }
    }
    if (!best) continue;
    const o = e.occupation;
    const source = best.index === 0 ? o.label[best.locale] : o.synonyms[best.locale][best.index - 1]!;
    hits.push({
      occupation: o,
      matched: source,
      field: best.index === 0 ? "label" : "synonym",
      locale: best.locale,
      score: best.score,
      labelLength: o.label[primary].length,
      label: o.label[primary],
    });
  }
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      a.labelLength - b.labelLength ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.occupation.id, b.occupation.id),
  );
  return hits
    .slice(0, options.limit ?? 10)
    .map(({ occupation, matched, field, locale }) => ({ occupation, matched, field, locale }));
}

export function getOccupation(id: string): Occupation | undefined {
  return occupations().byId.get(id);
}

export function relatedOccupations(id: string): Occupation[] {
  const occupation = getOccupation(id);
  if (!occupation) return [];
  return occupation.related.map((r) => getOccupation(r)).filter((o): o is Occupation => o !== undefined);
}
