import { z } from "zod";
import {
  ContactViaSchema,
  CreatedByKindSchema,
  ServiceModelSchema,
  VACANCY_SORTS,
  VacancyKindSchema,
} from "../../../contracts/vacancies";

/**
 * The address bar holds the overview's search, filters, sort and page, so a view can be
 * linked and survives a reload. Anything malformed is dropped; a missing value is the default.
 */
const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);
const page = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined);

/** The overview's views (tabs): the active vacancies, the archive (closed and archived), requests. */
export const STAFF_STATUSES = ["active", "archived", "requested"] as const;
export type StaffView = (typeof STAFF_STATUSES)[number];
export const CLOSING_FILTERS = ["all", "future", "soon", "expired"] as const;
export const APPLICATION_FILTERS = ["all", "new"] as const;
export const TRI_FILTERS = ["all", "yes", "no"] as const;
export type VacancySort = (typeof VACANCY_SORTS)[number];
export type SortOrder = "asc" | "desc";

export const StaffSearchSchema = z.object({
  q: text(200),
  /** "mine", "none" or a user id. */
  accountManager: text(100),
  /** "Mijn vacatures": those the caller owns or co-owns. */
  owner: z.enum(["mine"]).optional().catch(undefined),
  contactVia: ContactViaSchema.optional().catch(undefined),
  status: z.enum(STAFF_STATUSES).optional().catch(undefined),
  closing: z.enum(CLOSING_FILTERS).optional().catch(undefined),
  visible: z.enum(TRI_FILTERS).optional().catch(undefined),
  proposed: z.enum(TRI_FILTERS).optional().catch(undefined),
  applications: z.enum(APPLICATION_FILTERS).optional().catch(undefined),
  createdBy: CreatedByKindSchema.optional().catch(undefined),
  serviceModel: ServiceModelSchema.optional().catch(undefined),
  organisationId: z.string().uuid().optional().catch(undefined),
  sort: z.enum(VACANCY_SORTS).optional().catch(undefined),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
  page,
});
export type StaffSearch = z.infer<typeof StaffSearchSchema>;

/** The values the API uses when a parameter is absent; they are kept out of the address. */
export const STAFF_DEFAULTS = {
  status: "active",
  closing: "all",
  visible: "all",
  proposed: "all",
  applications: "all",
  sort: "created",
  order: "desc",
  page: 1,
} as const satisfies Partial<Record<keyof StaffSearch, string | number>>;

/** The filters of the filter panel (not search, the view, sort or page). */
export const STAFF_FILTER_KEYS = [
  "owner",
  "accountManager",
  "contactVia",
  "closing",
  "visible",
  "proposed",
  "applications",
  "createdBy",
  "serviceModel",
  "organisationId",
] as const satisfies readonly (keyof StaffSearch)[];

function isDefault(key: string, value: unknown): boolean {
  return (STAFF_DEFAULTS as Record<string, unknown>)[key] === value;
}

/** Drops empty and default values, so the address only says what differs. */
export function cleanStaffSearch(search: StaffSearch): StaffSearch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === "" || isDefault(key, value)) continue;
    out[key] = value;
  }
  return out as StaffSearch;
}

/** A change of filter or search starts again at page 1. */
export function withStaffFilter(search: StaffSearch, patch: Partial<StaffSearch>): StaffSearch {
  return cleanStaffSearch({ ...search, ...patch, page: undefined });
}

export function activeStaffFilterCount(search: StaffSearch): number {
  return STAFF_FILTER_KEYS.filter((key) => {
    const value = search[key];
    return value !== undefined && !isDefault(key, value);
  }).length;
}

/** Clearing the filters keeps the search, the view (active or archive) and the order. */
export function clearStaffFilters(search: StaffSearch): StaffSearch {
  return cleanStaffSearch({ q: search.q, status: search.status, sort: search.sort, order: search.order });
}

/** Text columns start A-Z; dates and numbers with the newest or largest first. */
const FIRST_ORDER: Record<VacancySort, SortOrder> = {
  title: "asc",
  company: "asc",
  location: "asc",
  created: "desc",
  closing: "asc",
  visibility: "desc",
  candidates: "desc",
};

/** Clicking a column sorts by it; clicking the sorted column again reverses the order. */
export function toggleSort(search: StaffSearch, sort: VacancySort): StaffSearch {
  const currentSort = search.sort ?? STAFF_DEFAULTS.sort;
  const currentOrder = search.order ?? STAFF_DEFAULTS.order;
  const order: SortOrder =
    currentSort === sort ? (currentOrder === "asc" ? "desc" : "asc") : FIRST_ORDER[sort];
  return cleanStaffSearch({ ...search, sort, order, page: undefined });
}

export const DISTANCES = [5, 10, 25, 50, 100] as const;

export const CandidateSearchSchema = z.object({
  q: text(200),
  functionGroup: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  educationLevel: text(40),
  kind: VacancyKindSchema.optional().catch(undefined),
  hoursMin: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
  hoursMax: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
  distanceKm: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
  page,
});
export type CandidateSearch = z.infer<typeof CandidateSearchSchema>;

export function cleanCandidateSearch(search: CandidateSearch): CandidateSearch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    out[key] = value;
  }
  return out as CandidateSearch;
}
