import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  MatchFromPoolResponseSchema,
  PoolVacancyListResponseSchema,
  TalentPoolDetailResponseSchema,
  TalentPoolListResponseSchema,
  TalentPoolSchema,
} from "../../../contracts/talent-pools";
import { api } from "../../api";

/** Which side of the pools the caller works on: the team keeps them, a contact browses them. */
export type PoolSide = "team" | "contact";

const base = (side: PoolSide) => (side === "team" ? "/api/v1/talent-pools" : "/api/v1/contact/talent-pools");

export const poolKeys = {
  all: ["talent-pools"] as const,
  list: (side: PoolSide, candidateId?: string) =>
    ["talent-pools", side, "list", candidateId ?? null] as const,
  detail: (side: PoolSide, id: string) => ["talent-pools", side, "detail", id] as const,
  vacancies: ["talent-pools", "contact", "vacancies"] as const,
};

export function poolListQuery(side: PoolSide, candidateId?: string) {
  return queryOptions({
    queryKey: poolKeys.list(side, candidateId),
    queryFn: async ({ signal }) =>
      (
        await api(
          `${base(side)}${candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : ""}`,
          TalentPoolListResponseSchema,
          { signal },
        )
      ).pools,
  });
}

export function poolQuery(side: PoolSide, id: string) {
  return queryOptions({
    queryKey: poolKeys.detail(side, id),
    queryFn: ({ signal }) =>
      api(`${base(side)}/${encodeURIComponent(id)}`, TalentPoolDetailResponseSchema, { signal }),
    retry: false,
  });
}

export const contactVacanciesQuery = queryOptions({
  queryKey: poolKeys.vacancies,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/contact/talent-pools/vacancies", PoolVacancyListResponseSchema, { signal }))
      .vacancies,
});

export async function createClientPool(employerId: string) {
  return (
    await api("/api/v1/talent-pools", z.object({ pool: TalentPoolSchema }), {
      method: "POST",
      body: { employerId },
    })
  ).pool;
}

export function addToPool(poolId: string, candidateId: string, note?: string) {
  return api(`/api/v1/talent-pools/${encodeURIComponent(poolId)}/members`, TalentPoolDetailResponseSchema, {
    method: "POST",
    body: { candidateId, ...(note ? { note } : {}) },
  });
}

export async function removeFromPool(poolId: string, candidateId: string) {
  await api(
    `/api/v1/talent-pools/${encodeURIComponent(poolId)}/members/${encodeURIComponent(candidateId)}`,
    z.unknown(),
    { method: "DELETE" },
  );
}

export async function matchFromPool(poolId: string, candidateId: string, vacancyId: string) {
  return (
    await api(
      `/api/v1/contact/talent-pools/${encodeURIComponent(poolId)}/members/${encodeURIComponent(candidateId)}/matches`,
      MatchFromPoolResponseSchema,
      { method: "POST", body: { vacancyId } },
    )
  ).match;
}
