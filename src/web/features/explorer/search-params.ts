import { z } from "zod";
import {
  CHIP_CATEGORY,
  type ChipKind,
  ChipKindSchema,
  type ExplorerFilters,
  ExplorerFiltersSchema,
  type ExplorerSearchRequest,
  FILTER_CATEGORIES,
  type FilterCategory,
  MAX_CHIPS,
  RADII_KM,
  type Suggestion,
} from "../../../contracts/explorer";

/**
 * The explorer's whole search lives in the address bar (text, chips, place, radius, filters,
 * page and the candidate on the right), so back/forward, reload and a shared link show the
 * same view. Anything malformed is dropped; a missing value is the default.
 */
const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

/** A chip keeps its label, so the search bar can show it again after a reload. */
export const UrlChipSchema = z.object({
  kind: ChipKindSchema,
  id: z.string().trim().min(1).max(80),
  label: z.string().max(200),
});
export type UrlChip = z.infer<typeof UrlChipSchema>;

export const ExplorerUrlSchema = z.object({
  // Longer than the API allows: too long a text is refused by the server with a message.
  q: text(1000),
  chips: z.array(UrlChipSchema).max(MAX_CHIPS).optional().catch(undefined),
  place: text(80),
  placeName: text(200),
  radius: z.coerce
    .number()
    .refine((r) => (RADII_KM as readonly number[]).includes(r))
    .optional()
    .catch(undefined),
  filters: ExplorerFiltersSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  /** The candidate whose profile is open. */
  candidate: z.string().uuid().optional().catch(undefined),
  /** "Zoek kandidaten" on a vacancy: the search starts from that vacancy. */
  vacancy: z.string().uuid().optional().catch(undefined),
});
export type ExplorerUrl = z.infer<typeof ExplorerUrlSchema>;

/** Drops empty values, so the address only says what is set. */
export function cleanExplorerUrl(search: ExplorerUrl): ExplorerUrl {
  const filters = cleanFilters(search.filters ?? {});
  const out: ExplorerUrl = {
    ...(search.q?.trim() ? { q: search.q.trim() } : {}),
    ...(search.chips && search.chips.length > 0 ? { chips: search.chips } : {}),
    ...(search.place
      ? { place: search.place, ...(search.placeName ? { placeName: search.placeName } : {}) }
      : {}),
    ...(search.radius !== undefined ? { radius: search.radius } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(search.page !== undefined && search.page > 1 ? { page: search.page } : {}),
    ...(search.candidate ? { candidate: search.candidate } : {}),
    ...(search.vacancy ? { vacancy: search.vacancy } : {}),
  };
  return out;
}

function cleanFilters(filters: ExplorerFilters): ExplorerFilters {
  const out: ExplorerFilters = {};
  for (const category of FILTER_CATEGORIES) {
    const ids = filters[category];
    if (ids && ids.length > 0) out[category] = ids;
  }
  return out;
}

/** The request for the search API. */
export function toSearchRequest(search: ExplorerUrl): ExplorerSearchRequest {
  return {
    q: search.q ?? "",
    chips: (search.chips ?? []).map(({ kind, id }) => ({ kind, id })),
    ...(search.place ? { placeId: search.place } : {}),
    ...(search.place && search.radius !== undefined ? { radiusKm: search.radius } : {}),
    filters: cleanFilters(search.filters ?? {}),
    page: search.page ?? 1,
  };
}

/** The filter category whose option a chip selects; occupations and groups select none. */
export function chipCategory(kind: ChipKind): FilterCategory | undefined {
  return kind === "occupation" || kind === "occupationGroup" ? undefined : CHIP_CATEGORY[kind];
}

type Selection = Pick<ExplorerUrl, "filters" | "chips">;

/** The options selected in a category: those ticked and those a chip selects. */
export function selectedOptions(search: Selection, category: FilterCategory): string[] {
  const ids = [...(search.filters?.[category] ?? [])];
  for (const chip of search.chips ?? []) {
    if (chipCategory(chip.kind) === category && !ids.includes(chip.id)) ids.push(chip.id);
  }
  return ids;
}

/**
 * What the filter counter says: every ticked option and every chip of a filter kind, a chip and
 * the option it selects once; occupations and groups steer the ranking and are no filter. The
 * server's `activeFilterCount` counts alike.
 */
export function activeFilterCount(search: Selection): number {
  return FILTER_CATEGORIES.reduce((sum, category) => sum + selectedOptions(search, category).length, 0);
}

/**
 * Ticks or unticks one option; a new filter starts at page 1 with the same profile open.
 * Unticking an option a chip selects takes the chip away too.
 */
export function toggleFilter(
  search: ExplorerUrl,
  category: FilterCategory,
  id: string,
  on: boolean,
): ExplorerUrl {
  const current = search.filters?.[category] ?? [];
  const next = on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id);
  const chips = on
    ? search.chips
    : search.chips?.filter((chip) => !(chipCategory(chip.kind) === category && chip.id === id));
  return cleanExplorerUrl({
    ...search,
    chips,
    filters: { ...search.filters, [category]: next },
    page: undefined,
  });
}

/**
 * "Alles wissen": what the counter counts, every ticked option and chip of a filter kind; the
 * occupations, the typed text and the place stay.
 */
export function clearFilters(search: ExplorerUrl): ExplorerUrl {
  const chips = search.chips?.filter((chip) => chipCategory(chip.kind) === undefined);
  return cleanExplorerUrl({ ...search, filters: undefined, chips, page: undefined });
}

/** Case- and accent-insensitive form of a word, to compare typed text with matched words. */
export const fold = (word: string) =>
  word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * The text left after accepting a suggestion: its matched words are taken out (once each,
 * case- and accent-insensitive), the rest stays as free text.
 */
export function withoutMatched(text: string, matched: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of matched.split(/\s+/).filter(Boolean)) {
    const at = words.findIndex((w) => fold(w) === fold(word));
    if (at >= 0) words.splice(at, 1);
  }
  return words.join(" ");
}

export function chipFromSuggestion(suggestion: Suggestion): UrlChip {
  return { kind: suggestion.kind, id: suggestion.id, label: suggestion.label };
}

/**
 * A typed sentence after the server split it: the recognised chips join those already there (each
 * once, at most MAX_CHIPS; words of chips that do not fit go back to the text) and the words left
 * over are the text.
 */
export function withRecognised(
  chips: readonly UrlChip[],
  recognised: readonly Suggestion[],
  text: string,
): { chips: UrlChip[]; q: string } {
  const next = [...chips];
  const back: string[] = [];
  for (const suggestion of recognised) {
    if (next.some((chip) => sameChip(chip, suggestion))) continue;
    if (next.length < MAX_CHIPS) next.push(chipFromSuggestion(suggestion));
    else back.push(suggestion.matched);
  }
  return { chips: next, q: [text, ...back].filter((t) => t.trim()).join(" ") };
}

export const sameChip = (a: { kind: string; id: string }, b: { kind: string; id: string }) =>
  a.kind === b.kind && a.id === b.id;
