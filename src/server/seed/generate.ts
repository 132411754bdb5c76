/**
 * Deterministic demo data: candidates and vacancies that look like the people and jobs on a Dutch
 * municipal work portal. Every row comes from its own random stream, seeded by (seed, index), so a
 * row can be generated alone, in any order or in parallel batches, and is the same on every machine.
 * Nothing here reads the clock: candidates are dated against a fixed reference day, vacancies
 * against the `now` the caller passes.
 */
import type {
  CandidateExperience,
  CandidateLanguage,
  candidates,
} from "../modules/candidates/candidates.schema";
import {
  findPlaceByName,
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getMunicipalities,
  getOccupations,
  getPhysicalCapacities,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  type Occupation,
  type Place,
  relatedOccupations,
} from "../modules/taxonomy/reference-data";
import type { vacancies } from "../modules/vacancies/vacancies.schema";
import {
  ATTRIBUTIVE_QUALITIES,
  CERTIFICATE_HEADLINE,
  CLOSINGS,
  COMMON_OCCUPATIONS,
  COUNTRY_NAMES,
  CURRENT_JOB_SENTENCES,
  EARLIER_EXPERIENCE_SENTENCES,
  EMAIL_DOMAINS,
  EXPERIENCE_SENTENCES,
  FILLER_SENTENCES,
  FOREIGN_CITIES,
  HAAGLANDEN_PLACES,
  HEADLINE_ADJECTIVES,
  HEADLINE_TAILS,
  HOBBIES,
  INTROS,
  LANGUAGE_NAMES,
  LARGE_CITIES,
  NAME_ORIGINS,
  type NameOrigin,
  NEWCOMER_LANGUAGE_SENTENCES,
  ORGANISATION_SECTOR_HINTS,
  PROVINCE_POSTCODES,
  QUALITIES,
  QUALITY_SENTENCES,
  RIJNMOND_PLACES,
  SECTOR_BY_ISCO_GROUP,
  SECTOR_WORDS,
  type Sector,
  type SeedPlace,
  TASK_SENTENCES,
  VACANCY_CLOSINGS,
  VACANCY_INTROS,
  VACANCY_OFFERS,
  VACANCY_TASK_LINES,
  VACANCY_TITLES,
} from "./words";

export interface SeedPortal {
  id: string;
  slug: string;
  national: boolean;
}

export interface SeedOrganisation {
  id: string;
  name: string;
  kind: "employer" | "municipality" | "agency" | "government";
  portalId: string;
  city: string | null;
  lat: number | null;
  lon: number | null;
}

export type CandidateRow = typeof candidates.$inferInsert;
export type VacancyRow = typeof vacancies.$inferInsert;

/** Candidates are dated against this day, not the clock, so a seed always yields the same rows. */
export const CANDIDATE_REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");

// ---------------------------------------------------------------------------------------------
// Randomness

/** sfc32: 128 bits of state, fast in plain 32-bit integer arithmetic, passes PractRand. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A stream per (seed, index, purpose). The three numbers go into separate state words, so distinct
 * rows never share a stream (a single 32-bit hash of them would collide about once per 100k rows,
 * duplicating a person and their id).
 */
function streamRng(seed: number, index: number, purpose: number): () => number {
  const next = sfc32(0x9e3779b9 ^ purpose, seed | 0, index | 0, 0x2545f491);
  // The first outputs of nearby seeds are correlated; the warm-up mixes the state.
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** A deterministic generator of floats in [0, 1). */
export function createRng(seed: number): () => number {
  return streamRng(seed, 0, 0);
}

const CANDIDATE_STREAM = 1;
const VACANCY_STREAM = 2;

/** Seeded choices: the same seed gives the same picks on every machine (also for benchmarks and property tests). */
export class Random {
  constructor(readonly next: () => number) {}

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to n distinct items, in the order they come in `items`. */
  some<T>(items: readonly T[], n: number): T[] {
    if (n >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }

  weighted<T>(table: WeightedTable<T>): T {
    const x = this.next() * table.total;
    let lo = 0;
    let hi = table.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo]!;
  }

  uuid(): string {
    let hex = "";
    for (let i = 0; i < 4; i++)
      hex += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, "0");
    // Version 4 and the RFC 4122 variant, so validators that check the shape accept it.
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

interface WeightedTable<T> {
  items: readonly T[];
  cumulative: readonly number[];
  total: number;
}

function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new Error("weightedTable: nothing to choose from");
  return { items, cumulative, total };
}

// ---------------------------------------------------------------------------------------------
// Tables built once from the reference data

interface ResolvedPlace {
  /** Id in data/reference/places.json. */
  id: string;
  name: string;
  lat: number;
  lon: number;
  postcodes: readonly (readonly [number, number])[];
}

interface CommonEntry {
  occupation: Occupation;
  sector: Sector;
  name: string;
}

interface Tables {
  occupations: readonly Occupation[];
  commonById: Map<string, CommonEntry>;
  common: WeightedTable<CommonEntry>;
  commonBySector: Map<Sector, WeightedTable<CommonEntry>>;
  haaglanden: WeightedTable<ResolvedPlace>;
  rijnmond: WeightedTable<ResolvedPlace>;
  largeCities: WeightedTable<ResolvedPlace>;
  municipalities: readonly ResolvedPlace[];
  origins: WeightedTable<NameOrigin>;
  certificates: ReadonlySet<string>;
  certificateLabels: ReadonlyMap<string, string>;
  licences: ReadonlySet<string>;
  licenceOrder: ReadonlyMap<string, number>;
  educationLevels: ReadonlySet<string>;
  educationLabels: ReadonlyMap<string, string>;
  workLevels: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  physical: readonly string[];
  limitations: WeightedTable<string>;
  targetGroups: ReadonlySet<string>;
  transportModes: ReadonlySet<string>;
  days: readonly string[];
  dayparts: readonly string[];
}

let cachedTables: Tables | undefined;

function resolvePlaces(list: readonly SeedPlace[]): WeightedTable<ResolvedPlace> {
  return weightedTable(
    list.map((entry) => {
      const place = findPlaceByName(entry.name, { country: "NL" });
      if (!place) throw new Error(`seed place "${entry.name}" is not in data/reference/places.json`);
      const resolved: ResolvedPlace = {
        id: place.id,
        name: place.name,
        lat: place.lat,
        lon: place.lon,
        postcodes: [entry.postcodes],
      };
      return [resolved, entry.weight] as const;
    }),
  );
}

function resolveMunicipality(place: Place): ResolvedPlace {
  const large = LARGE_CITIES.find((c) => c.name === place.name);
  return {
    id: place.id,
    name: place.name,
    lat: place.lat,
    lon: place.lon,
    postcodes: large ? [large.postcodes] : (PROVINCE_POSTCODES[place.province] ?? [[1000, 9999]]),
  };
}

function tables(): Tables {
  if (cachedTables) return cachedTables;
  const occupations = getOccupations();
  const byId = new Map(occupations.map((o) => [o.id, o]));
  const commonEntries: CommonEntry[] = [];
  const weights = new Map<string, number>();
  for (const c of COMMON_OCCUPATIONS) {
    const occupation = byId.get(c.id);
    // A rebuilt taxonomy may drop an id; the rest of the list still gives a realistic mix.
    if (!occupation) continue;
    commonEntries.push({ occupation, sector: c.sector, name: c.name ?? occupation.label.nl });
    weights.set(c.id, c.weight);
  }
  const commonBySector = new Map<Sector, WeightedTable<CommonEntry>>();
  for (const sector of new Set(commonEntries.map((e) => e.sector))) {
    commonBySector.set(
      sector,
      weightedTable(
        commonEntries
          .filter((e) => e.sector === sector)
          .map((e) => [e, weights.get(e.occupation.id)!] as const),
      ),
    );
  }
  const dutchMunicipalities = getMunicipalities().filter((p) => p.country === "NL");
  cachedTables = {
    occupations,
    commonById: new Map(commonEntries.map((e) => [e.occupation.id, e])),
    common: weightedTable(commonEntries.map((e) => [e, weights.get(e.occupation.id)!] as const)),
    commonBySector,
    haaglanden: resolvePlaces(HAAGLANDEN_PLACES),
    rijnmond: resolvePlaces(RIJNMOND_PLACES),
    largeCities: resolvePlaces(LARGE_CITIES),
    municipalities: dutchMunicipalities.map(resolveMunicipality),
    origins: weightedTable(NAME_ORIGINS.map((o) => [o, o.weight] as const)),
    certificates: new Set(getCertificates().map((c) => c.id)),
    certificateLabels: new Map(getCertificates().map((c) => [c.id, c.label.nl])),
    licences: new Set(getDrivingLicences().map((l) => l.id)),
    licenceOrder: new Map(getDrivingLicences().map((l) => [l.id, l.order])),
    educationLevels: new Set(getEducationLevels().map((l) => l.id)),
    educationLabels: new Map(getEducationLevels().map((l) => [l.id, l.label.nl])),
    workLevels: new Set(getWorkLevels().map((l) => l.id)),
    languages: new Set(getLanguages().map((l) => l.id)),
    physical: getPhysicalCapacities().map((p) => p.id),
    limitations: weightedTable(
      getPhysicalCapacities().map((p) => [p.id, LIMITATION_WEIGHTS.get(p.id) ?? 0.5] as const),
    ),
    targetGroups: new Set(getTargetGroups().map((t) => t.id)),
    transportModes: new Set(getTransportModes().map((t) => t.id)),
    days: getDays().map((d) => d.id),
    dayparts: getDayparts().map((d) => d.id),
  };
  return cachedTables;
}

function sectorOf(occupation: Occupation): Sector {
  return (
    tables().commonById.get(occupation.id)?.sector ?? SECTOR_BY_ISCO_GROUP[occupation.group] ?? "general"
  );
}

/** The name people use for an occupation: the curated one, else the ESCO label. */
function occupationName(occupation: Occupation): string {
  return tables().commonById.get(occupation.id)?.name ?? occupation.label.nl;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

function isoDate(date: Date): string {
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${date.getUTCFullYear()}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  return d;
}

function ageAt(birth: Date, at: Date): number {
  let age = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() ||
    (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

const MONTHS_NL = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

function dutchDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS_NL[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function listNl(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

function durationNl(months: number): string {
  if (months < 12) return `${months} maanden`;
  const years = Math.round(months / 12);
  return years === 1 ? "een jaar" : `${years} jaar`;
}

/** Words in a sentence built here: single spaces between them (a hot path, so no regex split). */
function wordCount(s: string): number {
  let n = s.length > 0 ? 1 : 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

/** ASCII for e-mail addresses: "Wiśniewski" → "wisniewski", "Yılmaz" → "yilmaz". */
function asciiFold(s: string): string {
  return s
    .replace(/ı/g, "i")
    .replace(/[łŁ]/g, "l")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

const POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

function postcode(rng: Random, place: ResolvedPlace): string {
  const [lo, hi] = rng.pick(place.postcodes);
  let letters = "";
  do {
    letters = rng.pick([...POSTCODE_LETTERS]) + rng.pick([...POSTCODE_LETTERS]);
    // PostNL never issues these letter pairs.
  } while (letters === "SA" || letters === "SD" || letters === "SS");
  return `${rng.int(lo, hi)} ${letters}`;
}

/** Moves a point up to `km` in a random direction, uniformly over the disc. */
function jitter(rng: Random, lat: number, lon: number, km: number): { lat: number; lon: number } {
  const r = km * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (r * Math.cos(angle)) / 111.32;
  const dLon = (r * Math.sin(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return { lat: Math.round((lat + dLat) * 1e5) / 1e5, lon: Math.round((lon + dLon) * 1e5) / 1e5 };
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// ---------------------------------------------------------------------------------------------
// Candidates

/** Relative portal shares; a portal the generator does not know gets a modest share of its own. */
function portalWeight(portal: SeedPortal): number {
  if (portal.slug === "haaglanden") return 40;
  if (portal.slug === "rijnmond") return 35;
  if (portal.national) return 25;
  return 10;
}

/** Callers pass the same array for a whole batch; building its table once per row would dominate. */
const portalTables = new WeakMap<readonly SeedPortal[], WeightedTable<SeedPortal>>();

function pickPortal(rng: Random, portals: readonly SeedPortal[]): SeedPortal {
  if (portals.length === 0) throw new Error("generateCandidate needs at least one portal");
  let table = portalTables.get(portals);
  if (!table) {
    table = weightedTable(portals.map((p) => [p, portalWeight(p)] as const));
    portalTables.set(portals, table);
  }
  return rng.weighted(table);
}

function pickHome(rng: Random, portal: SeedPortal): ResolvedPlace {
  const t = tables();
  if (portal.slug === "haaglanden") return rng.weighted(t.haaglanden);
  if (portal.slug === "rijnmond") return rng.weighted(t.rijnmond);
  // Nationally, most people live in or near the big cities; the rest are spread over the country.
  return rng.chance(0.6) ? rng.weighted(t.largeCities) : rng.pick(t.municipalities);
}

/** Age brackets as they appear among job seekers: fewer at the edges, a bulge in the middle. */
const AGE_BRACKETS = weightedTable<readonly [number, number]>([
  [[18, 24], 16],
  [[25, 34], 25],
  [[35, 44], 22],
  [[45, 54], 20],
  [[55, 64], 17],
]);

const EARLIEST_BIRTH = Date.UTC(1962, 0, 1);
const LATEST_BIRTH = Date.UTC(2007, 11, 31);

function pickBirthDate(rng: Random): Date {
  const [lo, hi] = rng.weighted(AGE_BRACKETS);
  const age = rng.int(lo, hi);
  // A birthday between (age + 1) years and age years before the reference day gives exactly that age.
  // Clamped to birth years 1962-2007, so the youngest and oldest ages are a little rarer.
  const latest = Math.min(Date.UTC(CANDIDATE_REFERENCE_DATE.getUTCFullYear() - age, 9, 31), LATEST_BIRTH);
  const earliest = Math.max(
    Date.UTC(CANDIDATE_REFERENCE_DATE.getUTCFullYear() - age - 1, 10, 2),
    EARLIEST_BIRTH,
  );
  return new Date(earliest + Math.floor(rng.next() * ((latest - earliest) / 86_400_000 + 1)) * 86_400_000);
}

type EducationWeights = readonly (readonly [string | null, number])[];

/** Education by ISCO major group: the level the job usually asks for, with a realistic spread. */
const EDUCATION_BY_MAJOR: Readonly<Record<string, EducationWeights>> = {
  "0": [["mbo-3", 1]],
  "1": [
    ["mbo-4", 25],
    ["hbo-ad", 5],
    ["hbo-bachelor", 40],
    ["wo-bachelor", 10],
    ["hbo-master", 5],
    ["wo-master", 15],
  ],
  "2": [
    ["hbo-ad", 3],
    ["hbo-bachelor", 45],
    ["wo-bachelor", 10],
    ["hbo-master", 10],
    ["wo-master", 30],
    ["doctoraat", 2],
  ],
  "3": [
    ["havo", 5],
    ["mbo-3", 15],
    ["mbo-4", 45],
    ["hbo-ad", 10],
    ["hbo-bachelor", 25],
  ],
  "4": [
    ["mbo-2", 5],
    ["mbo-3", 30],
    ["mbo-4", 35],
    ["havo", 10],
    ["hbo-ad", 5],
    ["hbo-bachelor", 15],
  ],
  "5": [
    ["vmbo-bb", 10],
    ["vmbo-kb", 12],
    ["vmbo-gt", 10],
    ["mbo-1", 8],
    ["mbo-2", 30],
    ["mbo-3", 25],
    ["mbo-4", 5],
  ],
  "9": [
    [null, 15],
    ["basisonderwijs", 8],
    ["praktijkonderwijs", 10],
    ["vso", 4],
    ["vmbo-bb", 20],
    ["vmbo-kb", 12],
    ["mbo-1", 20],
    ["mbo-2", 11],
  ],
};

const educationTables = new Map<string, WeightedTable<string | null>>();

function educationTable(major: string): WeightedTable<string | null> {
  const key = EDUCATION_BY_MAJOR[major] ? major : "5";
  let table = educationTables.get(key);
  if (!table) {
    table = weightedTable(EDUCATION_BY_MAJOR[key]!);
    educationTables.set(key, table);
  }
  return table;
}

const WORK_LEVEL_BY_EDUCATION: Readonly<Record<string, string>> = {
  basisonderwijs: "elementair",
  praktijkonderwijs: "elementair",
  vso: "elementair",
  "vmbo-bb": "lager",
  "vmbo-kb": "lager",
  "vmbo-gt": "lager",
  "mbo-1": "lager",
  "mbo-2": "lager",
  "mbo-3": "middelbaar",
  "mbo-4": "middelbaar",
  havo: "middelbaar",
  vwo: "hoger",
  "hbo-ad": "hoger",
  "hbo-bachelor": "hoger",
  "hbo-master": "hoger",
  "wo-bachelor": "academisch",
  "wo-master": "academisch",
  doctoraat: "academisch",
};
const WORK_LEVELS_ASCENDING = ["elementair", "lager", "middelbaar", "hoger", "academisch"];

function pickOccupations(rng: Random): Occupation[] {
  const t = tables();
  const first = rng.chance(0.85) ? rng.weighted(t.common).occupation : rng.pick(t.occupations);
  const chosen = [first];
  const extra = rng.weighted(EXTRA_OCCUPATIONS);
  const sector = sectorOf(first);
  const related = relatedOccupations(first.id);
  const sameSector = t.commonBySector.get(sector);
  for (let i = 0; i < extra; i++) {
    const roll = rng.next();
    const next =
      roll < 0.35 && related.length > 0
        ? rng.pick(related)
        : roll < 0.8 && sameSector
          ? rng.weighted(sameSector).occupation
          : rng.weighted(t.common).occupation;
    if (!chosen.some((o) => o.id === next.id)) chosen.push(next);
  }
  return chosen;
}
const EXTRA_OCCUPATIONS = weightedTable<number>([
  [0, 40],
  [1, 40],
  [2, 20],
]);

interface Person {
  origin: NameOrigin;
  female: boolean;
  firstName: string;
  lastName: string;
  birth: Date;
  age: number;
  /** Year a newcomer came to the Netherlands. */
  arrival: number | null;
}

function pickPerson(rng: Random): Person {
  const origin = rng.weighted(tables().origins);
  const female = rng.chance(0.5);
  const birth = pickBirthDate(rng);
  const age = ageAt(birth, CANDIDATE_REFERENCE_DATE);
  let names = female ? origin.female : origin.male;
  if (origin.id === "dutch") {
    // Dutch first names follow fashion: the first half of each list is the older generation's.
    const half = Math.floor(names.length / 2);
    const older = age >= 40 ? rng.chance(0.8) : rng.chance(0.15);
    names = older ? names.slice(0, half) : names.slice(half);
  }
  let lastName = rng.pick(origin.last);
  // Polish and Bulgarian surnames take a feminine form.
  if (female && origin.id === "polish") lastName = lastName.replace(/ski$/, "ska").replace(/cki$/, "cka");
  if (female && origin.id === "bulgarian") lastName = lastName.replace(/(ov|ev)$/, "$1a");
  // Newcomers came as adults, and Ukrainians only since the war.
  const earliestArrival = Math.min(
    2025,
    Math.max(origin.id === "ukrainian" ? 2022 : 2012, birth.getUTCFullYear() + 16),
  );
  const arrival = origin.newcomer ? rng.int(earliestArrival, 2025) : null;
  return { origin, female, firstName: rng.pick(names), lastName, birth, age, arrival };
}

function emailFor(rng: Random, person: Person): string | null {
  if (rng.chance(0.04)) return null;
  const first = asciiFold(person.firstName);
  const last = asciiFold(person.lastName);
  const yy = String(person.birth.getUTCFullYear() % 100).padStart(2, "0");
  const local = rng.pick([
    `${first}.${last}`,
    `${first}.${last}`,
    `${first}${last}`,
    `${first.charAt(0)}.${last}`,
    `${first}_${last}`,
    `${first}.${last}${yy}`,
    `${first}${rng.int(1, 99)}`,
    `${first}.${last}${rng.int(1, 999)}`,
  ]);
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

function phoneFor(rng: Random): string | null {
  if (rng.chance(0.03)) return null;
  return `06-${rng.int(1, 9)}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`;
}

function pickEducation(rng: Random, occupation: Occupation, person: Person): string | null {
  const t = tables();
  let level = rng.weighted(educationTable(occupation.isco.charAt(0)));
  // Youngsters have not reached the higher levels yet.
  if (person.age < 22 && level && /^(hbo-master|wo-master|doctoraat)$/.test(level)) level = "hbo-bachelor";
  if (person.age < 20 && level && /^(hbo|wo)/.test(level)) level = "mbo-4";
  if (person.origin.newcomer) {
    // Diplomas from abroad are often not (yet) recognised; some newcomers are overqualified.
    const roll = rng.next();
    if (roll < 0.15) level = null;
    else if (roll < 0.28 && person.age >= 25) level = "hbo-bachelor";
  }
  return level && t.educationLevels.has(level) ? level : null;
}

function pickWorkLevel(rng: Random, education: string | null): string {
  const base = education
    ? (WORK_LEVEL_BY_EDUCATION[education] ?? "lager")
    : rng.pick(["elementair", "lager"]);
  let i = WORK_LEVELS_ASCENDING.indexOf(base);
  // Some work below their education, fewer above it.
  if (rng.chance(0.12)) i = Math.max(0, i - 1);
  else if (rng.chance(0.04)) i = Math.min(WORK_LEVELS_ASCENDING.length - 1, i + 1);
  const level = WORK_LEVELS_ASCENDING[i]!;
  return tables().workLevels.has(level) ? level : [...tables().workLevels][0]!;
}

function pickLicences(rng: Random, occupation: Occupation, sector: Sector, person: Person): string[] {
  const out = new Set<string>();
  const isco = occupation.isco;
  let pB = person.origin.newcomer ? 0.3 : person.age < 21 ? 0.45 : 0.75;
  if (sector === "transport" || sector === "technical" || sector === "construction") pB = 0.9;
  if (isco === "8332" || isco === "8331" || isco === "8322") pB = 1;
  if (rng.chance(pB)) out.add("B");
  if (isco === "8332") {
    out.add("C");
    if (rng.chance(0.7)) out.add("CE");
  } else if (isco === "8331") {
    out.add("D");
    if (rng.chance(0.2)) out.add("DE");
  } else if ((sector === "construction" || sector === "technical") && out.has("B") && rng.chance(0.06)) {
    out.add("C1");
  }
  if (out.has("B") && rng.chance(0.08)) out.add("BE");
  if (out.has("B") && rng.chance(0.07)) out.add("A");
  if (!out.has("B") && person.age < 30 && rng.chance(0.25)) out.add("AM");
  if (sector === "green" && out.has("B") && rng.chance(0.2)) out.add("T");
  const t = tables();
  return [...out]
    .filter((id) => t.licences.has(id))
    .sort((a, b) => (t.licenceOrder.get(a) ?? 0) - (t.licenceOrder.get(b) ?? 0));
}

/** Certificate chances per sector; specific occupations raise some of them below. */
const SECTOR_CERTIFICATES: Readonly<Record<Sector, readonly (readonly [string, number])[]>> = {
  logistics: [
    ["heftruck", 0.6],
    ["reachtruck", 0.35],
    ["elektrische-pallettruck", 0.35],
    ["orderpicker", 0.25],
    ["vca-basis", 0.2],
  ],
  transport: [["vca-basis", 0.1]],
  care: [
    ["vog", 0.7],
    ["medicatie", 0.4],
    ["tillen-en-transfers", 0.35],
    ["reanimatie-aed", 0.3],
  ],
  cleaning: [
    ["vca-basis", 0.15],
    ["vog", 0.15],
  ],
  retail: [["sociale-hygiene", 0.05]],
  hospitality: [
    ["haccp", 0.5],
    ["sociale-hygiene", 0.3],
    ["barista", 0.1],
  ],
  construction: [
    ["vca-basis", 0.7],
    ["vca-vol", 0.15],
    ["veilig-werken-op-hoogte", 0.2],
    ["hoogwerker", 0.15],
    ["verreiker", 0.1],
    ["steigerbouw", 0.05],
    ["asbest-dav", 0.03],
  ],
  technical: [
    ["vca-basis", 0.6],
    ["nen-3140", 0.1],
    ["lassen", 0.1],
    ["veilig-werken-op-hoogte", 0.1],
    ["f-gassen", 0.02],
  ],
  production: [
    ["vca-basis", 0.25],
    ["heftruck", 0.2],
    ["haccp", 0.2],
  ],
  admin: [],
  ict: [],
  education: [
    ["vog", 0.85],
    ["ehbo", 0.25],
  ],
  customer: [],
  security: [
    ["beveiliger-2", 0.85],
    ["vog", 0.6],
    ["bhv", 0.4],
  ],
  green: [
    ["vca-basis", 0.35],
    ["shovel", 0.05],
  ],
  general: [["vca-basis", 0.05]],
};

/** Occupation-specific certificates: what the job cannot be done without. */
const OCCUPATION_CERTIFICATES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  "8344": [
    ["heftruck", 1],
    ["reachtruck", 0.5],
  ],
  "8332": [
    ["code-95", 0.95],
    ["bestuurderskaart", 0.8],
    ["adr", 0.3],
  ],
  "8331": [["code-95", 0.95]],
  "2221": [["big-registratie", 0.95]],
  "3222": [["big-registratie", 0.5]],
  "7119": [["steigerbouw", 0.7]],
  "9312": [["graafmachine", 0.3]],
  "7411": [
    ["nen-3140", 0.6],
    ["nen-1010", 0.3],
  ],
  "7412": [["nen-3140", 0.5]],
  "3113": [["nen-3140", 0.6]],
  "7127": [["f-gassen", 0.5]],
  "7126": [["f-gassen", 0.2]],
  "7212": [["lassen", 0.85]],
  "5132": [
    ["sociale-hygiene", 0.6],
    ["barista", 0.4],
  ],
  "5419": [["boa", 0.5]],
};

function pickCertificates(rng: Random, occupation: Occupation, sector: Sector): string[] {
  const out = new Set<string>();
  for (const [id, p] of OCCUPATION_CERTIFICATES[occupation.isco] ?? []) if (rng.chance(p)) out.add(id);
  if (occupation.isco === "8322" && occupationName(occupation) === "taxichauffeur" && rng.chance(0.9)) {
    out.add("chauffeurskaart");
  }
  for (const [id, p] of SECTOR_CERTIFICATES[sector]) if (rng.chance(p)) out.add(id);
  if (rng.chance(0.12)) out.add("bhv");
  if (rng.chance(0.08)) out.add("ehbo");
  const known = tables().certificates;
  return [...out].filter((id) => known.has(id));
}

function pickLanguages(rng: Random, person: Person, education: string | null): CandidateLanguage[] {
  const out: CandidateLanguage[] = [];
  const { origin } = person;
  if (origin.newcomer) {
    const years = CANDIDATE_REFERENCE_DATE.getUTCFullYear() - (person.arrival ?? 2024);
    const roll = rng.next() + years * 0.05;
    out.push({ code: "nl", level: roll < 0.55 ? "basic" : roll < 0.97 ? "good" : "fluent" });
  } else if (origin.id === "dutch" || person.age < 45 || rng.chance(0.8)) {
    out.push({ code: "nl", level: "native" });
  } else {
    out.push({ code: "nl", level: "fluent" });
  }
  const [home, ...others] = origin.languages;
  if (origin.id !== "dutch" && home && rng.chance(origin.newcomer ? 1 : 0.6)) {
    out.push({
      code: home,
      level: origin.newcomer ? "native" : rng.pick(["good", "fluent", "native"] as const),
    });
  }
  const higher = education !== null && /^(havo|vwo|hbo|wo|doctoraat|mbo-4)/.test(education);
  if (!out.some((l) => l.code === "en") && rng.chance(higher ? 0.9 : 0.6)) {
    out.push({
      code: "en",
      level: higher ? rng.pick(["good", "fluent"] as const) : rng.pick(["basic", "good"] as const),
    });
  }
  for (const code of others.filter((c) => c !== "en")) {
    if (out.length >= 4) break;
    if (rng.chance(origin.id === "dutch" ? 0.15 : 0.2))
      out.push({ code, level: rng.pick(["basic", "good"] as const) });
  }
  const known = tables().languages;
  return out.filter((l) => known.has(l.code));
}

const LIMITATION_WEIGHTS = new Map<string, number>([
  ["zwaar-tillen", 6],
  ["tillen", 3],
  ["staan", 3],
  ["bukken", 3],
  ["knielen", 2],
  ["trappen-lopen", 2],
  ["ploegendienst", 3],
  ["nachtdienst", 4],
  ["tijdsdruk", 3],
  ["lawaai", 2],
  ["boven-schouderhoogte", 2],
  ["lopen", 1],
]);

function pickLimitations(rng: Random, person: Person): string[] {
  if (!rng.chance(person.age >= 50 ? 0.2 : 0.1)) return [];
  const table = tables().limitations;
  const out = new Set<string>([rng.weighted(table)]);
  if (rng.chance(0.35)) out.add(rng.weighted(table));
  return [...out];
}

function pickTargetGroups(
  rng: Random,
  person: Person,
  limitations: readonly string[],
  education: string | null,
): string[] {
  const candidates: string[] = [];
  const maybe = (id: string, p: number) => {
    if (rng.chance(p)) candidates.push(id);
  };
  if (person.age < 27) {
    maybe("jongeren", 0.3);
    maybe("bbl", 0.15);
    maybe("bol-stage", 0.05);
    maybe("vsv", 0.05);
  }
  if (person.age >= 50) maybe("50-plus", 0.45);
  if (["syrian", "eritrean", "afghan", "somali"].includes(person.origin.id)) {
    maybe("statushouder", 0.65);
    maybe("inburgeraar", 0.5);
  }
  if (limitations.length > 0) {
    maybe("garantiebaan", 0.35);
    maybe("wia", 0.2);
    maybe("wajong", 0.15);
  }
  maybe("ww", 0.08);
  maybe("participatiewet", 0.07);
  if (person.female && person.age >= 30 && person.age <= 55) maybe("herintreder", 0.06);
  maybe("nugger", 0.02);
  if (limitations.length > 0) maybe("beschut-werk", 0.05);
  if (education === null || /^(basisonderwijs|praktijkonderwijs|vso|vmbo|mbo-1)/.test(education)) {
    maybe("praktijkroute", 0.06);
  }
  const known = tables().targetGroups;
  return [...new Set(candidates)].filter((id) => known.has(id)).slice(0, 2);
}

function pickTransport(rng: Random, licences: readonly string[], person: Person): string[] {
  const out: string[] = [];
  if (licences.includes("B") && rng.chance(0.75)) out.push("auto");
  if (licences.includes("A") && rng.chance(0.5)) out.push("motor");
  if (licences.includes("AM") && rng.chance(0.6)) out.push("scooter");
  if (rng.chance(0.55)) out.push(person.age > 50 && rng.chance(0.4) ? "e-bike" : "fiets");
  if (rng.chance(out.includes("auto") ? 0.25 : 0.6)) out.push("openbaar-vervoer");
  if (rng.chance(0.04)) out.push("te-voet");
  if (out.length === 0) out.push(rng.pick(["fiets", "openbaar-vervoer"]));
  const known = tables().transportModes;
  return out.filter((id) => known.has(id)).slice(0, 3);
}

/** Sectors that work evenings, nights and weekends, and how much more often. */
const IRREGULAR_SECTORS: ReadonlySet<Sector> = new Set([
  "care",
  "hospitality",
  "retail",
  "security",
  "logistics",
  "production",
  "transport",
]);

function pickAvailability(rng: Random, sector: Sector): string[] {
  const t = tables();
  const irregular = IRREGULAR_SECTORS.has(sector);
  const out: string[] = [];
  for (const day of t.days) {
    const weekend = day === "zaterdag" || day === "zondag";
    const p = weekend
      ? irregular
        ? day === "zaterdag"
          ? 0.55
          : 0.35
        : day === "zaterdag"
          ? 0.2
          : 0.1
      : 0.85;
    if (rng.chance(p)) out.push(day);
  }
  if (!out.some((d) => t.days.includes(d))) out.push(rng.pick(t.days));
  const parts: string[] = [];
  for (const part of t.dayparts) {
    const p =
      part === "ochtend" || part === "middag"
        ? 0.85
        : part === "avond"
          ? irregular
            ? 0.45
            : 0.2
          : irregular
            ? 0.2
            : 0.04;
    if (rng.chance(p)) parts.push(part);
  }
  if (parts.length === 0) parts.push(rng.pick(t.dayparts));
  return [...out, ...parts];
}

const PART_TIME_SECTORS: ReadonlySet<Sector> = new Set([
  "care",
  "cleaning",
  "retail",
  "hospitality",
  "education",
]);

function pickHours(rng: Random, sector: Sector): { min: number; max: number } {
  const max = PART_TIME_SECTORS.has(sector)
    ? rng.pick([12, 16, 20, 24, 24, 28, 32, 32, 36, 38, 40])
    : rng.pick([16, 24, 32, 32, 36, 36, 38, 40, 40, 40]);
  const min = Math.max(8, max - rng.pick([0, 4, 8, 8, 12, 16]));
  return { min, max };
}

function employerName(rng: Random, sector: Sector, place: string, abroad: boolean): string {
  // "van der Meer" at the start of a company name is written "Van der Meer".
  const surname = capitalise(rng.pick(NAME_ORIGINS[0]!.last));
  let templates = SECTOR_WORDS[sector].employers;
  // Abroad, a Dutch surname or a Dutch-sounding name would give the game away; the city must show.
  if (abroad) templates = templates.filter((e) => e.includes("{place}") && !e.includes("{surname}"));
  return fill(templates.length > 0 ? rng.pick(templates) : "Werkgever in {place}", { surname, place });
}

interface ExperienceDraft extends CandidateExperience {
  sector: Sector;
  months: number;
  place: string;
}

function pickExperience(
  rng: Random,
  person: Person,
  desired: readonly Occupation[],
  home: ResolvedPlace,
  returner: boolean,
): ExperienceDraft[] {
  const t = tables();
  const count =
    person.age < 21
      ? rng.weighted(STARTER_ENTRIES)
      : person.age < 24
        ? rng.weighted(YOUNG_ENTRIES)
        : rng.weighted(EXPERIENCED_ENTRIES);
  const out: ExperienceDraft[] = [];
  // Walk back from the reference day: the latest job first, each one ending where the next begins.
  let end: Date | null = rng.chance(returner ? 0 : 0.3)
    ? null
    : addMonths(CANDIDATE_REFERENCE_DATE, -rng.int(returner ? 36 : 1, returner ? 96 : 18));
  const earliestStart = Date.UTC(person.birth.getUTCFullYear() + 17, 8, 1);
  const arrivedAt = person.arrival ? Date.UTC(person.arrival, rng.int(0, 11), 1) : null;
  for (let i = 0; i < count; i++) {
    const months = rng.int(6, i === 0 ? 96 : 72);
    let to = end;
    let start = addMonths(to ?? CANDIDATE_REFERENCE_DATE, -months);
    // No job spans the move to the Netherlands: it starts after arrival, or ends before it.
    if (
      arrivedAt !== null &&
      (to ?? CANDIDATE_REFERENCE_DATE).getTime() > arrivedAt &&
      start.getTime() < arrivedAt
    ) {
      const afterArrival = addMonths(new Date(arrivedAt), rng.int(1, 6));
      if ((to ?? CANDIDATE_REFERENCE_DATE).getTime() - afterArrival.getTime() >= 90 * 86_400_000) {
        start = afterArrival;
      } else {
        to = addMonths(new Date(arrivedAt), -rng.int(1, 12));
        start = addMonths(to, -months);
      }
    }
    const ref = to ?? CANDIDATE_REFERENCE_DATE;
    if (start.getTime() < earliestStart) break;
    // The latest job is one the candidate wants again (the profile text says so); earlier ones
    // wander through related work and the occasional change of career.
    let occupation = i === 0 ? (rng.chance(0.75) ? desired[0]! : rng.pick(desired)) : desired[0]!;
    if (i > 0) {
      const roll = rng.next();
      const related = relatedOccupations(occupation.id);
      if (roll < 0.45 && related.length > 0) occupation = rng.pick(related);
      else if (roll < 0.75) occupation = rng.pick(desired);
      else occupation = rng.weighted(t.common).occupation;
    }
    const sector = sectorOf(occupation);
    const abroad = arrivedAt !== null && start.getTime() < arrivedAt;
    const place = abroad ? rng.pick(FOREIGN_CITIES[person.origin.id] ?? ["het buitenland"]) : home.name;
    out.push({
      title: occupationName(occupation),
      occupationId: occupation.id,
      employer: employerName(rng, sector, place, abroad),
      from: isoDate(start),
      to: to ? isoDate(to) : null,
      sector,
      months: Math.round((ref.getTime() - start.getTime()) / (30.44 * 86_400_000)),
      place,
    });
    end = addMonths(start, -rng.int(0, 6));
  }
  return out;
}
const STARTER_ENTRIES = weightedTable<number>([
  [0, 60],
  [1, 40],
]);
const YOUNG_ENTRIES = weightedTable<number>([
  [0, 30],
  [1, 45],
  [2, 25],
]);
const EXPERIENCED_ENTRIES = weightedTable<number>([
  [0, 8],
  [1, 25],
  [2, 30],
  [3, 22],
  [4, 15],
]);

function headlineFor(
  rng: Random,
  desired: readonly Occupation[],
  sector: Sector,
  certificates: readonly string[],
  experienceMonths: number,
): string {
  const name = occupationName(desired[0]!);
  const stage = experienceMonths < 18 ? "starter" : experienceMonths < 96 ? "medium" : "senior";
  // "Heftruckchauffeur met heftruckcertificaat" says nothing; prefer a certificate the name lacks.
  const certificateTail = certificates
    .filter((c) => !name.includes(c.split("-")[0]!))
    .map((c) => CERTIFICATE_HEADLINE[c])
    .find((tail) => tail !== undefined);
  let tail = "";
  const roll = rng.next();
  if (certificateTail && roll < 0.6) tail = ` ${certificateTail}`;
  else if (roll < 0.8) tail = ` ${rng.pick(HEADLINE_TAILS[sector])}`;
  if (desired.length > 1 && rng.chance(0.25)) {
    return `${capitalise(name)} en ${occupationName(desired[1]!)}${tail}`;
  }
  // A bare name without a tail ("Kok") would make a thin headline.
  if (tail && rng.chance(0.2)) return `${capitalise(name)}${tail}`;
  return `${rng.pick(HEADLINE_ADJECTIVES[stage])} ${name}${tail}`;
}

interface SummaryInput {
  person: Person;
  home: ResolvedPlace;
  desired: readonly Occupation[];
  sector: Sector;
  experience: readonly ExperienceDraft[];
  certificates: readonly string[];
  languages: readonly CandidateLanguage[];
  licences: readonly string[];
  transport: readonly string[];
  availability: readonly string[];
  hours: { min: number; max: number };
  maxTravelKm: number;
  availableFrom: Date;
  returner: boolean;
  education: string | null;
}

/**
 * A first-person profile text of 50-300 words. Sentences carry a priority; when the text runs long
 * the least important go first, so the occupation, sector words and availability always survive.
 */
function summaryFor(rng: Random, input: SummaryInput): string {
  const { person, desired, sector } = input;
  const words = SECTOR_WORDS[sector];
  const occupation = occupationName(desired[0]!);
  const qualities = [...new Set([...rng.some(words.qualities, 2), ...rng.some(QUALITIES, 2)])];
  const totalMonths = input.experience.reduce((sum, e) => sum + e.months, 0);
  const years = Math.max(1, Math.round(totalMonths / 12));
  const values = {
    firstName: person.firstName,
    age: person.age,
    city: input.home.name,
    occupation,
    years,
    quality: rng.pick(ATTRIBUTIVE_QUALITIES),
    country: COUNTRY_NAMES[person.origin.id] ?? "het buitenland",
    arrival: person.arrival ?? "",
  };
  const parts: { text: string; priority: number }[] = [];
  const add = (text: string, priority: number) => parts.push({ text, priority });

  let intros: readonly string[] = INTROS.experienced;
  if (person.arrival !== null && rng.chance(0.7)) intros = INTROS.newcomer;
  else if (input.returner) intros = INTROS.returner;
  else if (totalMonths < 18) intros = INTROS.starter;
  add(fill(rng.pick(intros), values), 10);

  for (const [i, e] of input.experience.slice(0, 2).entries()) {
    const task = rng.pick(SECTOR_WORDS[e.sector].tasks);
    const template =
      e.to === null
        ? rng.pick(CURRENT_JOB_SENTENCES)
        : rng.pick(i === 0 ? EXPERIENCE_SENTENCES : EARLIER_EXPERIENCE_SENTENCES);
    add(
      fill(template, {
        employer: e.employer,
        title: e.title,
        duration: durationNl(e.months),
        task,
        place: e.place,
      }),
      i === 0 ? 7 : 4,
    );
  }
  for (const sentence of rng.some(words.sentences, rng.int(1, 3))) add(sentence, 9);
  for (const task of rng.some(words.tasks, rng.int(0, 2))) add(fill(rng.pick(TASK_SENTENCES), { task }), 3);
  if (desired.length > 1) {
    const others = listNl(desired.slice(1).map(occupationName));
    add(
      rng.pick([`Ook als ${others} ben ik inzetbaar.`, `Daarnaast sta ik open voor werk als ${others}.`]),
      6,
    );
  }
  if (input.certificates.length > 0) {
    const labels = input.certificates.map((c) => tables().certificateLabels.get(c) ?? c);
    add(
      labels.length === 1
        ? `Ik heb het certificaat ${labels[0]}.`
        : `Ik heb de certificaten ${listNl(labels)}.`,
      6,
    );
  }
  add(fill(rng.pick(QUALITY_SENTENCES), { q1: qualities[0]!, q2: qualities[1] ?? qualities[0]! }), 5);
  const spoken = input.languages
    .map((l) => LANGUAGE_NAMES[l.code])
    .filter((n): n is string => n !== undefined);
  if (spoken.length > 1) add(`Ik spreek ${listNl(spoken)}.`, 4);
  if (person.origin.newcomer && input.languages[0]?.level !== "fluent") {
    add(rng.pick(NEWCOMER_LANGUAGE_SENTENCES), 5);
  }
  if (input.transport.includes("auto")) {
    add(`Ik heb rijbewijs ${listNl(input.licences)} en een eigen auto.`, 3);
  } else if (input.transport.length > 0) {
    const modes = input.transport.map((m) =>
      m === "openbaar-vervoer" ? "het openbaar vervoer" : m === "te-voet" ? "te voet" : `de ${m}`,
    );
    add(`Ik reis met ${listNl(modes)} en wil maximaal ${input.maxTravelKm} kilometer reizen.`, 3);
  }
  const days = input.availability.filter((d) => tables().days.includes(d));
  const weekdays = days.filter((d) => d !== "zaterdag" && d !== "zondag");
  const dayText =
    weekdays.length === 5
      ? days.length === 7
        ? "de hele week"
        : days.includes("zaterdag")
          ? "doordeweeks en op zaterdag"
          : "op doordeweekse dagen"
      : `op ${listNl(days)}`;
  const extras: string[] = [];
  if (input.availability.includes("avond")) extras.push("ook 's avonds");
  if (input.availability.includes("nacht")) extras.push("ook in de nacht");
  const hours =
    input.hours.min === input.hours.max ? `${input.hours.max}` : `${input.hours.min} tot ${input.hours.max}`;
  add(
    `Ik ben beschikbaar voor ${hours} uur per week, ${dayText}${extras.length ? `, ${extras.join(" en ")}` : ""}.`,
    8,
  );
  const daysAhead = Math.round(
    (input.availableFrom.getTime() - CANDIDATE_REFERENCE_DATE.getTime()) / 86_400_000,
  );
  add(
    daysAhead <= 7 ? "Ik ben direct beschikbaar." : `Ik kan per ${dutchDate(input.availableFrom)} beginnen.`,
    6,
  );
  for (const filler of rng.some(FILLER_SENTENCES, rng.int(0, 2))) add(filler, 1);
  add(fill(rng.pick(CLOSINGS), { wish: rng.pick(words.wishes) }), 8);

  // Too short: pad with general sentences; too long: drop the least important.
  let count = parts.reduce((sum, p) => sum + wordCount(p.text), 0);
  const spare = FILLER_SENTENCES.filter((f) => !parts.some((p) => p.text === f));
  while (count < 50 && spare.length > 0) {
    const filler = spare.splice(Math.floor(rng.next() * spare.length), 1)[0]!;
    parts.splice(parts.length - 1, 0, { text: filler, priority: 1 });
    count += wordCount(filler);
  }
  while (count > 300) {
    let lowest = 0;
    for (let i = 1; i < parts.length; i++) if (parts[i]!.priority <= parts[lowest]!.priority) lowest = i;
    count -= wordCount(parts[lowest]!.text);
    parts.splice(lowest, 1);
  }
  return parts.map((p) => p.text).join(" ");
}

/**
 * One candidate. The same (index, seed) always gives the same row, including its id; the row's
 * random stream does not depend on any other row.
 */
export function generateCandidate(
  index: number,
  options: { seed: number; portals: SeedPortal[] },
): CandidateRow {
  const rng = new Random(streamRng(options.seed, index, CANDIDATE_STREAM));
  const id = rng.uuid();
  const portal = pickPortal(rng, options.portals);
  const home = pickHome(rng, portal);
  const { lat, lon } = jitter(rng, home.lat, home.lon, 2);
  const person = pickPerson(rng);
  const desired = pickOccupations(rng);
  const main = desired[0]!;
  const sector = sectorOf(main);
  const education = pickEducation(rng, main, person);
  const workLevel = pickWorkLevel(rng, education);
  const limitations = pickLimitations(rng, person);
  const targetGroups = pickTargetGroups(rng, person, limitations, education);
  const returner = targetGroups.includes("herintreder");
  const experience = pickExperience(rng, person, desired, home, returner);
  const licences = pickLicences(rng, main, sector, person);
  const certificates = pickCertificates(rng, main, sector);
  const languages = pickLanguages(rng, person, education);
  const transport = pickTransport(rng, licences, person);
  const availability = pickAvailability(rng, sector);
  const hours = pickHours(rng, sector);
  const maxTravelKm = transport.includes("auto")
    ? rng.pick([10, 15, 20, 25, 30, 40, 50])
    : rng.pick([5, 10, 10, 15, 20, 25]);
  const availableFrom = addDays(
    CANDIDATE_REFERENCE_DATE,
    rng.chance(0.4) ? rng.int(0, 14) : rng.int(15, 120),
  );
  const experienceMonths = experience.reduce((sum, e) => sum + e.months, 0);
  const headline = headlineFor(rng, desired, sector, certificates, experienceMonths);
  const summary = summaryFor(rng, {
    person,
    home,
    desired,
    sector,
    experience,
    certificates,
    languages,
    licences,
    transport,
    availability,
    hours,
    maxTravelKm,
    availableFrom,
    returner,
    education,
  });
  const createdAt = addDays(CANDIDATE_REFERENCE_DATE, -rng.int(0, 730));
  const updatedAt = new Date(
    Math.min(addDays(createdAt, rng.int(0, 60)).getTime(), CANDIDATE_REFERENCE_DATE.getTime()),
  );
  return {
    id,
    portalId: portal.id,
    userId: null,
    firstName: person.firstName,
    lastName: person.lastName,
    email: emailFor(rng, person),
    phone: phoneFor(rng),
    birthDate: isoDate(person.birth),
    postcode: postcode(rng, home),
    city: home.name,
    lat,
    lon,
    headline,
    summary,
    desiredOccupationIds: desired.map((o) => o.id),
    experience: experience.map(({ title, occupationId, employer, from, to, place }) => ({
      title,
      occupationId,
      employer,
      from,
      to,
      place,
    })),
    educationLevel: education,
    workLevel,
    drivingLicences: licences,
    languages,
    certificates,
    physicalLimitations: limitations,
    targetGroups,
    transportModes: transport,
    dayparts: availability,
    hoursMin: hours.min,
    hoursMax: hours.max,
    maxTravelKm,
    availableFrom: isoDate(availableFrom),
    visible: rng.chance(0.92),
    // The profile fields of issue 5, drawn after everything above so earlier fields stay as they
    // were. The availability grid stays empty (it reads as every combination of `dayparts`), and
    // so do education, courses and media: as JSON they made bulk seeding a fifth slower.
    placeId: home.id,
    workTypes: [...new Set(desired.map((o) => o.workType))],
    sectors: [...new Set(desired.map((o) => o.group))],
    hobbies: rng.chance(0.7) ? capitalise(listNl(rng.some(HOBBIES, rng.int(1, 3)))) : "",
    contactPreference: rng.chance(0.3) ? "direct" : "account_manager",
    // The demo should not age out at the first nightly retention run: profiles older than
    // eleven months count as touched again in that window (deterministic, no extra draw).
    profileUpdatedAt:
      CANDIDATE_REFERENCE_DATE.getTime() - updatedAt.getTime() > 330 * 86_400_000
        ? addDays(CANDIDATE_REFERENCE_DATE, -(index % 330))
        : updatedAt,
    createdAt,
    updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Vacancies

const organisationTables = new WeakMap<readonly SeedOrganisation[], WeightedTable<SeedOrganisation>>();

const ORGANISATION_KIND_WEIGHT: Readonly<Record<SeedOrganisation["kind"], number>> = {
  employer: 1,
  agency: 3,
  municipality: 1.5,
  government: 1.5,
};

/** What municipalities and agencies recruit for when their name says nothing about it. */
const KIND_SECTORS: Readonly<Record<SeedOrganisation["kind"], readonly (readonly [Sector, number])[]>> = {
  municipality: [
    ["admin", 5],
    ["customer", 3],
    ["green", 3],
    ["cleaning", 2],
    ["security", 2],
    ["ict", 2],
    ["care", 1],
  ],
  government: [
    ["admin", 5],
    ["ict", 3],
    ["customer", 2],
    ["security", 1],
    ["cleaning", 1],
  ],
  agency: [
    ["logistics", 6],
    ["production", 4],
    ["transport", 3],
    ["cleaning", 2],
    ["hospitality", 2],
    ["technical", 2],
    ["construction", 2],
    ["care", 1],
  ],
  employer: [],
};

function vacancyOccupation(rng: Random, organisation: SeedOrganisation): Occupation {
  const t = tables();
  if (rng.chance(0.08)) return rng.pick(t.occupations);
  const hinted = ORGANISATION_SECTOR_HINTS.find(([pattern]) => pattern.test(organisation.name))?.[1];
  let sector: Sector | undefined;
  if (hinted && rng.chance(0.8)) sector = hinted;
  else if (KIND_SECTORS[organisation.kind].length > 0 && rng.chance(0.7)) {
    sector = rng.weighted(weightedTable(KIND_SECTORS[organisation.kind]));
  }
  const table = sector ? t.commonBySector.get(sector) : undefined;
  return (table ? rng.weighted(table) : rng.weighted(t.common)).occupation;
}

function organisationPlace(
  rng: Random,
  organisation: SeedOrganisation,
): { name: string; lat: number; lon: number } {
  if (organisation.lat !== null && organisation.lon !== null) {
    return { name: organisation.city ?? "", lat: organisation.lat, lon: organisation.lon };
  }
  const known = organisation.city ? findPlaceByName(organisation.city, { country: "NL" }) : undefined;
  if (known) return { name: organisation.city ?? known.name, lat: known.lat, lon: known.lon };
  const fallback = rng.weighted(tables().largeCities);
  return { name: organisation.city ?? fallback.name, lat: fallback.lat, lon: fallback.lon };
}

function nearbyPlace(rng: Random, from: { lat: number; lon: number }): ResolvedPlace | undefined {
  const near = tables().municipalities.filter((m) => {
    const d = distanceKm(from, m);
    return d >= 2 && d <= 20;
  });
  return near.length > 0 ? rng.pick(near) : undefined;
}

const TEAM_TAILS = [
  "die voor elkaar klaarstaan",
  "en krijgt een vaste begeleider",
  "in een open en informele sfeer",
];

const POSITIONS = weightedTable<number>([
  [1, 55],
  [2, 20],
  [3, 12],
  [4, 8],
  [5, 5],
]);

const VACANCY_STATUS = weightedTable<NonNullable<VacancyRow["status"]>>([
  ["published", 70],
  ["draft", 10],
  ["requested", 10],
  ["closed", 10],
]);

const VACANCY_KIND = weightedTable<NonNullable<VacancyRow["kind"]>>([
  ["vacancy", 70],
  ["internship", 8],
  ["work_experience", 8],
  ["apprenticeship", 5],
  ["project", 3],
  ["job_rotation", 3],
  ["shadowing", 3],
]);

const SERVICE_MODEL = weightedTable<NonNullable<VacancyRow["serviceModel"]>>([
  ["self_service", 40],
  ["together", 40],
  ["account_manager", 20],
]);

/** The minimum a vacancy asks for, a notch below what candidates in the job typically have. */
function vacancyEducation(rng: Random, occupation: Occupation): string | null {
  const major = occupation.isco.charAt(0);
  const options: Record<string, readonly (string | null)[]> = {
    "1": ["mbo-4", "hbo-bachelor", "hbo-bachelor"],
    "2": ["hbo-bachelor", "hbo-bachelor", "wo-master", "wo-bachelor"],
    "3": ["mbo-4", "mbo-4", "mbo-3", "hbo-bachelor"],
    "4": ["mbo-2", "mbo-3", "mbo-3", "mbo-4"],
    "9": [null, null, "vmbo-bb", "mbo-1"],
  };
  const level = rng.pick(options[major] ?? ["vmbo-kb", "mbo-2", "mbo-2", "mbo-3"]);
  return level && tables().educationLevels.has(level) ? level : null;
}

/**
 * One vacancy of one of the given organisations, on that organisation's portal. Dates are relative
 * to `now`, so a demo seeded with a fixed `now` looks the same on every machine.
 */
export function generateVacancy(
  index: number,
  options: { seed: number; organisations: SeedOrganisation[]; now: Date },
): VacancyRow {
  if (options.organisations.length === 0) throw new Error("generateVacancy needs at least one organisation");
  const rng = new Random(streamRng(options.seed, index, VACANCY_STREAM));
  const id = rng.uuid();
  let organisationTable = organisationTables.get(options.organisations);
  if (!organisationTable) {
    organisationTable = weightedTable(
      options.organisations.map((o) => [o, ORGANISATION_KIND_WEIGHT[o.kind]] as const),
    );
    organisationTables.set(options.organisations, organisationTable);
  }
  const organisation = rng.weighted(organisationTable);
  const occupation = vacancyOccupation(rng, organisation);
  const sector = sectorOf(occupation);
  const words = SECTOR_WORDS[sector];
  const name = occupationName(occupation);
  let place = organisationPlace(rng, organisation);
  if (rng.chance(0.3)) {
    const near = nearbyPlace(rng, place);
    if (near) place = { name: near.name, ...jitter(rng, near.lat, near.lon, 1) };
  }
  const hours = pickHours(rng, sector);
  const hoursText = hours.min === hours.max ? `${hours.max}` : `${hours.min}-${hours.max}`;
  const values = {
    title: name,
    Title: capitalise(name),
    city: place.name,
    org: organisation.name,
    hours: hoursText,
    quality: rng.pick(ATTRIBUTIVE_QUALITIES),
  };
  const education = vacancyEducation(rng, occupation);
  const educationLabel = education ? tables().educationLabels.get(education)?.toLowerCase() : undefined;
  const taskLineOffset = rng.int(0, VACANCY_TASK_LINES.length - 1);
  const [q1, q2] = rng.some([...new Set([...words.qualities, ...QUALITIES])], 2);
  const requirements = [
    ...rng.some(words.requirements, rng.int(2, 3)),
    ...(educationLabel
      ? [`Je hebt minimaal een diploma op niveau ${educationLabel}, of vergelijkbare ervaring`]
      : []),
    `Je bent ${q1} en ${q2}`,
    `Je bent beschikbaar voor ${hoursText} uur per week`,
  ];
  const description = [
    fill(rng.pick(VACANCY_INTROS), values),
    "",
    "Wat ga je doen?",
    rng
      .some(words.tasks, rng.int(2, 3))
      .map((task, i) => fill(VACANCY_TASK_LINES[(i + taskLineOffset) % VACANCY_TASK_LINES.length]!, { task }))
      .join(" "),
    `Je werkt in een team van ${rng.int(4, 25)} collega's ${rng.pick(TEAM_TAILS)}.`,
    "",
    "Wat vragen we?",
    ...requirements.map((r) => `- ${r}.`),
    "",
    "Wat bieden we?",
    ...rng.some(VACANCY_OFFERS, rng.int(3, 5)).map((o) => `- ${o}.`),
    "",
    rng.pick(VACANCY_CLOSINGS),
  ].join("\n");
  const status = rng.weighted(VACANCY_STATUS);
  const now = options.now;
  let portalFrom: Date | null = null;
  let closesOn: string | null = null;
  let createdAt: Date;
  if (status === "published") {
    portalFrom = addDays(now, -rng.int(0, 60));
    closesOn = isoDate(addDays(now, rng.int(7, 90)));
    createdAt = addDays(portalFrom, -rng.int(0, 7));
  } else if (status === "closed") {
    portalFrom = addDays(now, -rng.int(60, 150));
    closesOn = isoDate(addDays(now, -rng.int(1, 45)));
    createdAt = addDays(portalFrom, -rng.int(0, 7));
  } else {
    // Drafts and requests awaiting approval: planned dates are filled in about half the time.
    createdAt = addDays(now, -rng.int(0, 20));
    if (rng.chance(0.5)) {
      portalFrom = addDays(now, rng.int(1, 14));
      closesOn = isoDate(addDays(portalFrom, rng.int(21, 60)));
    }
  }
  // Kansenportaal practice: first the own organisation, then the region, often all portals
  // and the open job board a few days later.
  const organisationFrom = portalFrom && rng.chance(0.4) ? addDays(portalFrom, -rng.int(1, 7)) : null;
  const allPortalsFrom = portalFrom && rng.chance(0.5) ? addDays(portalFrom, rng.int(0, 7)) : null;
  const publicFrom = portalFrom && rng.chance(0.6) ? addDays(portalFrom, rng.int(0, 10)) : null;
  const serviceModel = rng.weighted(SERVICE_MODEL);
  const employerKind = organisation.kind === "employer";
  const salaryBase = 2200 + rng.int(0, 18) * 100;
  return {
    id,
    organisationId: organisation.id,
    portalId: organisation.portalId,
    createdByUserId: null,
    createdByKind: employerKind && rng.chance(0.5) ? "employer" : "account_manager",
    title: capitalise(name),
    displayTitle: fill(rng.pick(VACANCY_TITLES), values),
    description,
    functionGroup: occupation.group,
    occupationId: occupation.id,
    educationLevel: education,
    kind: rng.weighted(VACANCY_KIND),
    salaryMin: rng.chance(0.6) ? salaryBase : null,
    salaryMax: rng.chance(0.6) ? salaryBase + rng.int(3, 12) * 100 : null,
    durationKind: rng.chance(0.7) ? "permanent" : "temporary",
    hoursMin: hours.min,
    hoursMax: hours.max,
    positions: rng.weighted(POSITIONS),
    useHeadOffice: false,
    city: place.name || null,
    lat: place.lat,
    lon: place.lon,
    serviceModel,
    contactVia:
      serviceModel === "self_service" ? "employer" : rng.chance(0.5) ? "employer" : "account_manager",
    status,
    publishOrganisationFrom: organisationFrom ? isoDate(organisationFrom) : null,
    publishPortalFrom: portalFrom ? isoDate(portalFrom) : null,
    publishAllPortalsFrom: allPortalsFrom ? isoDate(allPortalsFrom) : null,
    publishPublicFrom: publicFrom ? isoDate(publicFrom) : null,
    closesOn,
    publishedAt: status === "published" || status === "closed" ? portalFrom : null,
    createdAt,
    updatedAt: new Date(Math.min(addDays(createdAt, rng.int(0, 3)).getTime(), now.getTime())),
  };
}
