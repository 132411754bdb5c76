import { z } from "zod";
import { REFERRAL_SORTS, REFERRAL_STATUSES, type ReferralListQuery } from "../../../contracts/referrals";

export const REFERRAL_PAGE_SIZE = 25;

/** The three parts of the referrals area, each its own page and address. */
export const REFERRAL_SECTIONS = [
  { href: "/verwijzingen", key: "candidates" },
  { href: "/verwijzingen/resultaten", key: "results" },
  { href: "/verwijzingen/instellingen", key: "settings" },
] as const;

export type ReferralSort = (typeof REFERRAL_SORTS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const DEFAULT_SORT: ReferralSort = "updated";

/**
 * The candidates list's filters live in the address bar, so a link or a reload keeps them.
 * Anything malformed falls back to its default.
 */
export const ReferralSearchSchema = z.object({
  archief: z.enum(["ja"]).optional().catch(undefined),
  siteId: z.string().uuid().optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(REFERRAL_SORTS).optional().catch(undefined),
  phase: z.string().trim().min(1).max(40).optional().catch(undefined),
  status: z.enum(REFERRAL_STATUSES).optional().catch(undefined),
  city: z.string().trim().min(1).max(120).optional().catch(undefined),
  vacancyId: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ReferralSearch = z.infer<typeof ReferralSearchSchema>;

/** Drops empty and default values, so the address only says what differs. */
export function cleanReferralSearch(search: ReferralSearch): ReferralSearch {
  const out: ReferralSearch = {};
  if (search.archief) out.archief = search.archief;
  if (search.siteId) out.siteId = search.siteId;
  if (search.q?.trim()) out.q = search.q.trim();
  if (search.sort && search.sort !== DEFAULT_SORT) out.sort = search.sort;
  if (search.phase) out.phase = search.phase;
  if (search.status) out.status = search.status;
  if (search.city) out.city = search.city;
  if (search.vacancyId) out.vacancyId = search.vacancyId;
  if (search.page && search.page > 1) out.page = search.page;
  return out;
}

/** A change of filter, search or section starts again at page 1. */
export function withReferralFilter(search: ReferralSearch, patch: Partial<ReferralSearch>): ReferralSearch {
  return cleanReferralSearch({ ...search, ...patch, page: undefined });
}

/** How many of the "Filter" panel's choices differ from the default (shown on the button). */
export function activeFilterCount(search: ReferralSearch): number {
  const clean = cleanReferralSearch(search);
  return [clean.sort, clean.phase, clean.status, clean.city, clean.vacancyId].filter((v) => v !== undefined)
    .length;
}

/** What the API is asked for. */
export function toReferralQuery(
  search: ReferralSearch,
): Record<keyof ReferralListQuery, string | number | undefined> {
  const clean = cleanReferralSearch(search);
  return {
    archived: clean.archief === "ja" ? "true" : "false",
    siteId: clean.siteId,
    q: clean.q,
    sort: clean.sort ?? DEFAULT_SORT,
    phase: clean.phase,
    status: clean.status,
    city: clean.city,
    vacancyId: clean.vacancyId,
    page: clean.page,
    pageSize: REFERRAL_PAGE_SIZE,
  };
}
