import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type EvaluateMatchRequest,
  EvaluationSchema,
  MatchResponseSchema,
  type MoveMatchRequest,
  VacancyMatchesResponseSchema,
} from "../../../contracts/matches";
import { api } from "../../api";

const matchPath = (id: string) => `/api/v1/matches/${encodeURIComponent(id)}`;
const vacancyMatchesPath = (vacancyId: string) =>
  `/api/v1/vacancies/${encodeURIComponent(vacancyId)}/matches`;

export const matchKeys = {
  ofVacancy: (vacancyId: string) => ["matches", "vacancy", vacancyId] as const,
  detail: (id: string) => ["matches", "detail", id] as const,
};

export function vacancyMatchesQuery(vacancyId: string) {
  return queryOptions({
    queryKey: matchKeys.ofVacancy(vacancyId),
    queryFn: ({ signal }) => api(vacancyMatchesPath(vacancyId), VacancyMatchesResponseSchema, { signal }),
    // A vacancy whose matches the caller may not see answers 403/404: no section, no retries.
    retry: false,
  });
}

export function matchQuery(id: string) {
  return queryOptions({
    queryKey: matchKeys.detail(id),
    queryFn: async ({ signal }) => (await api(matchPath(id), MatchResponseSchema, { signal })).match,
  });
}

export async function moveMatch(id: string, body: MoveMatchRequest) {
  return (await api(`${matchPath(id)}/moves`, MatchResponseSchema, { method: "POST", body })).match;
}

export async function undoMatch(id: string) {
  return (await api(`${matchPath(id)}/undo`, MatchResponseSchema, { method: "POST" })).match;
}

export async function evaluateMatch(id: string, body: EvaluateMatchRequest) {
  return (
    await api(`${matchPath(id)}/evaluations`, z.object({ evaluation: EvaluationSchema }), {
      method: "POST",
      body,
    })
  ).evaluation;
}

export async function chooseProcedure(vacancyId: string, procedureId: string | null) {
  return api(`/api/v1/vacancies/${encodeURIComponent(vacancyId)}/procedure`, VacancyMatchesResponseSchema, {
    method: "PUT",
    body: { procedureId },
  });
}
