import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  OccupationSearchResponseSchema,
  PlaceSearchResponseSchema,
  ReferenceListsResponseSchema,
} from "../../../contracts/reference";
import {
  ApplicationListResponseSchema,
  ApplicationResponseSchema,
  CandidateVacancyDetailResponseSchema,
  CandidateVacancyListResponseSchema,
  type CreateVacancyRequest,
  type UpdateVacancyRequest,
  type VacancyAction,
  VacancyAttachmentSchema,
  VacancyHistoryResponseSchema,
  VacancyListResponseSchema,
  type VacancyListView,
  VacancyOptionsResponseSchema,
  VacancyResponseSchema,
} from "../../../contracts/vacancies";
import { api, apiForm } from "../../api";
import { sourceFor } from "../channels/source";
import { referralCodeFor } from "../referrer/referral-code";
import type { CandidateSearch, StaffSearch } from "./search-params";

/** The overview's pages hold 20 vacancies (HalloWerk: "meer dan 20"). */
export const VACANCY_PAGE_SIZE = 20;

const vacancyPath = (id: string) => `/api/v1/vacancies/${encodeURIComponent(id)}`;

/** Only the parameters that are set; the API applies its own defaults to the rest. */
export function toQueryString(search: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const vacancyKeys = {
  all: ["vacancies"] as const,
  list: (search: VacancyListSearch) => ["vacancies", "list", search] as const,
  detail: (id: string) => ["vacancies", "detail", id] as const,
  history: (id: string) => ["vacancies", "history", id] as const,
};

/** The overview's search, in any view of the list (an employer's page: all but the archive). */
export type VacancyListSearch = Omit<StaffSearch, "status"> & { status?: VacancyListView };

export function vacancyListQuery(search: VacancyListSearch) {
  return queryOptions({
    queryKey: vacancyKeys.list(search),
    queryFn: ({ signal }) =>
      api(`/api/v1/vacancies${toQueryString({ ...search })}`, VacancyListResponseSchema, { signal }),
    // The table stays put while the next page or sort order loads.
    placeholderData: keepPreviousData,
  });
}

export function vacancyQuery(id: string) {
  return queryOptions({
    queryKey: vacancyKeys.detail(id),
    queryFn: async ({ signal }) => (await api(vacancyPath(id), VacancyResponseSchema, { signal })).vacancy,
  });
}

export function vacancyHistoryQuery(id: string) {
  return queryOptions({
    queryKey: vacancyKeys.history(id),
    queryFn: async ({ signal }) =>
      (await api(`${vacancyPath(id)}/history`, VacancyHistoryResponseSchema, { signal })).history,
  });
}

/** Organisations the caller may create vacancies for, with their people; account managers; owners. */
export function vacancyOptionsQuery(organisationId?: string) {
  return queryOptions({
    queryKey: ["vacancies", "options", organisationId ?? null],
    queryFn: ({ signal }) =>
      api(`/api/v1/vacancies/options${toQueryString({ organisationId })}`, VacancyOptionsResponseSchema, {
        signal,
      }),
    staleTime: 60_000,
  });
}

export async function createVacancy(body: CreateVacancyRequest) {
  return (await api("/api/v1/vacancies", VacancyResponseSchema, { method: "POST", body })).vacancy;
}

export async function updateVacancy(id: string, body: UpdateVacancyRequest) {
  return (await api(vacancyPath(id), VacancyResponseSchema, { method: "PATCH", body })).vacancy;
}

export async function transitionVacancy(id: string, action: VacancyAction, comment: string | null = null) {
  return (
    await api(`${vacancyPath(id)}/transitions`, VacancyResponseSchema, {
      method: "POST",
      body: { action, comment },
    })
  ).vacancy;
}

export async function copyVacancy(id: string) {
  return (await api(`${vacancyPath(id)}/copy`, VacancyResponseSchema, { method: "POST", body: {} })).vacancy;
}

/** For good; the API wants the confirmation the dialog asked for ("Verwijderen" twice). */
export async function deleteVacancy(id: string): Promise<void> {
  await api(`${vacancyPath(id)}?confirm=true`, z.unknown(), { method: "DELETE" });
}

const AttachmentResponseSchema = z.object({ attachment: VacancyAttachmentSchema });

export async function uploadAttachment(id: string, file: File) {
  const path = `${vacancyPath(id)}/attachments?fileName=${encodeURIComponent(file.name)}`;
  return (await api(path, AttachmentResponseSchema, { method: "POST", file })).attachment;
}

export async function deleteAttachment(id: string, attachmentId: string): Promise<void> {
  await api(`${vacancyPath(id)}/attachments/${encodeURIComponent(attachmentId)}`, z.unknown(), {
    method: "DELETE",
  });
}

export async function uploadImage(id: string, file: File) {
  return (await api(`${vacancyPath(id)}/image`, VacancyResponseSchema, { method: "PUT", file })).vacancy;
}

/** Removes the vacancy's own image; the organisation's logo shows again. */
export async function removeImage(id: string) {
  return (await api(`${vacancyPath(id)}/image`, VacancyResponseSchema, { method: "DELETE" })).vacancy;
}

export const vacancyPdfUrl = (id: string) => `${vacancyPath(id)}/pdf`;

/* Candidate side ("kansen") */

export function candidateVacanciesQuery(search: CandidateSearch) {
  return queryOptions({
    queryKey: ["kansen", "list", search],
    queryFn: ({ signal }) =>
      api(
        `/api/v1/vacancies/for-candidate${toQueryString({ ...search })}`,
        CandidateVacancyListResponseSchema,
        {
          signal,
        },
      ),
    placeholderData: keepPreviousData,
  });
}

export function candidateVacancyQuery(id: string) {
  return queryOptions({
    queryKey: ["kansen", "detail", id],
    queryFn: async ({ signal }) =>
      (
        await api(
          `/api/v1/vacancies/for-candidate/${encodeURIComponent(id)}`,
          CandidateVacancyDetailResponseSchema,
          {
            signal,
          },
        )
      ).vacancy,
  });
}

export async function applyToVacancy(id: string, motivation: string, cv: File | null) {
  const form = new FormData();
  form.append("motivation", motivation);
  if (cv) form.append("cv", cv, cv.name);
  // Through an employee's personal link: the referral portal records who referred the person.
  const referralCode = referralCodeFor(id);
  if (referralCode) form.append("referralCode", referralCode);
  // From a job site's link: the application counts for that site (multiposter reports).
  const source = sourceFor(id);
  const query = source ? `?utm_source=${encodeURIComponent(source)}` : "";
  return (await apiForm(`${vacancyPath(id)}/applications${query}`, ApplicationResponseSchema, form))
    .application;
}

export const myApplicationsQuery = queryOptions({
  queryKey: ["applications", "mine"],
  queryFn: async ({ signal }) =>
    (await api("/api/v1/applications/mine", ApplicationListResponseSchema, { signal })).applications,
});

/* Reference data */

export const referenceListsQuery = queryOptions({
  queryKey: ["reference", "lists"],
  queryFn: ({ signal }) => api("/api/v1/reference/lists", ReferenceListsResponseSchema, { signal }),
  // Shipped with the release: it does not change while the app is open.
  staleTime: Number.POSITIVE_INFINITY,
});

export async function searchPlaces(q: string, signal?: AbortSignal) {
  return (
    await api(`/api/v1/reference/places${toQueryString({ q, limit: 10 })}`, PlaceSearchResponseSchema, {
      signal,
    })
  ).places;
}

export async function searchOccupations(q: string, signal?: AbortSignal) {
  return (
    await api(
      `/api/v1/reference/occupations${toQueryString({ q, limit: 10 })}`,
      OccupationSearchResponseSchema,
      {
        signal,
      },
    )
  ).occupations;
}
