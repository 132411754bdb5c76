import { z } from "zod";
import type { PlacementListQuery } from "../../../contracts/placements";

export const PLACEMENT_STATUS_FILTERS = ["active", "upcoming", "ended", "all"] as const;
export type PlacementStatusFilter = (typeof PLACEMENT_STATUS_FILTERS)[number];
export const DEFAULT_STATUS: PlacementStatusFilter = "active";
export const PLACEMENT_PAGE_SIZE = 25;

/**
 * The address bar holds the list's filters and page, so a view can be linked and survives a
 * reload. Anything malformed falls back to its default.
 */
export const PlacementSearchSchema = z.object({
  status: z.enum(PLACEMENT_STATUS_FILTERS).optional().catch(undefined),
  employerId: z.string().uuid().optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PlacementSearch = z.infer<typeof PlacementSearchSchema>;

/** Drops empty and default values, so the address only says what differs. */
export function cleanPlacementSearch(search: PlacementSearch): PlacementSearch {
  const out: PlacementSearch = {};
  if (search.status && search.status !== DEFAULT_STATUS) out.status = search.status;
  if (search.employerId) out.employerId = search.employerId;
  if (search.q?.trim()) out.q = search.q.trim();
  if (search.page && search.page > 1) out.page = search.page;
  return out;
}

/** A change of filter or search starts again at page 1. */
export function withPlacementFilter(
  search: PlacementSearch,
  patch: Partial<PlacementSearch>,
): PlacementSearch {
  return cleanPlacementSearch({ ...search, ...patch, page: undefined });
}

/** What the API is asked for. */
export function toPlacementQuery(
  search: PlacementSearch,
): Record<keyof PlacementListQuery, string | number | undefined> {
  const clean = cleanPlacementSearch(search);
  return {
    status: clean.status ?? DEFAULT_STATUS,
    employerId: clean.employerId,
    q: clean.q,
    page: clean.page,
    pageSize: PLACEMENT_PAGE_SIZE,
  };
}
