import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  type CreatePlacementRequest,
  PlacementDetailResponseSchema,
  PlacementListResponseSchema,
  PlacementOptionsResponseSchema,
  PlacementResponseSchema,
  type TimesheetExportQuery,
  type UpdatePlacementRequest,
} from "../../../contracts/placements";
import { api } from "../../api";
import { currentLocale } from "../../i18n";
import { type PlacementSearch, toPlacementQuery } from "./search-params";

const placementPath = (id: string) => `/api/v1/placements/${encodeURIComponent(id)}`;
const optionsPath = (matchId: string) => `/api/v1/matches/${encodeURIComponent(matchId)}/placement`;

/** `?a=1&b=2` of the values that are set, or "" when none is. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const placementKeys = {
  all: ["placements"] as const,
  list: (search: PlacementSearch) => ["placements", "list", search] as const,
  detail: (id: string) => ["placements", "detail", id] as const,
  options: (matchId: string) => ["placements", "options", matchId] as const,
};

export function placementListQuery(search: PlacementSearch) {
  return queryOptions({
    queryKey: placementKeys.list(search),
    queryFn: ({ signal }) =>
      api(`/api/v1/placements${queryString(toPlacementQuery(search))}`, PlacementListResponseSchema, {
        signal,
      }),
    // The table stays put while the next page or filter loads.
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function placementQuery(id: string) {
  return queryOptions({
    queryKey: placementKeys.detail(id),
    queryFn: ({ signal }) => api(placementPath(id), PlacementDetailResponseSchema, { signal }),
    retry: false,
  });
}

/** What "Plaatsing vastleggen" needs for one match: may the caller, whom to choose, what exists. */
export function placementOptionsQuery(matchId: string) {
  return queryOptions({
    queryKey: placementKeys.options(matchId),
    queryFn: ({ signal }) => api(optionsPath(matchId), PlacementOptionsResponseSchema, { signal }),
    // Someone who may not place gets 403/404: no button, no retries.
    retry: false,
    staleTime: 30_000,
  });
}

export async function createPlacement(body: CreatePlacementRequest) {
  return (await api("/api/v1/placements", PlacementResponseSchema, { method: "POST", body })).placement;
}

export async function updatePlacement(id: string, body: UpdatePlacementRequest) {
  return (await api(placementPath(id), PlacementResponseSchema, { method: "PATCH", body })).placement;
}

/** The payroll export of approved hours; a plain link, so the session cookie goes along. */
export function exportUrl(query: TimesheetExportQuery): string {
  return `/api/v1/placements/export${queryString({
    from: query.from,
    to: query.to,
    employerId: query.employerId,
    format: query.format,
    // A plain download link sends the browser's language; the file follows the screen's.
    lang: query.lang ?? currentLocale(),
  })}`;
}

/** The SETU Timecard (XML) of one approved week. */
export const setuUrl = (timesheetId: string) => `/api/v1/timesheets/${encodeURIComponent(timesheetId)}/setu`;
