/**
 * The company register without network: the bundled, generated register of fictional Dutch
 * companies in data/reference/company-register.json (scripts/build-company-register.ts). Used when
 * no KVK_API_KEY is configured: development, tests, the demo, and installations that enter their
 * employers by hand.
 *
 * Search is accent- and case-insensitive on the name and the trade names ("cafe" finds "Eetcafé",
 * "bakkerij van vliet bv" finds "Bakkerij Van Vliet B.V."), the place matches the city of the
 * establishment (also by an alias such as 's-Gravenhage, or by its municipality: "Westland" finds
 * Naaldwijk), the KvK number exactly. All given criteria must match; best matches first, at most 20.
 *
 * Nothing at the top level of this file may use what it imports from company-registry.ts (an import
 * cycle: that module imports this one).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { appRootUrl } from "../../platform/app-root";
import { findPlaceByName, foldSearchText } from "../taxonomy";
import {
  type CompanyRegistry,
  type RegistryCompany,
  RegistryCompanySchema,
  RegistryQuerySchema,
} from "./company-registry";

export const DEFAULT_REGISTER_FILE = new URL("data/reference/company-register.json", appRootUrl);

const MAX_RESULTS = 20;

export interface OfflineRegistryOptions {
  /** The register's JSON file; default data/reference/company-register.json. */
  file?: URL | string;
}

interface Entry {
  company: RegistryCompany;
  name: string;
  tradeNames: string[];
  city: string;
  /** Folded name of the municipality the city lies in, when the place data knows it. */
  municipality: string | undefined;
}

/**
 * Folds like the place search (plus the letters Unicode does not decompose: "Yılmaz" → "yilmaz"),
 * then joins runs of single letters: "b v" → "bv", "v o f" → "vof".
 */
export function foldCompanyName(s: string): string {
  const letters = s.replace(/ı/g, "i").replace(/[łŁ]/g, "l").replace(/ß/g, "ss").replace(/[øØ]/g, "o");
  return foldSearchText(letters).replace(/(?<=(?:^| )\p{L}) (?=\p{L}(?: |$))/gu, "");
}

/**
 * How a folded text contains a folded query; lower is better, undefined is no match: 0 exact, 1 at
 * the start, 2 as whole words later on, 3 at the start of a later word, 4 inside a word, 5 every
 * word of the query at the start of some word of the text, in any order ("vliet bakkerij").
 */
function matchTier(text: string, query: string, words: readonly string[]): number | undefined {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  let at = text.indexOf(query);
  if (at >= 0) {
    let best = 4;
    while (at >= 0) {
      const startsWord = at === 0 || text[at - 1] === " ";
      const end = at + query.length;
      const endsWord = end === text.length || text[end] === " ";
      best = Math.min(best, startsWord && endsWord ? 2 : startsWord ? 3 : 4);
      at = text.indexOf(query, at + 1);
    }
    return best;
  }
  if (words.length > 1 && words.every((w) => text.startsWith(w) || text.includes(` ${w}`))) return 5;
  return undefined;
}

const KIND_RANK: Record<RegistryCompany["kind"], number> = {
  hoofdvestiging: 0,
  rechtspersoon: 1,
  nevenvestiging: 2,
};

const cache = new Map<string, readonly Entry[]>();

function loadEntries(file: URL | string): readonly Entry[] {
  const key = String(file);
  const cached = cache.get(key);
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = z.array(RegistryCompanySchema).safeParse(raw);
  if (!parsed.success)
    throw new Error(`${key} is not a valid company register: ${z.prettifyError(parsed.error)}`);
  const municipalities = new Map<string, string | undefined>();
  const municipalityOf = (city: string): string | undefined => {
    if (!municipalities.has(city)) {
      const place = findPlaceByName(city, { country: "NL" });
      municipalities.set(city, place?.municipality ? foldSearchText(place.municipality) : undefined);
    }
    return municipalities.get(city);
  };
  const entries = parsed.data.map(
    (company): Entry => ({
      company,
      name: foldCompanyName(company.name),
      tradeNames: company.tradeNames.map(foldCompanyName),
      city: company.city ? foldSearchText(company.city) : "",
      municipality: company.city ? municipalityOf(company.city) : undefined,
    }),
  );
  cache.set(key, entries);
  return entries;
}

/** The folded names a place query stands for: itself, and the official name and aliases of the place it names. */
function cityKeys(query: string): Set<string> {
  const keys = new Set([foldSearchText(query)]);
  const place = findPlaceByName(query, { country: "NL" });
  if (place) {
    keys.add(foldSearchText(place.name));
    for (const alias of place.aliases) keys.add(foldSearchText(alias));
  }
  keys.delete("");
  return keys;
}

/** 0 the city itself, 1 a place in the municipality of that name, 2 a city whose name starts with the query. */
function cityTier(entry: Entry, keys: ReadonlySet<string>, folded: string): number | undefined {
  if (keys.has(entry.city)) return 0;
  if (entry.municipality !== undefined && keys.has(entry.municipality)) return 1;
  if (folded.length >= 3 && entry.city.startsWith(folded)) return 2;
  return undefined;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createOfflineRegistry(options: OfflineRegistryOptions = {}): CompanyRegistry {
  const file = options.file ?? DEFAULT_REGISTER_FILE;
  const entries = () => loadEntries(file);

  return {
    source: "offline",

    async search(query) {
      const q = RegistryQuerySchema.parse(query);
      const name = q.name === undefined ? undefined : foldCompanyName(q.name);
      const words = name ? name.split(" ") : [];
      const city = q.city === undefined ? undefined : foldSearchText(q.city);
      const keys = q.city === undefined ? undefined : cityKeys(q.city);
      if (name === "" || city === "") return [];

      const hits: { entry: Entry; nameScore: number; cityScore: number }[] = [];
      for (const entry of entries()) {
        if (q.kvkNumber !== undefined && entry.company.kvkNumber !== q.kvkNumber) continue;
        let cityScore = 0;
        if (keys && city !== undefined) {
          const tier = cityTier(entry, keys, city);
          if (tier === undefined) continue;
          cityScore = tier;
        }
        let nameScore = 0;
        if (name !== undefined) {
          let best = Number.POSITIVE_INFINITY;
          const own = matchTier(entry.name, name, words);
          if (own !== undefined) best = own * 2;
          for (const tradeName of entry.tradeNames) {
            const tier = matchTier(tradeName, name, words);
            if (tier !== undefined) best = Math.min(best, tier * 2 + 1);
          }
          if (best === Number.POSITIVE_INFINITY) continue;
          nameScore = best;
        }
        hits.push({ entry, nameScore, cityScore });
      }
      hits.sort(
        (a, b) =>
          a.nameScore - b.nameScore ||
          a.cityScore - b.cityScore ||
          KIND_RANK[a.entry.company.kind] - KIND_RANK[b.entry.company.kind] ||
          a.entry.name.length - b.entry.name.length ||
          compareStrings(a.entry.name, b.entry.name) ||
          compareStrings(a.entry.company.kvkNumber, b.entry.company.kvkNumber) ||
          compareStrings(
            a.entry.company.establishmentNumber ?? "",
            b.entry.company.establishmentNumber ?? "",
          ),
      );
      return hits.slice(0, MAX_RESULTS).map((h) => h.entry.company);
    },

    async profile(kvkNumber) {
      const number = kvkNumber.replace(/[\s.]/g, "");
      if (!/^\d{8}$/.test(number)) return null;
      let best: RegistryCompany | null = null;
      for (const { company } of entries()) {
        if (company.kvkNumber !== number) continue;
        if (!best || KIND_RANK[company.kind] < KIND_RANK[best.kind]) best = company;
      }
      return best;
    },
  };
}
