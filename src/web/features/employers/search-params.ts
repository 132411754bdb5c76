import { z } from "zod";
import { EMPLOYER_SORTS, type EmployerListQueryInput } from "../../../contracts/employers";

export type EmployerSort = (typeof EMPLOYER_SORTS)[number];
export type SortOrder = "asc" | "desc";
export const ARCHIVE_FILTERS = ["active", "archived"] as const;
export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/** HalloWerk's account manager filter: Van alle / Mijn / Specifiek / Zonder. */
export const MANAGER_MODES = ["all", "mine", "specific", "none"] as const;
export type ManagerMode = (typeof MANAGER_MODES)[number];

/**
 * The address bar holds the overview's search, filters, sort and page, so a view can be
 * linked and survives a reload. Anything malformed falls back to its default.
 */
export const EmployerSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  /** "all", "mine", "none" or a user id. */
  accountManager: z.string().trim().min(1).max(100).optional().catch(undefined),
  archive: z.enum(ARCHIVE_FILTERS).optional().catch(undefined),
  sort: z.enum(EMPLOYER_SORTS).optional().catch(undefined),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type EmployerSearch = z.infer<typeof EmployerSearchSchema>;

/** The values the API uses when a parameter is absent; they are kept out of the address. */
export const EMPLOYER_DEFAULTS = {
  accountManager: "all",
  archive: "active",
  sort: "name",
  order: "asc",
  page: 1,
} as const satisfies Partial<Record<keyof EmployerSearch, string | number>>;

function isDefault(key: string, value: unknown): boolean {
  return (EMPLOYER_DEFAULTS as Record<string, unknown>)[key] === value;
}

/** Drops empty and default values, so the address only says what differs. */
export function cleanEmployerSearch(search: EmployerSearch): EmployerSearch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === "" || isDefault(key, value)) continue;
    out[key] = value;
  }
  return out as EmployerSearch;
}

/** A change of filter or search starts again at page 1. */
export function withEmployerFilter(search: EmployerSearch, patch: Partial<EmployerSearch>): EmployerSearch {
  return cleanEmployerSearch({ ...search, ...patch, page: undefined });
}

/** How many of the filter panel's filters differ from their default (the badge on its button). */
export function activeEmployerFilterCount(search: EmployerSearch): number {
  return (["accountManager", "archive"] as const).filter((key) => {
    const value = search[key];
    return value !== undefined && !isDefault(key, value);
  }).length;
}

export function clearEmployerFilters(search: EmployerSearch): EmployerSearch {
  return cleanEmployerSearch({ q: search.q, sort: search.sort, order: search.order });
}

export function managerMode(accountManager: string | undefined): ManagerMode {
  if (accountManager === undefined || accountManager === "all") return "all";
  if (accountManager === "mine" || accountManager === "none") return accountManager;
  return "specific";
}

/** Clicking a column sorts by it A-Z; clicking the sorted column again reverses the order. */
export function toggleEmployerSort(search: EmployerSearch, sort: EmployerSort): EmployerSearch {
  const currentSort = search.sort ?? EMPLOYER_DEFAULTS.sort;
  const currentOrder = search.order ?? EMPLOYER_DEFAULTS.order;
  const order: SortOrder = currentSort === sort && currentOrder === "asc" ? "desc" : "asc";
  return cleanEmployerSearch({ ...search, sort, order, page: undefined });
}

/** What the API is asked for: the address' values, with the API's own defaults left out. */
export function toEmployerQuery(
  search: EmployerSearch,
): Record<keyof EmployerListQueryInput, string | number | undefined> {
  const clean = cleanEmployerSearch(search);
  return {
    q: clean.q,
    accountManager: clean.accountManager,
    archive: clean.archive,
    sort: clean.sort,
    order: clean.order,
    page: clean.page,
  };
}

/** "Paul" and the others behind the "+2" badge. */
export function splitContacts(names: readonly string[]): { first: string | null; others: string[] } {
  const [first, ...others] = names;
  return { first: first ?? null, others };
}
