import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  CandidateOnboardingSchema,
  type CreateMaterialRequest,
  type HireRequest,
  HireResponseSchema,
  MaterialListResponseSchema,
  MaterialResponseSchema,
  MyOnboardingSchema,
  OnboardingActionSchema,
  type UpdateHireRequest,
  type UpdateMaterialRequest,
  VacancyHiringSchema,
} from "../../../contracts/onboarding";
import { api } from "../../api";

export const onboardingKeys = {
  vacancy: (id: string) => ["onboarding", "vacancy", id] as const,
  mine: ["onboarding", "mine"] as const,
  materials: ["onboarding", "materials"] as const,
  candidate: ["onboarding", "candidate"] as const,
};

const hiresPath = (vacancyId: string) => `/api/v1/vacancies/${encodeURIComponent(vacancyId)}/hires`;

export function vacancyHiringQuery(vacancyId: string) {
  return queryOptions({
    queryKey: onboardingKeys.vacancy(vacancyId),
    queryFn: ({ signal }) => api(hiresPath(vacancyId), VacancyHiringSchema, { signal }),
    retry: false,
  });
}

export async function hireApplicant(vacancyId: string, body: HireRequest) {
  return (await api(hiresPath(vacancyId), HireResponseSchema, { method: "POST", body })).hire;
}

export async function updateHire(vacancyId: string, matchId: string, body: UpdateHireRequest) {
  return (
    await api(`${hiresPath(vacancyId)}/${encodeURIComponent(matchId)}`, HireResponseSchema, {
      method: "PATCH",
      body,
    })
  ).hire;
}

export async function setOnboarding(vacancyId: string, enabled: boolean) {
  return api(`/api/v1/vacancies/${encodeURIComponent(vacancyId)}/onboarding`, VacancyHiringSchema, {
    method: "PUT",
    body: { enabled },
  });
}

export const myOnboardingQuery = queryOptions({
  queryKey: onboardingKeys.mine,
  queryFn: ({ signal }) => api("/api/v1/onboarding/mine", MyOnboardingSchema, { signal }),
});

export async function markDone(actionId: string) {
  return (
    await api(
      `/api/v1/onboarding/actions/${encodeURIComponent(actionId)}/done`,
      z.object({ action: OnboardingActionSchema }),
      { method: "POST" },
    )
  ).action;
}

export async function assignMaterial(hireId: string, materialId: string) {
  return (
    await api(`/api/v1/hires/${encodeURIComponent(hireId)}/materials`, HireResponseSchema, {
      method: "POST",
      body: { materialId },
    })
  ).hire;
}

export const materialsQuery = queryOptions({
  queryKey: onboardingKeys.materials,
  queryFn: ({ signal }) => api("/api/v1/onboarding/materials", MaterialListResponseSchema, { signal }),
});

export async function createMaterial(body: CreateMaterialRequest) {
  return (await api("/api/v1/onboarding/materials", MaterialResponseSchema, { method: "POST", body }))
    .material;
}

export async function updateMaterial(id: string, body: UpdateMaterialRequest) {
  return (
    await api(`/api/v1/onboarding/materials/${encodeURIComponent(id)}`, MaterialResponseSchema, {
      method: "PATCH",
      body,
    })
  ).material;
}

export async function setEmailDomains(organisationId: string, domains: string[]) {
  return api(
    `/api/v1/onboarding/organisations/${encodeURIComponent(organisationId)}/email-domains`,
    MaterialListResponseSchema,
    { method: "PUT", body: { domains } },
  );
}

export const candidateOnboardingQuery = queryOptions({
  queryKey: onboardingKeys.candidate,
  queryFn: ({ signal }) => api("/api/v1/me/onboarding", CandidateOnboardingSchema, { signal }),
});
