import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  NotificationListResponseSchema,
  NotificationSchema,
  ProposalResponseSchema,
  ProposedCandidateListResponseSchema,
  ProposedCandidateResponseSchema,
  type ProposeRequest,
  ReviewerListResponseSchema,
  VacancyProposalsResponseSchema,
  type VerdictRequest,
  VerdictResponseSchema,
} from "../../../contracts/matches";
import { api } from "../../api";

const vacancyPath = (id: string) => `/api/v1/vacancies/${encodeURIComponent(id)}`;
const proposalPath = (matchId: string) => `/api/v1/proposals/${encodeURIComponent(matchId)}`;

export const proposalKeys = {
  ofVacancy: (vacancyId: string) => ["proposals", "vacancy", vacancyId] as const,
  reviewers: (vacancyId: string) => ["proposals", "reviewers", vacancyId] as const,
  mine: ["proposals", "mine"] as const,
  detail: (matchId: string) => ["proposals", "detail", matchId] as const,
  notifications: ["notifications"] as const,
};

export function vacancyProposalsQuery(vacancyId: string) {
  return queryOptions({
    queryKey: proposalKeys.ofVacancy(vacancyId),
    queryFn: ({ signal }) =>
      api(`${vacancyPath(vacancyId)}/proposals`, VacancyProposalsResponseSchema, { signal }),
    retry: false,
  });
}

export function reviewersQuery(vacancyId: string) {
  return queryOptions({
    queryKey: proposalKeys.reviewers(vacancyId),
    queryFn: async ({ signal }) =>
      (await api(`${vacancyPath(vacancyId)}/reviewers`, ReviewerListResponseSchema, { signal })).reviewers,
  });
}

export async function proposeCandidate(vacancyId: string, body: ProposeRequest) {
  return (await api(`${vacancyPath(vacancyId)}/proposals`, ProposalResponseSchema, { method: "POST", body }))
    .proposal;
}

export async function withdrawProposal(matchId: string) {
  await api(`/api/v1/matches/${encodeURIComponent(matchId)}/proposal`, z.unknown(), { method: "DELETE" });
}

export const myProposalsQuery = queryOptions({
  queryKey: proposalKeys.mine,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/proposals", ProposedCandidateListResponseSchema, { signal })).proposals,
});

export function proposalQuery(matchId: string) {
  return queryOptions({
    queryKey: proposalKeys.detail(matchId),
    queryFn: async ({ signal }) =>
      (await api(proposalPath(matchId), ProposedCandidateResponseSchema, { signal })).proposal,
    retry: false,
  });
}

export async function giveVerdict(matchId: string, body: VerdictRequest) {
  return api(`${proposalPath(matchId)}/verdict`, VerdictResponseSchema, { method: "POST", body });
}

export const notificationsQuery = queryOptions({
  queryKey: proposalKeys.notifications,
  queryFn: ({ signal }) => api("/api/v1/notifications", NotificationListResponseSchema, { signal }),
});

export async function readNotification(id: string) {
  return (
    await api(
      `/api/v1/notifications/${encodeURIComponent(id)}/read`,
      z.object({ notification: NotificationSchema }),
      {
        method: "POST",
      },
    )
  ).notification;
}
