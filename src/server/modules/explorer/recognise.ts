import type { ChipKind, FilterCategory, RecogniseResponse, Suggestion } from "../../../contracts/explorer";
import type { Locale } from "../../platform/i18n";
import {
  foldSearchText,
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getOccupation,
  getOccupationGroups,
  getOccupations,
  getPhysicalCapacities,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  getWorkTypes,
} from "../taxonomy";

/**
 * Recognition of search terms (HalloWerk "Automatische suggesties") and the option lists of the
 * filter categories, both from the reference data in data/reference.
 */

type Labels = Record<Locale, string>;

export interface Option {
  id: string;
  label: Labels;
  /** Other words people type for it (folded). */
  aliases?: string[];
}

const HOURS: Option[] = [
  { id: "0-16", label: { nl: "Tot 16 uur", en: "Up to 16 hours" } },
  { id: "16-24", label: { nl: "16 tot 24 uur", en: "16 to 24 hours" } },
  { id: "24-32", label: { nl: "24 tot 32 uur", en: "24 to 32 hours" } },
  { id: "32-40", label: { nl: "32 uur of meer", en: "32 hours or more" } },
  {
    id: "fulltime",
    label: { nl: "Voltijd (min. 32 uur)", en: "Full time (at least 32 hours)" },
    aliases: ["voltijd", "fulltime", "full time", "fulltimer"],
  },
  {
    id: "parttime",
    label: { nl: "Deeltijd (max. 32 uur)", en: "Part time (at most 32 hours)" },
    aliases: ["deeltijd", "parttime", "part time", "parttimer"],
  },
];

const CONTACT: Option[] = [
  { id: "direct", label: { nl: "Rechtstreeks met de kandidaat", en: "Directly with the candidate" } },
  { id: "account_manager", label: { nl: "Via de accountmanager", en: "Through the account manager" } },
];

export const UPDATED: (Option & { days: number })[] = [
  { id: "week", days: 7, label: { nl: "Afgelopen week", en: "Past week" } },
  { id: "month", days: 30, label: { nl: "Afgelopen maand", en: "Past month" } },
  { id: "quarter", days: 91, label: { nl: "Afgelopen 3 maanden", en: "Past 3 months" } },
  { id: "halfYear", days: 182, label: { nl: "Afgelopen half jaar", en: "Past 6 months" } },
  { id: "year", days: 365, label: { nl: "Afgelopen jaar", en: "Past year" } },
];

export const CATEGORY_LABELS: Record<FilterCategory, Labels> = {
  level: { nl: "Niveau", en: "Level" },
  education: { nl: "Opleiding", en: "Education" },
  licence: { nl: "Rijbewijs", en: "Driving licence" },
  transport: { nl: "Vervoer", en: "Transport" },
  certificate: { nl: "Certificaat", en: "Certificate" },
  targetGroup: { nl: "Doelgroep", en: "Target group" },
  capacity: { nl: "Belastbaarheid", en: "Physical capacity" },
  language: { nl: "Taal", en: "Language" },
  hours: { nl: "Beschikbaarheid", en: "Availability" },
  days: { nl: "Werkdagen", en: "Working days" },
  dayparts: { nl: "Dagdelen", en: "Times of day" },
  workType: { nl: "Werksoort", en: "Kind of work" },
  contact: { nl: "Contact", en: "Contact" },
  updated: { nl: "Laatste wijziging", en: "Last change" },
};

/** The term prefix of each category in candidate_search (migration 0016). */
export const TERM_PREFIX: Record<Exclude<FilterCategory, "updated">, string> = {
  level: "wl:",
  education: "edu:",
  licence: "lic:",
  transport: "tr:",
  certificate: "cert:",
  targetGroup: "tg:",
  capacity: "cap:",
  language: "lang:",
  hours: "hrs:",
  days: "day:",
  dayparts: "part:",
  workType: "wt:",
  contact: "contact:",
};

let optionCache: Record<FilterCategory, Option[]> | undefined;

/** Every option of every category, in the order the filters show them. */
export function categoryOptions(): Record<FilterCategory, Option[]> {
  if (!optionCache) {
    const plain = (list: readonly { id: string; label: Labels }[]): Option[] =>
      list.map((o) => ({ id: o.id, label: o.label }));
    optionCache = {
      level: plain(getWorkLevels()),
      education: plain(getEducationLevels()),
      licence: getDrivingLicences().map((l) => ({
        id: l.id,
        label: l.label,
        aliases: [foldSearchText(`rijbewijs ${l.id}`), foldSearchText(`${l.id} rijbewijs`)],
      })),
      transport: plain(getTransportModes()),
      certificate: plain(getCertificates()),
      targetGroup: plain(getTargetGroups()),
      capacity: plain(getPhysicalCapacities()),
      language: plain(getLanguages()),
      hours: HOURS,
      days: plain(getDays()),
      dayparts: plain(getDayparts()),
      workType: plain(getWorkTypes()),
      contact: CONTACT,
      updated: UPDATED,
    };
  }
  return optionCache;
}

const CHIP_SOURCES: {
  kind: Exclude<ChipKind, "occupation" | "occupationGroup">;
  category: FilterCategory;
}[] = [
  { kind: "education", category: "education" },
  { kind: "level", category: "level" },
  { kind: "language", category: "language" },
  { kind: "licence", category: "licence" },
  { kind: "capacity", category: "capacity" },
  { kind: "targetGroup", category: "targetGroup" },
  { kind: "certificate", category: "certificate" },
  { kind: "hours", category: "hours" },
  { kind: "workType", category: "workType" },
];

/** The label of a chip, or undefined when the id is not one of its kind. */
export function chipLabel(kind: ChipKind, id: string, locale: Locale): string | undefined {
  if (kind === "occupation") return getOccupation(id)?.label[locale];
  if (kind === "occupationGroup") return getOccupationGroups().find((g) => g.id === id)?.label[locale];
  const source = CHIP_SOURCES.find((s) => s.kind === kind);
  return source ? categoryOptions()[source.category].find((o) => o.id === id)?.label[locale] : undefined;
}

interface Entry {
  kind: ChipKind;
  id: string;
  label: Labels;
  /** Folded texts to match: label(s) first, then synonyms and aliases. */
  texts: string[];
  /** Number of leading texts that are labels. */
  labels: number;
}

let entryCache: Entry[] | undefined;

function entries(): Entry[] {
  if (!entryCache) {
    const list: Entry[] = [];
    for (const o of getOccupations()) {
      list.push({
        kind: "occupation",
        id: o.id,
        label: o.label,
        texts: [o.label.nl, o.label.en, ...o.synonyms.nl, ...o.synonyms.en].map(foldSearchText),
        labels: 2,
      });
    }
    for (const g of getOccupationGroups()) {
      list.push({
        kind: "occupationGroup",
        id: g.id,
        label: g.label,
        texts: [g.label.nl, g.label.en].map(foldSearchText),
        labels: 2,
      });
    }
    const options = categoryOptions();
    for (const { kind, category } of CHIP_SOURCES) {
      for (const o of options[category]) {
        const labels = [o.label.nl, o.label.en].map(foldSearchText);
        list.push({ kind, id: o.id, label: o.label, texts: [...labels, ...(o.aliases ?? [])], labels: 2 });
      }
    }
    entryCache = list;
  }
  return entryCache;
}

/**
 * How well a folded span matches an entry's text; lower is better, undefined no match. Every word
 * of the span must occur in the text ("chauffeur vrachtwagen" is "vrachtwagenchauffeur"); short
 * words (licence codes such as "ce") only as whole words, so "c" does not suggest everything.
 */
function score(text: string, span: string, words: string[]): number | undefined {
  if (text === span) return 0;
  const textWords = text.split(" ");
  let startsWith = text.startsWith(span);
  for (const word of words) {
    if (word.length <= 2) {
      if (!textWords.includes(word)) return undefined;
    } else if (!text.includes(word)) return undefined;
  }
  if (words.length === 1 && words[0]!.length <= 2) startsWith = textWords[0] === words[0];
  return startsWith ? 1 : textWords.some((w) => w.startsWith(words[0]!)) ? 2 : 3;
}

const KIND_ORDER: ChipKind[] = [
  "occupation",
  "licence",
  "language",
  "certificate",
  "education",
  "level",
  "hours",
  "capacity",
  "targetGroup",
  "workType",
  "occupationGroup",
];

/**
 * Suggestions for a typed text: every run of up to four consecutive words is matched against
 * occupations (Dutch and English labels and synonyms), occupation groups and the filter lists.
 * Longer runs first, then better matches, labels before synonyms, shorter labels first.
 */
export function suggest(q: string, locale: Locale, limit = 10): Suggestion[] {
  const folded = foldSearchText(q);
  if (!folded) return [];
  const words = folded.split(" ").slice(0, 12);
  const originals = q.trim().split(/\s+/);
  const found: { s: Suggestion; rank: number[] }[] = [];
  const seen = new Set<string>();
  for (let length = Math.min(4, words.length); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const spanWords = words.slice(start, start + length);
      if (spanWords.join("").length < 2) continue;
      const span = spanWords.join(" ");
      for (const entry of entries()) {
        let best: number | undefined;
        for (let i = 0; i < entry.texts.length; i++) {
          const s = score(entry.texts[i]!, span, spanWords);
          if (s === undefined) continue;
          const ranked = s * 2 + (i < entry.labels ? 0 : 1);
          if (best === undefined || ranked < best) best = ranked;
        }
        if (best === undefined) continue;
        const key = `${entry.kind}:${entry.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const matched =
          originals.length === words.length ? originals.slice(start, start + length).join(" ") : span;
        found.push({
          s: { kind: entry.kind, id: entry.id, label: entry.label[locale], matched },
          rank: [-length, best, KIND_ORDER.indexOf(entry.kind), entry.label[locale].length],
        });
      }
    }
  }
  found.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) {
      const d = a.rank[i]! - b.rank[i]!;
      if (d !== 0) return d;
    }
    return a.s.label < b.s.label ? -1 : a.s.label > b.s.label ? 1 : 0;
  });
  return found.slice(0, limit).map((f) => f.s);
}

/** How an entry ranks for a text, as `suggest` orders them: lower is better, element by element. */
type Rank = [synonym: number, kind: number, labelLength: number];

function compareRank(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

interface Vocabulary {
  /** Each folded label, alias or synonym, with the entry `suggest` puts first for it. */
  exact: Map<string, Entry>;
  /** The same for names that may stand alone: labels and the filter lists' aliases, no synonyms. */
  named: Map<string, Entry>;
  /** Each word of any text, with the one entry it occurs in, or null when it occurs in several. */
  words: Map<string, Entry | null>;
}

let vocabularyCache: Vocabulary | undefined;

function vocabulary(): Vocabulary {
  if (!vocabularyCache) {
    const exact = new Map<string, { entry: Entry; rank: Rank }>();
    const named = new Map<string, { entry: Entry; rank: Rank }>();
    const words = new Map<string, Entry | null>();
    const keep = (map: Map<string, { entry: Entry; rank: Rank }>, text: string, entry: Entry, rank: Rank) => {
      const known = map.get(text);
      if (!known || compareRank(rank, known.rank) < 0) map.set(text, { entry, rank });
    };
    for (const entry of entries()) {
      const occupational = entry.kind === "occupation" || entry.kind === "occupationGroup";
      entry.texts.forEach((text, i) => {
        // Labels before synonyms, then the kinds' order, then the shorter (Dutch) label.
        const rank: Rank = [i < entry.labels ? 0 : 1, KIND_ORDER.indexOf(entry.kind), entry.label.nl.length];
        keep(exact, text, entry, rank);
        // ESCO's synonyms include plain words ("medewerker" for one odd occupation): not alone.
        if (!occupational || i < entry.labels) keep(named, text, entry, rank);
        for (const word of text.split(" ")) {
          const seen = words.get(word);
          if (seen === undefined) words.set(word, entry);
          else if (seen !== null && seen !== entry) words.set(word, null);
        }
      });
    }
    const entryOf = (map: Map<string, { entry: Entry }>) =>
      new Map([...map].map(([text, { entry }]) => [text, entry]));
    vocabularyCache = { exact: entryOf(exact), named: entryOf(named), words };
  }
  return vocabularyCache;
}

/**
 * The one entry a span of two or more words stands for although no text is exactly that span
 * ("chauffeur vrachtwagen" is "vrachtwagenchauffeur"): the best match by `suggest`'s measure,
 * and only when no other entry matches as well. `containing` gives the entries with a text that
 * contains a word, so only those are scored.
 */
function onlyMatch(spanWords: string[], containing: (word: string) => Entry[]): Entry | undefined {
  const span = spanWords.join(" ");
  const longest = spanWords.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length <= 2) return undefined;
  let best: { entry: Entry; score: number } | undefined;
  let runnerUp: number | undefined;
  for (const entry of containing(longest)) {
    let ranked: number | undefined;
    for (let i = 0; i < entry.texts.length; i++) {
      const s = score(entry.texts[i]!, span, spanWords);
      if (s === undefined) continue;
      const r = s * 2 + (i < entry.labels ? 0 : 1);
      if (ranked === undefined || r < ranked) ranked = r;
    }
    if (ranked === undefined) continue;
    if (!best || ranked < best.score) {
      if (best) runnerUp = best.score;
      best = { entry, score: ranked };
    } else if (runnerUp === undefined || ranked < runnerUp) runnerUp = ranked;
  }
  return best && (runnerUp === undefined || best.score < runnerUp) ? best.entry : undefined;
}

/**
 * The entry a single word stands for alone: a label or alias ("lasser", "Duits", "fulltime"); a
 * synonym that no other entry uses a word of ("truckchauffeur"); or the first word of a filter
 * option's name that no other entry uses ("BHV"). Words of one or two letters never.
 */
function aloneMatch(word: string, known: Vocabulary): Entry | undefined {
  if (word.length <= 2) return undefined;
  const named = known.named.get(word);
  if (named) return named;
  const only = known.words.get(word);
  if (!only) return undefined;
  if (only.texts.includes(word)) return only;
  const option = only.kind !== "occupation" && only.kind !== "occupationGroup";
  return option && only.texts.some((text) => text.startsWith(`${word} `)) ? only : undefined;
}

/** Most words of a sentence looked at; longer text stays free text (and is refused by search). */
const MAX_SENTENCE_WORDS = 40;

/**
 * A whole typed sentence split into chips and the words left over ("lasser Duits rijbewijs C
 * fulltime": occupation, language, licence, hours; nothing left). Longest runs of up to four
 * words first; at each length exact names (labels, aliases, synonyms) before near ones
 * ("chauffeur vrachtwagen" is "vrachtwagenchauffeur", when only one entry matches that well).
 * A single word becomes a chip only on its own merits (`aloneMatch`): a generic word
 * ("medewerker", "chauffeur") stays text, and so does a word of one or two letters ("C"), which
 * is a chip only inside a phrase ("rijbewijs C"). A run is always whole typed words. Chips come
 * in the order typed, each once; the words left over keep their order and spelling and become
 * the free text.
 */
export function recogniseSentence(q: string, locale: Locale): RecogniseResponse {
  const tokens = q.trim().split(/\s+/).filter(Boolean);
  // Folded words, each with the typed token it came from ("café-medewerker" gives two).
  const words: { text: string; token: number }[] = [];
  tokens.forEach((token, t) => {
    for (const text of foldSearchText(token).split(" ").filter(Boolean)) words.push({ text, token: t });
  });
  if (words.length > MAX_SENTENCE_WORDS) return { chips: [], text: tokens.join(" ") };
  const taken = new Array<boolean>(words.length).fill(false);
  const found: { start: number; length: number; entry: Entry }[] = [];

  /** A run not taken yet that begins and ends at the edges of typed words. */
  const free = (start: number, length: number) => {
    const end = start + length - 1;
    if (start > 0 && words[start - 1]!.token === words[start]!.token) return false;
    if (end + 1 < words.length && words[end + 1]!.token === words[end]!.token) return false;
    for (let i = start; i <= end; i++) if (taken[i]) return false;
    return true;
  };

  const known = vocabulary();
  const contained = new Map<string, Entry[]>();
  const containing = (word: string) => {
    let list = contained.get(word);
    if (!list) {
      list = entries().filter((e) => e.texts.some((text) => text.includes(word)));
      contained.set(word, list);
    }
    return list;
  };
  const exactly = (w: string[]) => known.exact.get(w.join(" "));
  const nearly = (w: string[]) => onlyMatch(w, containing);
  const alone = (w: string[]) => aloneMatch(w[0]!, known);
  for (let length = Math.min(4, words.length); length >= 1; length--) {
    for (const find of length === 1 ? [alone] : [exactly, nearly]) {
      for (let start = 0; start + length <= words.length; start++) {
        if (!free(start, length)) continue;
        const entry = find(words.slice(start, start + length).map((w) => w.text));
        if (!entry) continue;
        for (let i = start; i < start + length; i++) taken[i] = true;
        found.push({ start, length, entry });
      }
    }
  }

  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const chips: Suggestion[] = [];
  for (const { start, length, entry } of found) {
    const key = `${entry.kind}:${entry.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // What the chip replaces, as typed.
    const matched = tokens.slice(words[start]!.token, words[start + length - 1]!.token + 1).join(" ");
    chips.push({ kind: entry.kind, id: entry.id, label: entry.label[locale], matched });
  }
  const left = tokens.filter((_, t) => words.some((w, i) => w.token === t && !taken[i]));
  return { chips, text: left.join(" ") };
}
