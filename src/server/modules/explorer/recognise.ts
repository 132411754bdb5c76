import type { ChipKind, FilterCategory, Suggestion } from "../../../contracts/explorer";
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
