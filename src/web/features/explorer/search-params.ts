import { z } from "zod";
import {
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

export function activeFilterCount(filters: ExplorerFilters | undefined): number {
  return FILTER_CATEGORIES.reduce((sum, category) => sum + (filters?.[category]?.length ?? 0), 0);
}

/** Ticks or unticks one option; a new filter starts at page 1 with the same profile open. */
export function toggleFilter(
  search: ExplorerUrl,
  category: FilterCategory,
  id: string,
  on: boolean,
): ExplorerUrl {
  const current = search.filters?.[category] ?? [];
  const next = on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id);
  return cleanExplorerUrl({ ...search, filters: { ...search.filters, [category]: next }, page: undefined });
}

export function clearFilters(search: ExplorerUrl): ExplorerUrl {
  return cleanExplorerUrl({ ...search, filters: undefined, page: undefined });
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

export const sameChip = (a: { kind: string; id: string }, b: { kind: string; id: string }) =>
  a.kind === b.kind && a.id === b.id;
