import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import {
  ReadReferralNoticesResponseSchema,
  type RecordOutcomeRequest,
  ReferralDetailResponseSchema,
  ReferralListResponseSchema,
  ReferralReachResponseSchema,
  ReferralSettingsResponseSchema,
  ReferralStatsResponseSchema,
  type UpdateReferralSettingsRequest,
} from "../../../contracts/referrals";
import { api } from "../../api";
import { type ReferralSearch, toReferralQuery } from "./search-params";

const base = "/api/v1/referrals";
const referralPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** `?a=1&b=2` of the values that are set, or "" when none is. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const referralKeys = {
  all: ["referrals"] as const,
  list: (search: ReferralSearch) => ["referrals", "list", search] as const,
  detail: (id: string) => ["referrals", "detail", id] as const,
  stats: (period: StatsPeriod) => ["referrals", "stats", period] as const,
  settings: (organisationId: string | undefined) => ["referrals", "settings", organisationId ?? ""] as const,
};

export function referralListQuery(search: ReferralSearch) {
  return queryOptions({
    queryKey: referralKeys.list(search),
    queryFn: ({ signal }) =>
      api(`${base}${queryString(toReferralQuery(search))}`, ReferralListResponseSchema, { signal }),
    // The table stays put while the next page or filter loads.
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function referralQuery(id: string) {
  return queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => api(referralPath(id), ReferralDetailResponseSchema, { signal }),
    retry: false,
  });
}

export interface StatsPeriod {
  siteId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function referralStatsQuery(period: StatsPeriod) {
  return queryOptions({
    queryKey: referralKeys.stats(period),
    queryFn: ({ signal }) =>
      api(
        `${base}/stats${queryString({ siteId: period.siteId, from: period.from, to: period.to })}`,
        ReferralStatsResponseSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function referralSettingsQuery(organisationId: string | undefined) {
  return queryOptions({
    queryKey: referralKeys.settings(organisationId),
    queryFn: ({ signal }) =>
      api(`${base}/settings${queryString({ organisationId })}`, ReferralSettingsResponseSchema, { signal }),
    retry: false,
  });
}

export async function recordOutcome(id: string, phaseId: string, body: RecordOutcomeRequest) {
  const path = `${referralPath(id)}/milestones/${encodeURIComponent(phaseId)}/outcome`;
  return (await api(path, ReferralDetailResponseSchema, { method: "POST", body })).referral;
}

export async function undoOutcome(id: string, phaseId: string) {
  const path = `${referralPath(id)}/milestones/${encodeURIComponent(phaseId)}/undo`;
  return (await api(path, ReferralDetailResponseSchema, { method: "POST" })).referral;
}

export async function updateReferralSettings(body: UpdateReferralSettingsRequest) {
  return (await api(`${base}/settings`, ReferralSettingsResponseSchema, { method: "PUT", body })).settings;
}

/**
 * Marks the caller's notices about referrals read once the page they are about is open, once per
 * visit: new referred candidates on the organisation's list, the referrer's news on "Mijn
 * verwijzingen". The homes and the menu count them, so those are refreshed.
 */
export function useReadReferralNotices(kind: "new" | "progress", ready: boolean): void {
  const queryClient = useQueryClient();
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    api(`${base}/notices/read`, ReadReferralNoticesResponseSchema, { method: "POST", body: { kind } })
      .then(({ read }) => {
        if (read === 0) return;
        for (const queryKey of [["home", "staff"], ["contact", "dashboard"], referralReachQuery.queryKey])
          void queryClient.invalidateQueries({ queryKey });
      })
      .catch(() => undefined);
  }, [kind, ready, queryClient]);
}

/** Whether the caller works with referred candidates (the server decides), and their unread notices. */
export const referralReachQuery = queryOptions({
  queryKey: ["referrals", "reach"],
  queryFn: ({ signal }) => api("/api/v1/referrals/reach", ReferralReachResponseSchema, { signal }),
  staleTime: 60_000,
});
