/**
 * Generates data/reference/company-register.json (`npm run data:companies`): the offline stand-in
 * for the KvK company register, about 3,000 FICTIONAL Dutch companies with their branches.
 *
 * Everything is made up: names are built from surnames and words, KvK and establishment numbers are
 * random, addresses combine common Dutch street names with a house number and a postcode in a range
 * that fits the place. Places (and their provinces and coordinates) come from
 * data/reference/places.json; the four postcode digits of the larger places are their real ranges
 * (a hand-made table below), the other places get free numbers of their province's range next to the
 * nearest larger place. SBI codes and Dutch descriptions follow the SBI 2008 (CBS), abridged.
 *
 * Deterministic: one seeded random stream (src/server/seed/generate.ts), sorted output, so a rerun
 * gives the same bytes. Two entries are fixed for tests and the demo: Bakkerij Van Vliet B.V. in
 * Delft (27412345) and Kwekerij Zonnegloed B.V. in Naaldwijk (27456789). KvK numbers never collide
 * with the demo organisations' numbers in src/server/seed/demo.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import {
  type RegistryCompany,
  RegistryCompanySchema,
} from "../src/server/modules/employers/company-registry";
import { foldSearchText, getPlaces } from "../src/server/modules/taxonomy/reference-data";
import { createRng } from "../src/server/seed/generate";

const SEED = 20_261_101;
/** Companies (distinct KvK numbers), branches not counted. */
const TARGET_COMPANIES = 3_000;
const OUT = new URL("../data/reference/company-register.json", import.meta.url);
const DEMO = new URL("../src/server/seed/demo.ts", import.meta.url);

// ---------------------------------------------------------------------------------------------
// Randomness

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [item, w] of entries) {
      x -= w;
      if (x < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }
}

/** A weighted table for many picks: cumulative weights and a binary search. */
class Table<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error("empty table");
  }
  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (a.lat - b.lat) * 111.32;
  const dLon = (a.lon - b.lon) * 111.32 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dLat * dLat + dLon * dLon);
}

// ---------------------------------------------------------------------------------------------
// Places and postcodes

/**
 * Larger places with their real range of postcode digits and a weight (about the number of
 * inhabitants in thousands). Names as in places.json.
 */
const ANCHORS: readonly (readonly [string, number, number, number])[] = [
  ["Amsterdam", 1011, 1109, 930],
  ["Rotterdam", 3011, 3089, 655],
  ["Den Haag", 2491, 2599, 560],
  ["Utrecht", 3511, 3585, 370],
  ["Eindhoven", 5611, 5658, 240],
  ["Groningen", 9711, 9747, 235],
  ["Tilburg", 5011, 5049, 225],
  ["Almere", 1311, 1365, 220],
  ["Breda", 4811, 4839, 185],
  ["Nijmegen", 6511, 6546, 180],
  ["Apeldoorn", 7311, 7339, 166],
  ["Arnhem", 6811, 6846, 165],
  ["Haarlem", 2011, 2037, 163],
  ["Enschede", 7511, 7548, 160],
  ["Amersfoort", 3811, 3829, 160],
  ["Hoofddorp", 2131, 2136, 80],
  ["Nieuw-Vennep", 2151, 2153, 32],
  ["Zaandam", 1501, 1509, 78],
  ["'s-Hertogenbosch", 5211, 5237, 158],
  ["Zwolle", 8011, 8048, 132],
  ["Leiden", 2311, 2334, 127],
  ["Zoetermeer", 2711, 2729, 126],
  ["Leeuwarden", 8911, 8939, 125],
  ["Maastricht", 6211, 6229, 122],
  ["Dordrecht", 3311, 3329, 120],
  ["Ede", 6711, 6718, 80],
  ["Alphen aan den Rijn", 2401, 2409, 80],
  ["Alkmaar", 1811, 1827, 110],
  ["Emmen", 7811, 7827, 60],
  ["Delft", 2611, 2629, 105],
  ["Deventer", 7411, 7429, 102],
  ["Venlo", 5911, 5928, 70],
  ["Helmond", 5701, 5709, 93],
  ["Oss", 5341, 5349, 60],
  ["Amstelveen", 1181, 1189, 92],
  ["Hilversum", 1211, 1223, 92],
  ["Purmerend", 1441, 1448, 92],
  ["Sittard", 6131, 6137, 37],
  ["Geleen", 6160, 6167, 32],
  ["Heerlen", 6411, 6422, 87],
  ["Hengelo", 7550, 7559, 82],
  ["Lelystad", 8211, 8245, 80],
  ["Gouda", 2801, 2809, 75],
  ["Naaldwijk", 2671, 2672, 32],
  ["'s-Gravenzande", 2691, 2694, 22],
  ["Monster", 2681, 2684, 20],
  ["De Lier", 2678, 2678, 15],
  ["Poeldijk", 2685, 2685, 12],
  ["Honselersdijk", 2675, 2675, 8],
  ["Voorburg", 2271, 2275, 45],
  ["Rijswijk", 2280, 2289, 57],
  ["Pijnacker", 2641, 2647, 30],
  ["Nootdorp", 2631, 2632, 27],
  ["Wassenaar", 2241, 2245, 27],
  ["Schipluiden", 2636, 2636, 8],
  ["Maasland", 3155, 3155, 12],
  ["Schiedam", 3111, 3125, 80],
  ["Vlaardingen", 3131, 3138, 75],
  ["Spijkenisse", 3200, 3209, 73],
  ["Capelle aan den IJssel", 2901, 2909, 67],
  ["Berkel en Rodenrijs", 2651, 2652, 30],
  ["Bergschenhoek", 2661, 2662, 20],
  ["Bleiswijk", 2665, 2666, 15],
  ["Barendrecht", 2991, 2994, 50],
  ["Ridderkerk", 2981, 2989, 47],
  ["Maassluis", 3141, 3147, 34],
  ["Krimpen aan den IJssel", 2921, 2926, 30],
  ["Rhoon", 3161, 3162, 12],
  ["Den Helder", 1781, 1789, 56],
  ["Hoorn", 1621, 1628, 74],
  ["Roosendaal", 4701, 4709, 77],
  ["Bergen op Zoom", 4611, 4624, 68],
  ["Middelburg", 4331, 4338, 49],
  ["Vlissingen", 4381, 4389, 45],
  ["Goes", 4461, 4465, 38],
  ["Terneuzen", 4531, 4539, 25],
  ["Assen", 9401, 9409, 69],
  ["Veenendaal", 3901, 3906, 67],
  ["Harderwijk", 3841, 3848, 48],
  ["Doetinchem", 7001, 7009, 58],
  ["Roermond", 6041, 6045, 59],
  ["Zeist", 3701, 3709, 66],
  ["Nieuwegein", 3431, 3439, 63],
  ["Houten", 3991, 3995, 50],
  ["Woerden", 3441, 3448, 53],
  ["Katwijk", 2221, 2225, 66],
  ["Noordwijk", 2201, 2204, 26],
  ["Lisse", 2161, 2165, 23],
  ["Hillegom", 2181, 2182, 22],
  ["Sassenheim", 2171, 2172, 16],
  ["Heerhugowaard", 1701, 1706, 58],
  ["IJmuiden", 1971, 1976, 32],
  ["Beverwijk", 1941, 1948, 42],
  ["Heemskerk", 1961, 1969, 39],
  ["Castricum", 1901, 1902, 24],
  ["Weert", 6001, 6006, 50],
  ["Tiel", 4001, 4007, 42],
  ["Kampen", 8261, 8266, 38],
  ["Meppel", 7941, 7944, 34],
  ["Hoogeveen", 7901, 7909, 40],
  ["Drachten", 9200, 9204, 45],
  ["Sneek", 8601, 8608, 34],
  ["Heerenveen", 8441, 8448, 30],
  ["Almelo", 7601, 7609, 73],
  ["Oldenzaal", 7570, 7577, 32],
  ["Waalwijk", 5141, 5146, 40],
  ["Veghel", 5461, 5467, 33],
  ["Uden", 5401, 5406, 42],
  ["Etten-Leur", 4871, 4876, 44],
  ["Culemborg", 4101, 4108, 29],
  ["Gorinchem", 4201, 4209, 38],
  ["Papendrecht", 3351, 3356, 32],
  ["Zwijndrecht", 3331, 3335, 45],
  ["Hellevoetsluis", 3221, 3225, 40],
  ["Dronten", 8251, 8253, 26],
  ["Emmeloord", 8301, 8305, 27],
  ["Hardenberg", 7771, 7773, 20],
  ["Zutphen", 7201, 7207, 48],
  ["Wageningen", 6701, 6709, 40],
  ["Venray", 5801, 5804, 30],
  ["Kerkrade", 6460, 6471, 45],
  ["Bussum", 1401, 1406, 33],
  ["Huizen", 1271, 1277, 41],
  ["Diemen", 1111, 1113, 31],
  ["Uithoorn", 1421, 1424, 31],
  ["Aalsmeer", 1431, 1433, 32],
  ["IJsselstein", 3401, 3404, 34],
  ["Maarssen", 3601, 3608, 40],
  ["Barneveld", 3771, 3774, 36],
  ["Nijkerk", 3861, 3863, 34],
  ["Zevenaar", 6901, 6903, 33],
  ["Oosterhout", 4901, 4909, 56],
  ["Veldhoven", 5501, 5509, 46],
  ["Valkenswaard", 5551, 5556, 31],
  ["Best", 5681, 5684, 30],
  ["Boxtel", 5281, 5283, 31],
  ["Vught", 5261, 5263, 26],
  ["Dongen", 5101, 5104, 26],
  ["Goirle", 5051, 5052, 24],
  ["Cuijk", 5431, 5432, 25],
  ["Brunssum", 6441, 6446, 28],
];

/** Four-digit postcode ranges per province (roughly; the real areas cross province borders here and there). */
const PROVINCE_RANGES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  "Noord-Holland": [
    [1000, 1299],
    [1400, 2159],
  ],
  Flevoland: [
    [1300, 1399],
    [8200, 8259],
    [8300, 8399],
  ],
  "Zuid-Holland": [
    [2160, 3399],
    [4200, 4299],
  ],
  Utrecht: [
    [3400, 3769],
    [3900, 3999],
  ],
  Gelderland: [
    [3770, 3899],
    [4000, 4199],
    [6500, 7399],
  ],
  Zeeland: [[4300, 4599]],
  "Noord-Brabant": [[4600, 5799]],
  Limburg: [[5800, 6499]],
  Overijssel: [
    [7400, 7799],
    [8000, 8199],
    [8260, 8299],
  ],
  Drenthe: [
    [7800, 7999],
    [9300, 9499],
  ],
  Fryslân: [[8400, 9299]],
  Groningen: [[9500, 9999]],
};

/** Municipalities whose coordinates are a centroid of several villages: not a place anyone writes on a letter. */
const NOT_A_PLACE = new Set([
  "Beekdaelen",
  "Bronckhorst",
  "De Wolden",
  "Drechterland",
  "Hollands Kroon",
  "Koggenland",
  "Krimpenerwaard",
  "Laarbeek",
  "Lingewaard",
  "Midden-Delfland",
  "Molenlanden",
  "Neder-Betuwe",
  "Noord-Beveland",
  "Oost Gelre",
  "Oude IJsselstreek",
  "Reimerswaal",
  "Roerdalen",
  "Westerveld",
]);

/** Places.json names that a postal address writes differently. */
const POSTAL_NAMES: Readonly<Record<string, string>> = {
  "Almere Stad": "Almere",
  "Katwijk aan Zee": "Katwijk",
  "Noordwijk-Binnen": "Noordwijk",
};

/** Places with many greenhouses (Westland, Oostland, Aalsmeer, Venlo, Emmen). */
const GREENHOUSE = new Set([
  "Naaldwijk",
  "Honselersdijk",
  "'s-Gravenzande",
  "Monster",
  "De Lier",
  "Poeldijk",
  "Wateringen",
  "Kwintsheul",
  "Maasdijk",
  "Maasland",
  "Bleiswijk",
  "Berkel en Rodenrijs",
  "Bergschenhoek",
  "Pijnacker",
  "Zevenhuizen",
  "Aalsmeer",
  "Kudelstaart",
  "Rijsenhout",
  "Sevenum",
  "America",
  "Grubbenvorst",
  "Klazienaveen",
]);

interface Town {
  name: string;
  province: string;
  lat: number;
  lon: number;
  weight: number;
  /** The four postcode digits used there. */
  codes: number[];
  large: boolean;
}

function buildTowns(): Town[] {
  const dutch = getPlaces().filter((p) => p.country === "NL");
  const byName = new Map<string, (typeof dutch)[number]>();
  for (const p of dutch) {
    // A municipality and a place can share a name; the place is the town.
    if (!byName.has(p.name) || p.kind === "place") byName.set(p.name, p);
  }
  const towns: Town[] = [];
  const taken = new Set<string>();
  for (const [name, lo, hi, weight] of ANCHORS) {
    const place = byName.get(name);
    if (!place) throw new Error(`anchor "${name}" is not in places.json`);
    const codes: number[] = [];
    for (let n = lo; n <= hi; n++) codes.push(n);
    towns.push({
      name,
      province: place.province,
      lat: place.lat,
      lon: place.lon,
      weight,
      codes,
      large: true,
    });
    taken.add(name);
  }
  const anchors = [...towns];

  // The other places: every place, and every municipality that is a town itself (not one whose main
  // town is a separate place at the same coordinates, and not a centroid of villages).
  // Neighbourhoods and districts of a larger place (GeoNames has some: "Kop van Zuid",
  // "Amsterdam-West") are addressed with the town's name, so they are left out too.
  const placeAt = new Set(dutch.filter((p) => p.kind === "place").map((p) => `${p.lat},${p.lon}`));
  const anchorRecords = ANCHORS.map(([name]) => byName.get(name)!);
  const isDistrict = (p: (typeof dutch)[number]) =>
    /buurt|-(Noord|Zuid|West|Oost)$/i.test(p.name) ||
    anchorRecords.some((a) => p.name.startsWith(`${a.name}-`) || p.name.startsWith(`${a.name} `)) ||
    anchorRecords.some((a) => a.municipality === p.municipality && distanceKm(a, p) < 5);
  const others: Town[] = [];
  for (const p of dutch) {
    const name = POSTAL_NAMES[p.name] ?? p.name;
    if (taken.has(name)) continue;
    if (p.kind === "municipality" && (placeAt.has(`${p.lat},${p.lon}`) || NOT_A_PLACE.has(p.name))) continue;
    if (p.kind === "place" && isDistrict(p)) continue;
    taken.add(name);
    others.push({
      name,
      province: p.province,
      lat: p.lat,
      lon: p.lon,
      weight: p.kind === "municipality" ? 10 : 3,
      codes: [],
      large: false,
    });
  }

  // Postcodes for the others: free numbers of the province's range, as close as possible to the
  // range of the nearest larger place; the closest places choose first.
  for (const [province, ranges] of Object.entries(PROVINCE_RANGES)) {
    const free = new Set<number>();
    for (const [lo, hi] of ranges) for (let n = lo; n <= hi; n++) free.add(n);
    for (const a of anchors) for (const n of a.codes) free.delete(n);
    const inProvince = others
      .filter((t) => t.province === province)
      .map((town) => {
        const local = anchors.filter((a) => a.province === province);
        let nearest = local[0]!;
        for (const a of local) if (distanceKm(a, town) < distanceKm(nearest, town)) nearest = a;
        return { town, nearest, distance: distanceKm(nearest, town) };
      })
      .sort((a, b) => a.distance - b.distance || (a.town.name < b.town.name ? -1 : 1));
    for (const { town, nearest } of inProvince) {
      const lo = nearest.codes[0]!;
      const hi = nearest.codes[nearest.codes.length - 1]!;
      const want = town.weight >= 10 ? 2 : 1;
      const candidates = [...free].sort(
        (a, b) => Math.max(lo - a, a - hi, 0) - Math.max(lo - b, b - hi, 0) || a - b, // distance to the range
      );
      const chosen = candidates.slice(0, want);
      if (chosen.length === 0) {
        // The province's range is used up: share the nearest larger place's numbers.
        chosen.push(lo);
        console.warn(`no free postcode digits left in ${province} for ${town.name}`);
      }
      for (const n of chosen) free.delete(n);
      town.codes = chosen.sort((a, b) => a - b);
    }
  }
  for (const t of others)
    if (t.codes.length === 0) throw new Error(`no postcode range for ${t.name} (${t.province})`);
  return [...towns, ...others];
}

const POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

function postcode(rng: Rng, town: Town): string {
  let letters: string;
  do {
    letters = rng.pick([...POSTCODE_LETTERS]) + rng.pick([...POSTCODE_LETTERS]);
    // PostNL does not issue these.
  } while (letters === "SA" || letters === "SD" || letters === "SS");
  return `${rng.pick(town.codes)} ${letters}`;
}

// ---------------------------------------------------------------------------------------------
// Regions and chambers (for names and old-style KvK numbers)

const REGIONS: readonly (readonly [string, number, number])[] = [
  ["Haaglanden", 52.07, 4.3],
  ["Westland", 51.99, 4.21],
  ["Rijnmond", 51.92, 4.48],
  ["Holland Rijnland", 52.16, 4.49],
  ["Midden-Holland", 52.01, 4.71],
  ["Drechtsteden", 51.81, 4.67],
  ["Voorne-Putten", 51.85, 4.33],
  ["Kennemerland", 52.38, 4.64],
  ["Amstelland", 52.3, 4.86],
  ["Zaanstreek", 52.44, 4.83],
  ["West-Friesland", 52.64, 5.06],
  ["Noord-Kennemerland", 52.63, 4.75],
  ["Gooi", 52.22, 5.17],
  ["Waterland", 52.5, 4.95],
  ["Kop van Noord-Holland", 52.96, 4.76],
  ["Groene Hart", 52.09, 4.88],
  ["Eemland", 52.16, 5.39],
  ["Heuvelrug", 52.09, 5.23],
  ["Foodvalley", 52.04, 5.66],
  ["Veluwe", 52.21, 5.97],
  ["Achterhoek", 51.97, 6.29],
  ["Rivierenland", 51.89, 5.43],
  ["Betuwe", 51.92, 5.85],
  ["Rijk van Nijmegen", 51.84, 5.86],
  ["Liemers", 51.93, 6.07],
  ["Twente", 52.22, 6.89],
  ["Salland", 52.25, 6.16],
  ["IJsseldelta", 52.51, 6.09],
  ["Vechtdal", 52.58, 6.62],
  ["Flevoland", 52.52, 5.47],
  ["Noordoostpolder", 52.71, 5.75],
  ["Friesland", 53.2, 5.8],
  ["Zuidwest-Friesland", 53.03, 5.66],
  ["Zuidoost-Friesland", 53.11, 6.1],
  ["Stad en Ommeland", 53.22, 6.57],
  ["Eemsdelta", 53.33, 6.92],
  ["Oost-Groningen", 53.14, 7.03],
  ["Drenthe", 52.99, 6.56],
  ["Zuidoost-Drenthe", 52.78, 6.9],
  ["Walcheren", 51.5, 3.61],
  ["Zeeuws-Vlaanderen", 51.33, 3.83],
  ["De Bevelanden", 51.5, 3.89],
  ["West-Brabant", 51.59, 4.78],
  ["Markiezaten", 51.5, 4.29],
  ["Hart van Brabant", 51.56, 5.09],
  ["Meierij", 51.69, 5.3],
  ["Maas en Leijgraaf", 51.77, 5.52],
  ["Kempen", 51.42, 5.4],
  ["De Peel", 51.48, 5.66],
  ["Noord-Limburg", 51.37, 6.17],
  ["Midden-Limburg", 51.19, 5.99],
  ["Parkstad", 50.89, 5.98],
  ["Westelijke Mijnstreek", 51.0, 5.87],
  ["Heuvelland", 50.85, 5.69],
];

/** The former chambers of commerce and the first two digits of the KvK numbers they gave out. */
const CHAMBERS: readonly (readonly [string, number, number])[] = [
  ["01", 53.2, 5.8],
  ["02", 53.22, 6.57],
  ["04", 52.7, 6.19],
  ["05", 52.51, 6.09],
  ["06", 52.22, 6.89],
  ["08", 52.21, 5.97],
  ["09", 51.98, 5.91],
  ["10", 51.84, 5.86],
  ["11", 51.89, 5.43],
  ["12", 51.37, 6.17],
  ["13", 51.19, 5.99],
  ["14", 50.85, 5.69],
  ["16", 51.69, 5.3],
  ["17", 51.44, 5.48],
  ["18", 51.56, 5.09],
  ["20", 51.59, 4.78],
  ["22", 51.5, 3.61],
  ["23", 51.81, 4.67],
  ["24", 51.92, 4.48],
  ["27", 52.07, 4.3],
  ["28", 52.16, 4.49],
  ["29", 52.01, 4.71],
  ["30", 52.09, 5.12],
  ["31", 52.16, 5.39],
  ["32", 52.22, 5.17],
  ["34", 52.37, 4.89],
  ["37", 52.63, 4.75],
  ["39", 52.52, 5.47],
];

function nearest<T extends readonly [string, number, number]>(list: readonly T[], town: Town): string {
  let best = list[0]!;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const item of list) {
    const km = distanceKm({ lat: item[1], lon: item[2] }, town);
    if (km < bestKm) {
      best = item;
      bestKm = km;
    }
  }
  return best[0];
}

// ---------------------------------------------------------------------------------------------
// Words

const SURNAMES = [
  "Van Dijk",
  "De Vries",
  "Jansen",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "De Boer",
  "Mulder",
  "De Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Van Leeuwen",
  "Dekker",
  "Brouwer",
  "De Wit",
  "Dijkstra",
  "Smits",
  "De Graaf",
  "Van der Meer",
  "Van der Linden",
  "Kok",
  "Jacobs",
  "De Haan",
  "Vermeulen",
  "Van den Berg",
  "Van der Heijden",
  "Schouten",
  "Van Beek",
  "Willems",
  "Van Vliet",
  "Van de Ven",
  "Hoekstra",
  "Maas",
  "Verhoeven",
  "Koster",
  "Van Dam",
  "Van der Wal",
  "Prins",
  "Blom",
  "Huisman",
  "Peeters",
  "De Jong",
  "Kuipers",
  "Van Wijk",
  "Post",
  "Kuiper",
  "Veenstra",
  "Kramer",
  "Van den Brink",
  "Scholten",
  "Verbeek",
  "Van der Laan",
  "Hermans",
  "Van Rijn",
  "Vink",
  "Wolters",
  "Koning",
  "Martens",
  "Van Loon",
  "Schipper",
  "Zwart",
  "Van Dongen",
  "Groen",
  "Timmermans",
  "Verschuren",
  "Van Os",
  "Bosman",
  "Goossens",
  "Lammers",
  "Postma",
  "Evers",
  "Van Es",
  "Hoogendoorn",
  "Van Zanten",
  "Van der Poel",
  "Heijnen",
  "Van Kampen",
  "Roelofs",
  "Van Schaik",
  "Klaassen",
  "Wijnands",
  "Van Gils",
  "Van Rooij",
  "Van der Zwan",
  "Van Veen",
  "Bouwman",
  "Rietveld",
  "Van Duin",
  "Stam",
  "Hofman",
  "Mol",
  "Van Bommel",
  "Spaans",
  "Kortekaas",
  "Zuiderwijk",
  "Van der Knaap",
  "Van Ruijven",
  "Van Marrewijk",
  "Vellekoop",
];

/** Surnames of Dutch people with roots elsewhere; shops, restaurants and many other small firms. */
const WORLD_SURNAMES = [
  "Yılmaz",
  "Öztürk",
  "Kaya",
  "Demir",
  "Şahin",
  "Çelik",
  "Aydın",
  "El Amrani",
  "Bouzid",
  "El Idrissi",
  "Benali",
  "Ramdin",
  "Sewnath",
  "Nguyen",
  "Tran",
  "Kowalski",
  "Nowak",
  "Müller",
  "Da Silva",
  "Rossi",
];

const FIRST_NAMES = [
  "Linda",
  "Sandra",
  "Mohamed",
  "Anouk",
  "Fatma",
  "Pieter",
  "Jeroen",
  "Ilse",
  "Karin",
  "Mehmet",
  "Noor",
  "Sanne",
  "Femke",
  "Joost",
  "Ruud",
  "Bas",
  "Daan",
  "Lotte",
  "Esra",
  "Yusuf",
  "Chantal",
  "Marieke",
  "Priya",
  "Rachid",
  "Nadia",
  "Thijs",
];

/** House names: bakeries, restaurants, care homes. */
const HOUSE_NAMES = [
  "De Korenschoof",
  "De Korenaar",
  "De Gouden Aar",
  "De Molen",
  "De Zwaan",
  "De Hoop",
  "De Eendracht",
  "De Vriendschap",
  "Het Anker",
  "De Vuurtoren",
  "De Ster",
  "De Linde",
  "De Eik",
  "Het Baken",
  "De Zonnehof",
  "De Horst",
  "Het Kompas",
  "De Regenboog",
  "De Bron",
  "De Wilgen",
  "De Hoge Weide",
  "Het Gouden Hart",
  "De Schakel",
  "Meerzicht",
  "Zonnehoek",
  "Rozenhof",
  "Lindenhof",
  "Oosterhof",
  "Westerhout",
  "De Waag",
  "De Smidse",
  "De Gouden Leeuw",
  "De Ouwe Haven",
  "Het Wapen van Holland",
  "De Hooiberg",
  "De Klaproos",
  "De Buitenplaats",
  "Het Veerhuis",
  "De Kade",
  "Het Pakhuis",
  "De Boterbloem",
  "Het Dorpshuis",
  "De Stadstuin",
  "Het Groene Hart",
  "De Pauw",
  "De Roode Schuur",
];

const KIDS_NAMES = [
  "Het Kabouterhuis",
  "De Speeltuin",
  "De Vlindertuin",
  "Het Zonnetje",
  "De Boomhut",
  "Kindervreugd",
  "Het Ukkenhuis",
  "De Rakkers",
  "Dikkertje Dap",
  "De Kikkerpoel",
  "Het Speelkasteel",
  "De Uilenhoek",
  "Pippeloentje",
  "De Kleine Wereld",
];

const GROWER_NAMES = [
  "Zonnekas",
  "Groenlicht",
  "Tuinzicht",
  "De Glazen Tuin",
  "Lichtkas",
  "Kasrijk",
  "Vruchtbaar",
  "Duinzicht",
  "Het Tuinderspad",
  "Rode Parel",
  "Groeikracht",
  "De Kassenhof",
];

const ITALIAN = [
  "Da Marco",
  "Da Luigi",
  "La Piazza",
  "Bella Napoli",
  "Il Gusto",
  "La Dolce Vita",
  "Roma",
  "Sorrento",
  "Il Forno",
  "La Stella",
];
const GRILL = [
  "Anatolia",
  "Istanbul",
  "Efes",
  "Bosporus",
  "Sultan",
  "Kapadokya",
  "Ankara",
  "Marrakech",
  "Atlas",
];
const ASIAN = ["Sakura", "Wasabi", "Golden Lotus", "Bamboo", "Saigon", "Jade", "Hoi An", "Tokio", "Lotus"];
const TECH_A = [
  "Code",
  "Data",
  "Bit",
  "Byte",
  "Pixel",
  "Web",
  "Net",
  "Cloud",
  "Logic",
  "Sync",
  "Stack",
  "Query",
  "App",
];
const TECH_B = [
  "veld",
  "haven",
  "werk",
  "kracht",
  "punt",
  "fabriek",
  "lab",
  "smid",
  "bouwers",
  "studio",
  "wijs",
  "vorm",
];
const STAFFING_WORDS = [
  "Flexkracht",
  "Vakwerk",
  "Topkracht",
  "Werkvast",
  "ProPersoneel",
  "Inzet",
  "Dichtbij",
  "Aan de Slag",
  "Kansrijk",
  "Vakkracht",
  "Handig",
  "Doorpakkers",
];
const SHINE_WORDS = ["Blinkend", "Stralend", "Helder", "Glans", "Fris", "Puur", "Spick & Span", "Zuiver"];
const GUARD_WORDS = ["Schildwacht", "Waakzaam", "Paraat", "Sentinel", "Vigilant", "Kijkuit"];
const FIT_WORDS = ["Fit", "Kracht", "Energie", "Balans", "Move", "Vitaal", "Sterk"];

const CENTRE_STREETS = [
  "Dorpsstraat",
  "Kerkstraat",
  "Hoofdstraat",
  "Molenstraat",
  "Marktplein",
  "Markt",
  "Nieuwstraat",
  "Stationsweg",
  "Stationsplein",
  "Julianastraat",
  "Wilhelminastraat",
  "Beatrixstraat",
  "Emmastraat",
  "Oranjestraat",
  "Prins Bernhardlaan",
  "Prinses Irenestraat",
  "Schoolstraat",
  "Kapelstraat",
  "Raadhuisstraat",
  "Voorstraat",
  "Achterstraat",
  "Havenstraat",
  "Brugstraat",
  "Noordeinde",
  "Zuideinde",
  "Westeinde",
  "Oosteinde",
  "Langestraat",
  "Korte Kerkstraat",
  "Kerkplein",
  "Koningin Julianaweg",
  "Rijksstraatweg",
  "Steenweg",
  "Herenstraat",
  "Grote Markt",
  "Winkelcentrum De Passage",
  "Nieuwe Markt",
  "Torenstraat",
];

const RESIDENTIAL_STREETS = [
  "Lindenlaan",
  "Eikenlaan",
  "Beukenlaan",
  "Kastanjelaan",
  "Berkenlaan",
  "Esdoornstraat",
  "Wilgenhof",
  "Populierenlaan",
  "Meidoornstraat",
  "Vlierstraat",
  "Rembrandtstraat",
  "Vermeerstraat",
  "Van Goghlaan",
  "Vondellaan",
  "Thorbeckestraat",
  "Johan de Wittstraat",
  "Van Speijkstraat",
  "De Ruyterstraat",
  "Tromplaan",
  "Pieter de Hooghweg",
  "Frans Halsstraat",
  "Jan Steenstraat",
  "Willem de Zwijgerlaan",
  "Mozartlaan",
  "Bachstraat",
  "Chopinlaan",
  "Händellaan",
  "Schubertstraat",
  "Tulpstraat",
  "Narcissenlaan",
  "Rozenstraat",
  "Seringenlaan",
  "Merelstraat",
  "Lijsterlaan",
  "Zwaluwstraat",
  "Parkweg",
  "Zonnebloemstraat",
  "Burgemeester Van Walsumweg",
  "Laan van Zuid",
  "Noordsingel",
];

const BUSINESS_STREETS = [
  "Industrieweg",
  "Nijverheidsweg",
  "Ambachtsweg",
  "Handelsweg",
  "Edisonweg",
  "Marconistraat",
  "Einsteinstraat",
  "Newtonstraat",
  "Galileïstraat",
  "Fokkerstraat",
  "Transportweg",
  "Energieweg",
  "Celsiusweg",
  "Kelvinstraat",
  "Voltaweg",
  "Ampèrestraat",
  "Morsestraat",
  "Bedrijvenweg",
  "Koperstraat",
  "Tinstraat",
  "Zinkweg",
  "IJzerweg",
  "Staalweg",
  "Smidsweg",
  "Innovatieweg",
  "Techniekweg",
  "Expeditieweg",
  "Vrachtweg",
  "Havenweg",
  "Kanaalweg",
  "Zuidweg",
  "Noordweg",
  "Oostweg",
  "Westlandseweg",
  "Veilingweg",
  "Tuinbouwweg",
  "Kwekerijweg",
  "Glasblazerij",
  "Produktieweg",
];

// ---------------------------------------------------------------------------------------------
// Sectors

type LegalForm = "bv" | "vof" | "eenmanszaak" | "stichting" | "cooperatie";
type StreetKind = "centre" | "residential" | "business";

const SBI: Readonly<Record<string, string>> = {
  "0128": "Teelt van specerijgewassen, aromatische, medicinale en farmaceutische gewassen",
  "01131": "Teelt van groenten onder glas",
  "01191": "Teelt van snijbloemen en snijheesters onder glas",
  "01192": "Teelt van potplanten onder glas",
  "0130": "Teelt van plantmateriaal",
  "10712": "Ambachtelijke brood- en banketbakkerijen",
  "1812": "Drukkerijen (niet van dagbladen)",
  "2511": "Vervaardiging van metalen constructiewerken en delen daarvan",
  "2562": "Algemene metaalbewerking",
  "2899": "Vervaardiging van overige machines voor specifieke doeleinden",
  "3109": "Vervaardiging van meubels",
  "3312": "Reparatie en onderhoud van machines",
  "4120": "Algemene burgerlijke en utiliteitsbouw",
  "4321": "Elektrotechnische bouwinstallatie",
  "4322":
    "Loodgieters- en fitterswerk; installatie van sanitair en van verwarmings- en luchtbehandelingsapparatuur",
  "4332": "Bouwtimmeren",
  "4334": "Schilderen en glaszetten",
  "4339": "Overige afwerking van gebouwen",
  "4511": "Handel in en reparatie van personenauto's en lichte bedrijfsauto's",
  "4520": "Gespecialiseerde reparatie van auto's",
  "4622": "Groothandel in bloemen en planten",
  "4631": "Groothandel in aardappelen, groenten en fruit",
  "4711": "Supermarkten en dergelijke winkels met een algemeen assortiment voedings- en genotmiddelen",
  "4722": "Winkels in vlees en vleeswaren, wild en gevogelte",
  "4724": "Winkels in brood, banket, chocolade en suikerwerk",
  "4729": "Gespecialiseerde winkels in overige voedings- en genotmiddelen",
  "4752": "Winkels in doe-het-zelfartikelen",
  "47641": "Winkels in fietsen en bromfietsen",
  "4771": "Winkels in kleding",
  "4791": "Detailhandel via internet",
  "4932": "Taxivervoer",
  "4941": "Goederenvervoer over de weg (geen verhuizingen)",
  "4942": "Verhuizingen",
  "5210": "Opslag",
  "5229": "Expediteurs, cargadoors, bevrachters en andere logistieke dienstverlening",
  "5510": "Hotels",
  "5610": "Restaurants",
  "56102": "Fastfoodrestaurants, cafetaria's, ijssalons, eetkramen e.d.",
  "5621": "Eventcatering",
  "5630": "Cafés",
  "6201": "Ontwikkelen, produceren en uitgeven van software",
  "6202": "Advisering op het gebied van informatietechnologie",
  "6203": "Beheer van computerfaciliteiten",
  "6420": "Financiële holdings",
  "6831": "Bemiddeling bij handel, huur en verhuur van onroerend goed",
  "6920": "Accountancy, financiële administratie en belastingadvisering",
  "7022": "Advisering op het gebied van management en bedrijfsvoering",
  "7111": "Architecten",
  "7112": "Ingenieurs en overig technisch ontwerp en advies",
  "7810": "Arbeidsbemiddeling",
  "7820": "Uitzendbureaus",
  "7830": "Payrolling",
  "8010": "Particuliere beveiliging",
  "8121": "Algemene reiniging van gebouwen",
  "8122": "Gespecialiseerde reiniging van gebouwen en industriële reiniging",
  "8130": "Landschapsverzorging",
  "8553": "Autorijscholen",
  "8559": "Overig onderwijs",
  "8621": "Huisartsenpraktijken",
  "8623": "Tandartspraktijken",
  "86911": "Praktijken van fysiotherapeuten",
  "8710": "Verpleeghuizen",
  "8730": "Huizen en dagverblijven voor ouderen en lichamelijk gehandicapten",
  "8810": "Maatschappelijke dienstverlening zonder overnachting gericht op ouderen en gehandicapten",
  "88101": "Thuiszorg",
  "8891": "Kinderopvang",
  "9313": "Fitnesscentra",
  "96021": "Kappers",
};

/** A name pattern and its SBI codes (main activity first; the rest are added with some chance). */
type NamePattern = readonly [pattern: string, sbi?: readonly string[]];

interface Sector {
  id: string;
  weight: number;
  names: readonly NamePattern[];
  sbi: readonly string[];
  legal: readonly (readonly [LegalForm, number])[];
  street: StreetKind;
  /** Chance that the company has branches. */
  branches: number;
  /** Extra trade names ({core} is the name without legal form). */
  extra?: readonly string[];
  /** Multiplies the weight in big cities (weight >= 100) and in greenhouse places. */
  city?: number;
  greenhouse?: number;
  /** Chance of a surname from WORLD_SURNAMES. */
  world?: number;
}

const SMALL: readonly (readonly [LegalForm, number])[] = [
  ["eenmanszaak", 45],
  ["vof", 25],
  ["bv", 30],
];
const MOSTLY_BV: readonly (readonly [LegalForm, number])[] = [
  ["bv", 70],
  ["vof", 12],
  ["eenmanszaak", 18],
];
const CARE: readonly (readonly [LegalForm, number])[] = [
  ["stichting", 75],
  ["bv", 25],
];

const SECTORS: readonly Sector[] = [
  {
    id: "bakery",
    weight: 4,
    names: [
      ["Bakkerij {N}"],
      ["Bakkerij {S}"],
      ["Warme Bakker {S}"],
      ["{S} Brood & Banket"],
      ["Banketbakkerij {S}"],
      ["Ambachtelijke Bakkerij {S}"],
    ],
    sbi: ["10712", "4724"],
    legal: SMALL,
    street: "centre",
    branches: 0.15,
    extra: ["{S} Brood & Banket", "Lunchroom {N}", "{core} Taarten"],
  },
  {
    id: "supermarket",
    weight: 4,
    names: [
      ["Supermarkt {S}"],
      ["{S} Versmarkt"],
      ["Buurtsuper {S}"],
      ["{S} Supermarkten"],
      ["{S} Dagvers"],
      ["Versmarkt {P}"],
      ["Toko {F}", ["4729", "4711"]],
    ],
    sbi: ["4711", "4729"],
    legal: MOSTLY_BV,
    street: "centre",
    branches: 0.3,
    world: 0.35,
  },
  {
    id: "butcher",
    weight: 1.5,
    names: [["Slagerij {S}"], ["Ambachtelijke Slagerij {S}"], ["Slagerij {N}"], ["Halal Slagerij {S}"]],
    sbi: ["4722"],
    legal: SMALL,
    street: "centre",
    branches: 0.05,
    world: 0.25,
  },
  {
    id: "restaurant",
    weight: 9,
    names: [
      ["Restaurant {N}"],
      ["Eetcafé {N}", ["5610", "5630"]],
      ["Brasserie {N}"],
      ["Grand Café {N}", ["5610", "5630"]],
      ["Pizzeria {I}"],
      ["Grillroom {G}", ["56102"]],
      ["Sushi {A}"],
      ["Restaurant {A}"],
      ["Lunchroom {N}"],
      ["Cafetaria {N}", ["56102"]],
      ["Snackbar {N}", ["56102"]],
      ["Cafetaria {S}", ["56102"]],
      ["Roti Shop {F}", ["56102"]],
      ["Wokrestaurant {A}"],
      ["Pannenkoekenhuis {N}"],
    ],
    sbi: ["5610"],
    legal: SMALL,
    street: "centre",
    branches: 0.04,
    world: 0.3,
    extra: ["{core} Catering", "{core} Afhaal & Bezorging"],
  },
  {
    id: "cafe",
    weight: 3,
    names: [["Café {N}"], ["Eetcafé {S}"], ["Proeflokaal {N}"], ["Café-Zaal {N}"], ["Bruin Café {N}"]],
    sbi: ["5630", "5610"],
    legal: SMALL,
    street: "centre",
    branches: 0,
  },
  {
    id: "hotel",
    weight: 1.5,
    names: [
      ["Hotel {N}"],
      ["Hotel {P}"],
      ["Hotel-Restaurant {N}", ["5510", "5610"]],
      ["Bed & Breakfast {N}"],
    ],
    sbi: ["5510"],
    legal: MOSTLY_BV,
    street: "centre",
    branches: 0.05,
  },
  {
    id: "catering",
    weight: 1,
    names: [["Cateringbedrijf {S}"], ["{N} Catering"], ["Partycentrum {N}"], ["{S} Eten & Events"]],
    sbi: ["5621", "5610"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0,
  },
  {
    id: "transport",
    weight: 8,
    names: [
      ["Transportbedrijf {S}"],
      ["{S} Transport"],
      ["Transportbedrijf {S} & Zn."],
      ["{S} Logistiek", ["4941", "5229"]],
      ["Transportonderneming {S}"],
      ["{S} Koel- en Vriestransport"],
      ["{R} Transport"],
      ["Koeriersdienst {S}"],
      ["{S} Internationaal Transport"],
      ["Gebroeders {S} Transport"],
    ],
    sbi: ["4941", "5229"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.1,
    extra: ["{S} Logistics", "{core} Warehousing"],
  },
  {
    id: "removals",
    weight: 1,
    names: [["Verhuisbedrijf {S}"], ["{S} Verhuizingen"], ["Verhuisservice {P}"]],
    sbi: ["4942", "5210"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.05,
  },
  {
    id: "warehouse",
    weight: 2.5,
    names: [
      ["{R} Distributie"],
      ["Distributiecentrum {P}"],
      ["Opslag {S}"],
      ["{S} Warehousing"],
      ["Fulfilment {R}"],
    ],
    sbi: ["5210", "5229"],
    legal: [["bv", 1]],
    street: "business",
    branches: 0.15,
  },
  {
    id: "taxi",
    weight: 2,
    names: [["Taxi {P}"], ["Taxicentrale {S}"], ["Taxibedrijf {S}"], ["{R} Taxi & Zorgvervoer"]],
    sbi: ["4932"],
    legal: SMALL,
    street: "residential",
    branches: 0.03,
    world: 0.3,
  },
  {
    id: "care",
    weight: 7,
    names: [
      ["Zorggroep {N}", ["8710", "88101"]],
      ["Woonzorgcentrum {N}", ["8730", "8710"]],
      ["Verpleeghuis {N}", ["8710"]],
      ["Thuiszorg {R}", ["88101"]],
      ["Thuiszorg {N}", ["88101"]],
      ["Zorgcentrum {N}", ["8710", "8730"]],
      ["{N} Zorg", ["88101", "8810"]],
      ["Zorgboerderij {N}", ["8810"]],
      ["Wijkverpleging {P}", ["88101"]],
      ["Dagbesteding {N}", ["8810"]],
    ],
    sbi: ["8710"],
    legal: CARE,
    street: "residential",
    branches: 0.35,
    extra: ["{core} Thuiszorg", "{core} Dagbesteding"],
  },
  {
    id: "health",
    weight: 3,
    names: [
      ["Huisartsenpraktijk {S}", ["8621"]],
      ["Gezondheidscentrum {P}", ["8621", "86911"]],
      ["Tandartspraktijk {S}", ["8623"]],
      ["Tandartsenpraktijk {N}", ["8623"]],
      ["Fysiotherapie {P}", ["86911"]],
      ["Fysiotherapie {S}", ["86911"]],
    ],
    sbi: ["8621"],
    legal: [
      ["bv", 55],
      ["vof", 20],
      ["eenmanszaak", 25],
    ],
    street: "residential",
    branches: 0.08,
  },
  {
    id: "childcare",
    weight: 3.5,
    names: [
      ["Kinderopvang {K}"],
      ["Kinderdagverblijf {K}"],
      ["Peuteropvang {K}"],
      ["BSO {K}"],
      ["Gastouderbureau {P}"],
      ["Kinderopvang {P}"],
    ],
    sbi: ["8891"],
    legal: [
      ["bv", 55],
      ["stichting", 45],
    ],
    street: "residential",
    branches: 0.3,
  },
  {
    id: "electro",
    weight: 5,
    names: [
      ["{S} Installatietechniek", ["4321", "4322"]],
      ["Elektrotechniek {S}"],
      ["Installatiebedrijf {S}", ["4321", "4322"]],
      ["{S} Elektro"],
      ["Elektrotechnisch Bureau {S}"],
      ["{S} Zonnepanelen"],
      ["Technisch Bureau {S}", ["4321", "7112"]],
    ],
    sbi: ["4321"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.05,
    extra: ["{S} Duurzame Energie", "{S} Zonnepanelen", "{S} Laadpalen"],
  },
  {
    id: "plumbing",
    weight: 4,
    names: [
      ["Loodgietersbedrijf {S}"],
      ["{S} Installaties"],
      ["Installatiebedrijf {S} & Zn."],
      ["{S} Verwarming en Sanitair"],
      ["Loodgieter {P}"],
      ["{S} Klimaattechniek"],
    ],
    sbi: ["4322", "4321"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.04,
    extra: ["{S} Badkamers", "{S} Warmtepompen"],
  },
  {
    id: "construction",
    weight: 6,
    names: [
      ["Bouwbedrijf {S}"],
      ["Aannemersbedrijf {S}"],
      ["Aannemersbedrijf {S} & Zn."],
      ["{S} Bouw"],
      ["Bouwonderneming {S}"],
      ["{S} Bouwgroep"],
      ["{R} Bouw"],
      ["Klusbedrijf {S}", ["4339"]],
    ],
    sbi: ["4120", "4339"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.04,
    extra: ["{S} Renovatie", "{S} Onderhoud", "{core} Vastgoedonderhoud"],
  },
  {
    id: "carpentry",
    weight: 2,
    names: [
      ["Timmerbedrijf {S}"],
      ["Timmerfabriek {S}"],
      ["{S} Kozijnen"],
      ["Timmer- en Onderhoudsbedrijf {S}"],
    ],
    sbi: ["4332"],
    legal: SMALL,
    street: "business",
    branches: 0,
  },
  {
    id: "painter",
    weight: 3,
    names: [
      ["Schildersbedrijf {S}"],
      ["Schilders- en Onderhoudsbedrijf {S}"],
      ["{S} Schilderwerken"],
      ["Glas- en Schildersbedrijf {S}"],
    ],
    sbi: ["4334"],
    legal: SMALL,
    street: "business",
    branches: 0,
  },
  {
    id: "garage",
    weight: 4,
    names: [
      ["Autobedrijf {S}", ["4520", "4511"]],
      ["Garage {S}"],
      ["Autoservice {P}"],
      ["{S} Auto's", ["4511", "4520"]],
      ["Garagebedrijf {S}"],
      ["APK Centrum {P}"],
      ["Bandenservice {S}"],
    ],
    sbi: ["4520"],
    legal: SMALL,
    street: "business",
    branches: 0.06,
  },
  {
    id: "software",
    weight: 4,
    names: [["{T}"], ["{T} Software"], ["{T} Solutions"], ["{S} ICT", ["6202", "6201"]], ["{T} Digital"]],
    sbi: ["6201", "6202"],
    legal: [
      ["bv", 80],
      ["eenmanszaak", 20],
    ],
    street: "business",
    branches: 0.03,
    city: 2.5,
  },
  {
    id: "itconsult",
    weight: 2.5,
    names: [
      ["{S} IT Consultancy"],
      ["{T} Advies"],
      ["ICT Beheer {R}", ["6203", "6202"]],
      ["Systeembeheer {S}", ["6203"]],
    ],
    sbi: ["6202", "6203"],
    legal: [
      ["bv", 60],
      ["eenmanszaak", 40],
    ],
    street: "residential",
    branches: 0,
    city: 2,
  },
  {
    id: "accountancy",
    weight: 3.5,
    names: [
      ["{S} & {S2} Accountants"],
      ["Administratiekantoor {S}"],
      ["{S} Accountants en Belastingadviseurs"],
      ["Boekhoudkantoor {P}"],
      ["{S} Fiscaal Advies"],
    ],
    sbi: ["6920"],
    legal: [
      ["bv", 60],
      ["vof", 15],
      ["eenmanszaak", 25],
    ],
    street: "residential",
    branches: 0.06,
  },
  {
    id: "consultancy",
    weight: 2,
    names: [
      ["{S} Advies"],
      ["{S} Consultancy"],
      ["Adviesbureau {S}"],
      ["{S} Organisatieadvies"],
      ["{R} Management & Advies"],
    ],
    sbi: ["7022"],
    legal: [
      ["bv", 50],
      ["eenmanszaak", 50],
    ],
    street: "residential",
    branches: 0,
    city: 1.8,
  },
  {
    id: "engineering",
    weight: 2,
    names: [
      ["Ingenieursbureau {S}"],
      ["{S} Engineering"],
      ["Constructiebureau {S}"],
      ["Tekenbureau {S}"],
      ["Architectenbureau {S}", ["7111"]],
      ["{S} Architecten", ["7111"]],
      ["{S} & {S2} Architecten", ["7111"]],
    ],
    sbi: ["7112"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.03,
  },
  {
    id: "staffing",
    weight: 3.5,
    names: [
      ["Uitzendbureau {X}"],
      ["{X} Personeelsdiensten"],
      ["{X} Uitzendgroep"],
      ["{R} Uitzendbureau"],
      ["{S} Detachering", ["7810", "7820"]],
      ["{X} Flex"],
      ["Werving & Selectie {S}", ["7810"]],
      ["{X} Payroll", ["7830"]],
    ],
    sbi: ["7820", "7810"],
    legal: [["bv", 1]],
    street: "centre",
    branches: 0.3,
    extra: ["{core} Detachering", "{X} Werving & Selectie"],
  },
  {
    id: "cleaning",
    weight: 3.5,
    names: [
      ["Schoonmaakbedrijf {S}"],
      ["{S} Schoonmaakdiensten"],
      ["{R} Facilitair"],
      ["Glazenwasserij {S}", ["8122"]],
      ["{W} Schoonmaak"],
      ["{W} Schoonmaakdiensten"],
    ],
    sbi: ["8121", "8122"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.1,
    world: 0.2,
  },
  {
    id: "gardening",
    weight: 3,
    names: [
      ["Hoveniersbedrijf {S}"],
      ["Groenvoorziening {S}"],
      ["{S} Tuinen"],
      ["Tuinonderhoud {P}"],
      ["{S} Groen"],
    ],
    sbi: ["8130"],
    legal: SMALL,
    street: "business",
    branches: 0,
  },
  {
    id: "horticulture",
    weight: 1.5,
    names: [
      ["Kwekerij {H}"],
      ["Tuinderij {S}"],
      ["{S} Tomaten", ["01131"]],
      ["{S} Paprika", ["01131"]],
      ["{S} Komkommers", ["01131"]],
      ["{S} Potplanten", ["01192"]],
      ["Potplantenkwekerij {H}", ["01192"]],
      ["{S} Orchideeën", ["01191"]],
      ["Rozenkwekerij {S}", ["01191"]],
      ["{S} Kruiden", ["0128", "01131"]],
      ["Kwekerij {S}"],
      ["Gebroeders {S} Glastuinbouw"],
    ],
    sbi: ["01131", "0130"],
    legal: [
      ["bv", 60],
      ["vof", 35],
      ["eenmanszaak", 5],
    ],
    street: "business",
    branches: 0.1,
    greenhouse: 40,
    city: 0.1,
    extra: ["{S} Tuinbouw", "{core} Export"],
  },
  {
    id: "growers-coop",
    weight: 0.08,
    names: [["{R} Glastuinders"], ["Telersvereniging {R}"], ["Tuinbouwcoöperatie {R}"]],
    sbi: ["4631", "01131"],
    legal: [["cooperatie", 1]],
    street: "business",
    branches: 0,
    greenhouse: 40,
    city: 0,
  },
  {
    id: "flowers",
    weight: 0.8,
    names: [
      ["{S} Bloemenexport"],
      ["{S} Flowers"],
      ["Flora {H}"],
      ["{S} Plantenhandel"],
      ["Bloemengroothandel {S}"],
    ],
    sbi: ["4622"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.05,
    greenhouse: 15,
  },
  {
    id: "produce",
    weight: 1,
    names: [["{S} Groente en Fruit"], ["{S} AGF"], ["Groothandel {S}"], ["{S} Versgroep"]],
    sbi: ["4631"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.05,
    greenhouse: 6,
  },
  {
    id: "metal",
    weight: 3,
    names: [
      ["Metaalbewerking {S}"],
      ["{S} Staalbouw", ["2511", "2562"]],
      ["Constructiebedrijf {S}", ["2511"]],
      ["{S} Metaaltechniek"],
      ["Lasbedrijf {S}"],
      ["{S} CNC Techniek"],
      ["Plaatwerkerij {S}"],
    ],
    sbi: ["2562", "2511"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.03,
    city: 0.6,
  },
  {
    id: "machinery",
    weight: 1.5,
    names: [
      ["{S} Machinebouw", ["2899", "3312"]],
      ["Machinefabriek {S}", ["2899"]],
      ["{S} Onderhoudstechniek"],
    ],
    sbi: ["3312"],
    legal: [["bv", 1]],
    street: "business",
    branches: 0.05,
    city: 0.6,
  },
  {
    id: "clothing",
    weight: 2,
    names: [["Modehuis {S}"], ["Boutique {F}"], ["{S} Mode"], ["Herenmode {S}"], ["Kledingzaak {N}"]],
    sbi: ["4771"],
    legal: SMALL,
    street: "centre",
    branches: 0.12,
  },
  {
    id: "diy",
    weight: 1,
    names: [["Bouwmarkt {S}"], ["{S} Doe-het-zelf"], ["IJzerhandel {S}"]],
    sbi: ["4752"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0.1,
  },
  {
    id: "bikes",
    weight: 1.5,
    names: [["Fietsenmaker {S}"], ["Tweewielers {S}"], ["{S} Fietsen"], ["Rijwielhandel {S}"]],
    sbi: ["47641"],
    legal: SMALL,
    street: "centre",
    branches: 0.04,
  },
  {
    id: "hairdresser",
    weight: 3,
    names: [
      ["Kapsalon {F}"],
      ["Kapsalon {N}"],
      ["Hair by {F}"],
      ["Kapper {S}"],
      ["Haarstudio {F}"],
      ["Barbershop {G}"],
    ],
    sbi: ["96021"],
    legal: [
      ["eenmanszaak", 75],
      ["vof", 15],
      ["bv", 10],
    ],
    street: "centre",
    branches: 0.03,
    world: 0.35,
  },
  {
    id: "fitness",
    weight: 1.5,
    names: [
      ["Sportschool {S}"],
      ["Fitness {P}"],
      ["{Y} Fitness"],
      ["Sportcentrum {N}"],
      ["Personal Training {F}"],
    ],
    sbi: ["9313"],
    legal: SMALL,
    street: "business",
    branches: 0.15,
  },
  {
    id: "drivingschool",
    weight: 1.5,
    names: [["Autorijschool {S}"], ["Rijschool {F}"], ["Verkeersschool {P}"]],
    sbi: ["8553"],
    legal: [
      ["eenmanszaak", 80],
      ["bv", 20],
    ],
    street: "residential",
    branches: 0,
    world: 0.3,
  },
  {
    id: "education",
    weight: 1,
    names: [
      ["Taleninstituut {P}"],
      ["Bijlesinstituut {N}"],
      ["Opleidingscentrum {R}"],
      ["Huiswerkbegeleiding {N}"],
    ],
    sbi: ["8559"],
    legal: [
      ["bv", 50],
      ["eenmanszaak", 30],
      ["stichting", 20],
    ],
    street: "centre",
    branches: 0.05,
  },
  {
    id: "security",
    weight: 1.5,
    names: [["{V} Beveiliging"], ["{R} Security"], ["Beveiligingsbedrijf {S}"]],
    sbi: ["8010"],
    legal: [["bv", 1]],
    street: "business",
    branches: 0.05,
  },
  {
    id: "realestate",
    weight: 2,
    names: [["{S} Makelaardij"], ["Makelaarskantoor {S}"], ["{S} Vastgoed"], ["{P} Makelaars"]],
    sbi: ["6831"],
    legal: MOSTLY_BV,
    street: "centre",
    branches: 0.08,
  },
  {
    id: "printing",
    weight: 1,
    names: [["Drukkerij {S}"], ["{S} Print & Media"], ["Drukkerij {N}"]],
    sbi: ["1812"],
    legal: MOSTLY_BV,
    street: "business",
    branches: 0,
  },
  {
    id: "furniture",
    weight: 1,
    names: [["Meubelmakerij {S}"], ["{S} Interieurbouw"], ["Interieurbouw {R}"]],
    sbi: ["3109"],
    legal: SMALL,
    street: "business",
    branches: 0,
  },
  {
    id: "webshop",
    weight: 1.5,
    names: [["{T}shop"], ["{S} Online"], ["{N} Webwinkel"]],
    sbi: ["4791"],
    legal: [
      ["eenmanszaak", 50],
      ["bv", 50],
    ],
    street: "residential",
    branches: 0,
  },
];

// ---------------------------------------------------------------------------------------------
// Companies

interface Draft {
  core: string;
  surname: string;
  sector: Sector;
  sbi: readonly string[];
}

function fill(rng: Rng, pattern: string, town: Town, surname: string, core = ""): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case "S":
        return surname;
      case "S2": {
        let other = rng.pick(SURNAMES);
        while (other === surname) other = rng.pick(SURNAMES);
        return other;
      }
      case "N":
        return rng.pick(HOUSE_NAMES);
      case "K":
        return rng.pick(KIDS_NAMES);
      case "H":
        return rng.pick(GROWER_NAMES);
      case "P":
        return town.name;
      case "R":
        return nearest(REGIONS, town);
      case "F":
        return rng.pick(FIRST_NAMES);
      case "I":
        return rng.pick(ITALIAN);
      case "G":
        return rng.pick(GRILL);
      case "A":
        return rng.pick(ASIAN);
      case "T":
        return rng.pick(TECH_A) + rng.pick(TECH_B);
      case "X":
        return rng.pick(STAFFING_WORDS);
      case "W":
        return rng.pick(SHINE_WORDS);
      case "V":
        return rng.pick(GUARD_WORDS);
      case "Y":
        return rng.pick(FIT_WORDS);
      case "core":
        return core;
      default:
        throw new Error(`unknown placeholder {${key}} in "${pattern}"`);
    }
  });
}

function draft(rng: Rng, sector: Sector, town: Town): Draft {
  const surname = rng.chance(sector.world ?? 0.06) ? rng.pick(WORLD_SURNAMES) : rng.pick(SURNAMES);
  const [pattern, sbi] = rng.pick(sector.names);
  return { core: fill(rng, pattern, town, surname), surname, sector, sbi: sbi ?? sector.sbi };
}

function legalName(core: string, form: LegalForm, rng: Rng): string {
  switch (form) {
    case "bv":
      return `${core} B.V.`;
    case "vof":
      return rng.chance(0.6) ? `${core} V.O.F.` : core;
    case "stichting":
      return rng.chance(0.5) ? `Stichting ${core}` : core;
    case "cooperatie":
      return core.startsWith("Tuinbouwcoöperatie") ? `${core} U.A.` : `Coöperatie ${core} U.A.`;
    case "eenmanszaak":
      return core;
  }
}

function houseNumber(rng: Rng, street: StreetKind, town: Town): string {
  const max = (street === "business" ? 60 : street === "centre" ? 120 : 180) * (town.large ? 1 : 0.6);
  const n = 1 + Math.floor(max * rng.float() ** 2);
  if (rng.chance(0.08)) return `${n}${rng.pick(["A", "A", "B", "C", "a"])}`;
  if (rng.chance(0.04)) return `${n}-${rng.int(1, 3)}`;
  return String(n);
}

function streetName(rng: Rng, kind: StreetKind, town: Town): string {
  if (kind === "business") {
    // Greenhouse roads where there are greenhouses; the veiling is only there too.
    const pool = BUSINESS_STREETS.filter(
      (s) =>
        GREENHOUSE.has(town.name) ||
        !["Veilingweg", "Tuinbouwweg", "Kwekerijweg", "Westlandseweg"].includes(s),
    );
    return rng.pick(pool);
  }
  return rng.pick(
    kind === "centre" ? (rng.chance(0.8) ? CENTRE_STREETS : RESIDENTIAL_STREETS) : RESIDENTIAL_STREETS,
  );
}

function slug(s: string): string {
  return foldSearchText(s.replace(/&/g, " en ").replace(/ı/g, "i")).replace(/[^a-z0-9]/g, "");
}

function sbiList(rng: Rng, codes: readonly string[]): RegistryCompany["sbi"] {
  const chosen = [codes[0]!, ...codes.slice(1).filter(() => rng.chance(0.4))];
  return chosen.map((code) => {
    const description = SBI[code];
    if (!description) throw new Error(`no description for SBI ${code}`);
    return { code, description };
  });
}

function demoData(): { kvkNumbers: Set<string>; names: Set<string> } {
  const source = readFileSync(DEMO, "utf8");
  const kvkNumbers = new Set([...source.matchAll(/kvk:\s*"(\d{8})"/g)].map((m) => m[1]!));
  const names = new Set([...source.matchAll(/name:\s*"([^"]+)"/g)].map((m) => foldSearchText(m[1]!)));
  if (kvkNumbers.size === 0) throw new Error("found no KvK numbers in src/server/seed/demo.ts");
  return { kvkNumbers, names };
}

const FIXED: readonly RegistryCompany[] = [
  {
    kvkNumber: "27412345",
    name: "Bakkerij Van Vliet B.V.",
    tradeNames: ["Bakkerij Van Vliet", "Van Vliet Brood & Banket"],
    street: "Voldersgracht",
    houseNumber: "17",
    postcode: "2611 EV",
    city: "Delft",
    kind: "hoofdvestiging",
    establishmentNumber: "000027412345",
    sbi: [
      { code: "10712", description: SBI["10712"]! },
      { code: "4724", description: SBI["4724"]! },
    ],
    website: "www.bakkerijvanvliet.nl",
  },
  {
    kvkNumber: "27412345",
    name: "Bakkerij Van Vliet B.V.",
    tradeNames: ["Bakkerij Van Vliet", "Van Vliet Brood & Banket"],
    street: "Herenstraat",
    houseNumber: "44",
    postcode: "2282 BW",
    city: "Rijswijk",
    kind: "nevenvestiging",
    establishmentNumber: "000027412353",
    sbi: [
      { code: "10712", description: SBI["10712"]! },
      { code: "4724", description: SBI["4724"]! },
    ],
    website: "www.bakkerijvanvliet.nl",
  },
  {
    kvkNumber: "27456789",
    name: "Kwekerij Zonnegloed B.V.",
    tradeNames: ["Zonnegloed Tomaten", "Kwekerij Zonnegloed"],
    street: "Zuidweg",
    houseNumber: "41",
    postcode: "2671 MN",
    city: "Naaldwijk",
    kind: "hoofdvestiging",
    establishmentNumber: "000027456789",
    sbi: [{ code: "01131", description: SBI["01131"]! }],
    website: "www.zonnegloed.nl",
  },
];

function main(): void {
  const rng = new Rng(createRng(SEED));
  const towns = buildTowns();
  const demo = demoData();
  for (const f of FIXED)
    if (demo.kvkNumbers.has(f.kvkNumber))
      throw new Error(`fixed KvK ${f.kvkNumber} is a demo organisation's`);

  const kvkNumbers = new Set<string>([...demo.kvkNumbers, ...FIXED.map((f) => f.kvkNumber)]);
  const establishmentNumbers = new Set<string>(FIXED.map((f) => f.establishmentNumber!));
  const namesInTown = new Set<string>(FIXED.map((f) => `${foldSearchText(f.name)}|${f.city}`));

  const newKvk = (town: Town): string => {
    for (;;) {
      const old = rng.chance(0.45);
      const n = old
        ? `${nearest(CHAMBERS, town)}${String(rng.int(0, 999_999)).padStart(6, "0")}`
        : String(rng.int(50_000_000, 99_999_999));
      if (!kvkNumbers.has(n)) {
        kvkNumbers.add(n);
        return n;
      }
    }
  };
  const newEstablishment = (): string => {
    for (;;) {
      const n = `0000${rng.int(10_000_000, 59_999_999)}`;
      if (!establishmentNumbers.has(n)) {
        establishmentNumbers.add(n);
        return n;
      }
    }
  };
  const address = (town: Town, kind: StreetKind) => ({
    street: streetName(rng, kind, town),
    houseNumber: houseNumber(rng, kind, town),
    postcode: postcode(rng, town),
    city: town.name,
  });

  const townTable = new Table(
    towns.map((t) => {
      const haaglanden = ["Zuid-Holland"].includes(t.province) && t.lat < 52.15 && t.lon < 4.6;
      return [t, t.weight * (haaglanden ? 1.6 : 1)] as const;
    }),
  );
  const sectorTables = new Map<string, Table<Sector>>();
  const sectorTable = (town: Town): Table<Sector> => {
    const key = GREENHOUSE.has(town.name) ? "greenhouse" : town.weight >= 100 ? "city" : "other";
    let table = sectorTables.get(key);
    if (!table) {
      table = new Table(
        SECTORS.map((s) => {
          const factor = key === "greenhouse" ? (s.greenhouse ?? 1) : key === "city" ? (s.city ?? 1) : 1;
          return [s, s.weight * factor] as const;
        }),
      );
      sectorTables.set(key, table);
    }
    return table;
  };
  const nearbyTowns = (town: Town): Table<Town> =>
    new Table(
      towns
        .filter((t) => t.province === town.province && distanceKm(t, town) <= 30)
        .map((t) => [t, t.weight * (t === town ? (town.weight >= 100 ? 8 : 0.5) : 1)] as const),
    );

  const rows: RegistryCompany[] = [...FIXED];
  let companies = new Set(FIXED.map((f) => f.kvkNumber)).size;
  let holdings = 0;
  while (companies < TARGET_COMPANIES) {
    const town = townTable.pick(rng);
    const sector = sectorTable(town).pick(rng);
    let d = draft(rng, sector, town);
    const form = rng.weighted(sector.legal);
    let name = legalName(d.core, form, rng);
    for (
      let tries = 0;
      tries < 10 &&
      (namesInTown.has(`${foldSearchText(name)}|${town.name}`) || demo.names.has(foldSearchText(name)));
      tries++
    ) {
      d = draft(rng, sector, town);
      name = legalName(d.core, form, rng);
    }
    const key = `${foldSearchText(name)}|${town.name}`;
    if (namesInTown.has(key) || demo.names.has(foldSearchText(name))) continue;
    namesInTown.add(key);

    const tradeNames: string[] = [];
    const addTradeName = (t: string) => {
      if (t !== name && !tradeNames.includes(t)) tradeNames.push(t);
    };
    if (name !== d.core && rng.chance(form === "stichting" ? 0.8 : 0.45)) addTradeName(d.core);
    if (sector.extra && rng.chance(0.14)) {
      addTradeName(fill(rng, rng.pick(sector.extra), town, d.surname, d.core));
      if (rng.chance(0.3)) addTradeName(fill(rng, rng.pick(sector.extra), town, d.surname, d.core));
    }
    const websiteChance = { bv: 0.6, stichting: 0.75, cooperatie: 0.9, vof: 0.4, eenmanszaak: 0.25 }[form];
    const website = rng.chance(websiteChance) ? `www.${slug(d.core)}.nl` : null;
    const kvkNumber = newKvk(town);
    const sbi = sbiList(rng, d.sbi);
    const head: RegistryCompany = {
      kvkNumber,
      name,
      tradeNames,
      ...address(town, sector.street),
      kind: "hoofdvestiging",
      establishmentNumber: newEstablishment(),
      sbi,
      website,
    };
    rows.push(head);
    companies++;

    if (rng.chance(sector.branches)) {
      const nearby = nearbyTowns(town);
      const count = rng.weighted([
        [1, 60],
        [2, 25],
        [3, 10],
        [4, 5],
      ] as const);
      for (let b = 0; b < count; b++) {
        const branchTown = nearby.pick(rng);
        rows.push({
          ...head,
          ...address(branchTown, sector.street),
          kind: "nevenvestiging",
          establishmentNumber: newEstablishment(),
        });
      }
    }

    // Some owners hold their B.V. through a personal holding: a legal entity without an establishment.
    if (form === "bv" && rng.chance(0.04) && companies < TARGET_COMPANIES) {
      const holdingName = `${d.surname} Holding B.V.`;
      const holdingKey = `${foldSearchText(holdingName)}|${town.name}`;
      if (!namesInTown.has(holdingKey)) {
        namesInTown.add(holdingKey);
        rows.push({
          kvkNumber: newKvk(town),
          name: holdingName,
          tradeNames: [],
          street: head.street,
          houseNumber: head.houseNumber,
          postcode: head.postcode,
          city: head.city,
          kind: "rechtspersoon",
          establishmentNumber: null,
          sbi: [{ code: "6420", description: SBI["6420"]! }],
          website: null,
        });
        companies++;
        holdings++;
      }
    }
  }

  const kindRank = { hoofdvestiging: 0, rechtspersoon: 1, nevenvestiging: 2 } as const;
  rows.sort(
    (a, b) =>
      (a.kvkNumber < b.kvkNumber ? -1 : a.kvkNumber > b.kvkNumber ? 1 : 0) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      ((a.establishmentNumber ?? "") < (b.establishmentNumber ?? "") ? -1 : 1),
  );
  const checked = z.array(RegistryCompanySchema).parse(rows);
  const json = `[\n${checked.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  writeFileSync(OUT, json);

  const branches = checked.filter((r) => r.kind === "nevenvestiging").length;
  const multiTrade = checked.filter((r) => r.kind !== "nevenvestiging" && r.tradeNames.length >= 2).length;
  const places = new Set(checked.map((r) => r.city)).size;
  console.log(
    `company-register.json: ${checked.length} rows, ${companies} companies (${holdings} holdings), ` +
      `${branches} branches, ${multiTrade} with several trade names, ${places} places, ` +
      `${(Buffer.byteLength(json) / 1024).toFixed(0)} KB`,
  );
}

main();
