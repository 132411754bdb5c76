import { queryOptions } from "@tanstack/react-query";
import {
  type ConfirmReferralRequest,
  type CreateReferralRequest,
  MyPointsResponseSchema,
  MyReferralListResponseSchema,
  MyReferralResponseSchema,
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
