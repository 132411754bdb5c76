import { queryOptions } from "@tanstack/react-query";
import type { Locale } from "../../../contracts/common";
import { CurrentPortalResponseSchema, type Portal } from "../../../contracts/tenancy";
import { api } from "../../api";

export const currentPortalQuery = queryOptions({
  queryKey: ["portal", "current"],
  queryFn: ({ signal }) => api("/api/v1/portal", CurrentPortalResponseSchema, { signal }),
  // The host never changes within a page load; the branding should not flicker on refetch.
  staleTime: Number.POSITIVE_INFINITY,
});

export function portalName(portal: Portal, locale: Locale): string {
  return portal.name[locale] || portal.name.nl;
}

/** National portal first, then regions alphabetically: the order a visitor scans them in. */
export function sortPortals(portals: readonly Portal[], locale: Locale): Portal[] {
  return [...portals].sort((a, b) => {
    if (a.isNational !== b.isNational) return a.isNational ? -1 : 1;
    return portalName(a, locale).localeCompare(portalName(b, locale), locale);
  });
}
