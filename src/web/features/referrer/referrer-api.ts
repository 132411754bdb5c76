import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  type ConfirmReferralRequest,
  type CreateReferralRequest,
  MyPointsResponseSchema,
  MyReferralListResponseSchema,
  MyReferralResponseSchema,
  ReadReferralNoticesResponseSchema,
  ReferrableVacancyListResponseSchema,
  ReferralInvitationResponseSchema,
} from "../../../contracts/referrals";
import { api } from "../../api";

export const referrerKeys = {
  all: ["referrer"] as const,
  vacancies: ["referrer", "vacancies"] as const,
  referrals: ["referrer", "referrals"] as const,
  points: ["referrer", "points"] as const,
};

export const referrableVacanciesQuery = queryOptions({
  queryKey: referrerKeys.vacancies,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/referrer/vacancies", ReferrableVacancyListResponseSchema, { signal })).vacancies,
});

export const myReferralsQuery = queryOptions({
  queryKey: referrerKeys.referrals,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/referrer/referrals", MyReferralListResponseSchema, { signal })).referrals,
});

export const myPointsQuery = queryOptions({
  queryKey: referrerKeys.points,
  queryFn: ({ signal }) => api("/api/v1/referrer/points", MyPointsResponseSchema, { signal }),
});

export async function referPerson(body: CreateReferralRequest) {
  return (await api("/api/v1/referrer/referrals", MyReferralResponseSchema, { method: "POST", body }))
    .referral;
}

export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: ["referral-invitation", token],
    queryFn: ({ signal }) =>
      api(`/api/v1/public/referrals/${encodeURIComponent(token)}`, ReferralInvitationResponseSchema, {
        signal,
      }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function confirmInvitation(token: string, body: ConfirmReferralRequest) {
  return api(
    `/api/v1/public/referrals/${encodeURIComponent(token)}/confirm`,
    ReferralInvitationResponseSchema,
    {
      method: "POST",
      body,
    },
  );
}

/**
 * Marks the caller's notices about referrals read once the page they are about is open: the
 * referrer's news on "Mijn verwijzingen", new referred candidates on the organisation's list.
 * The homes count them, so their figures are refreshed.
 */
export function useReadReferralNotices(kind: "new" | "progress", ready: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!ready) return;
    void api("/api/v1/referrals/notices/read", ReadReferralNoticesResponseSchema, {
      method: "POST",
      body: { kind },
    }).then(({ read }) => {
      if (read === 0) return;
      void queryClient.invalidateQueries({ queryKey: ["home", "staff"] });
      void queryClient.invalidateQueries({ queryKey: ["contact", "dashboard"] });
    });
  }, [kind, ready, queryClient]);
}
