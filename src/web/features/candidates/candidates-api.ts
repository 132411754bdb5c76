import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type ApproachRequest,
  CandidateDocumentSchema,
  type CandidateMeResponse,
  CandidateMeResponseSchema,
  CandidateStaffViewSchema,
  ContactDetailsResponseSchema,
  ContactViewsResponseSchema,
  type DocumentKind,
  MediaPhotoSchema,
  SavedVacanciesResponseSchema,
  type UpdateCandidateProfileRequest,
  VisibilityResponseSchema,
} from "../../../contracts/candidates";
import {
  type ConsentPurpose,
  ConsentsResponseSchema,
  type SetConsentRequest,
} from "../../../contracts/privacy";
import { OccupationDetailResponseSchema } from "../../../contracts/reference";
import { ApiError, api } from "../../api";

const ME = "/api/v1/candidates/me";
const staffPath = (id: string) => `/api/v1/candidates/${encodeURIComponent(id)}`;

export const candidateKeys = {
  me: ["candidates", "me"] as const,
  contactViews: ["candidates", "me", "contact-views"] as const,
  saved: ["candidates", "me", "saved-vacancies"] as const,
  consents: ["candidates", "me", "consents"] as const,
  staff: (id: string) => ["candidates", "staff", id] as const,
};

/* The candidate's own side */

export const myProfileQuery = queryOptions({
  queryKey: candidateKeys.me,
  queryFn: ({ signal }) => api(ME, CandidateMeResponseSchema, { signal }),
});

/** One or more parts; the answer is the whole profile again, with the new completeness. */
export function updateMyProfile(body: UpdateCandidateProfileRequest): Promise<CandidateMeResponse> {
  return api(`${ME}/profile`, CandidateMeResponseSchema, { method: "PATCH", body });
}

/** PNG, JPG or WebP up to 5 MB; the server judges the type by content. */
export async function uploadMyPhoto(file: File): Promise<string> {
  return (await api(`${ME}/photo`, z.object({ photoUrl: z.string() }), { method: "PUT", file })).photoUrl;
}

export async function removeMyPhoto(): Promise<void> {
  await api(`${ME}/photo`, z.unknown(), { method: "DELETE" });
}

export async function addMediaPhoto(file: File) {
  return (await api(`${ME}/media/photos`, z.object({ photo: MediaPhotoSchema }), { method: "POST", file }))
    .photo;
}

export async function removeMediaPhoto(photoId: string): Promise<void> {
  await api(`${ME}/media/photos/${encodeURIComponent(photoId)}`, z.unknown(), { method: "DELETE" });
}

/** PDF or DOCX up to 10 MB, sent as the request body. */
export async function uploadDocument(file: File, kind: DocumentKind) {
  const query = new URLSearchParams({ fileName: file.name, kind });
  return (
    await api(`${ME}/documents?${query}`, z.object({ document: CandidateDocumentSchema }), {
      method: "POST",
      file,
    })
  ).document;
}

export async function removeDocument(documentId: string): Promise<void> {
  await api(`${ME}/documents/${encodeURIComponent(documentId)}`, z.unknown(), { method: "DELETE" });
}

export async function setPortalVisibility(portal: string, visible: boolean) {
  return (
    await api(`${ME}/visibility`, VisibilityResponseSchema, { method: "PUT", body: { portal, visible } })
  ).visibility;
}

export const contactViewsQuery = queryOptions({
  queryKey: candidateKeys.contactViews,
  queryFn: async ({ signal }) =>
    (await api(`${ME}/contact-views`, ContactViewsResponseSchema, { signal })).views,
});

/**
 * Saved vacancies ("bewaarde kansen"); null while the server does not offer them yet, so the
 * dashboard leaves the block out instead of showing an error.
 */
export const savedVacanciesQuery = queryOptions({
  queryKey: candidateKeys.saved,
  queryFn: async ({ signal }) => {
    try {
      return (await api(`${ME}/saved-vacancies`, SavedVacanciesResponseSchema, { signal })).saved;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  retry: false,
});

/**
 * Consents per purpose with their dates and history; null while the server does not offer the
 * privacy self-service yet (then the page falls back to the settings' switches and leaves out
 * download and delete, which come with it).
 */
export const consentsQuery = queryOptions({
  queryKey: candidateKeys.consents,
  queryFn: async ({ signal }) => {
    try {
      return await api(`${ME}/consents`, ConsentsResponseSchema, { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  retry: false,
});

export function setConsent(purpose: ConsentPurpose, body: SetConsentRequest) {
  return api(`${ME}/consents/${purpose}`, ConsentsResponseSchema, { method: "PUT", body });
}

/**
 * Deletes the account for good: the person is anonymised, applications stay as "anonymised
 * candidate". Asks for the password again.
 */
export async function eraseMyAccount(password: string): Promise<void> {
  await api(`${ME}/erase`, z.unknown(), { method: "POST", body: { confirm: true, password } });
}

/* Staff */

export function staffCandidateQuery(id: string) {
  return queryOptions({
    queryKey: candidateKeys.staff(id),
    queryFn: async ({ signal }) =>
      (await api(staffPath(id), z.object({ candidate: CandidateStaffViewSchema }), { signal })).candidate,
    // A hidden candidate answers 404: that is the answer, not a hiccup to retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Logged on the server every time it is called, so it is a deliberate click, never a prefetch. */
export function fetchContactDetails(id: string) {
  return api(`${staffPath(id)}/contact-details`, ContactDetailsResponseSchema);
}

/** "Benaderen": a message to the candidate's inbox and mail. */
export async function approachCandidate(id: string, body: ApproachRequest): Promise<void> {
  await api(`${staffPath(id)}/approach`, z.unknown(), { method: "POST", body });
}

/* Reference data */

/** An occupation's labels by id (a profile holds only the ids of its favourite occupations). */
export function occupationQuery(id: string) {
  return queryOptions({
    queryKey: ["reference", "occupation", id],
    queryFn: async ({ signal }) =>
      (
        await api(`/api/v1/reference/occupations/${encodeURIComponent(id)}`, OccupationDetailResponseSchema, {
          signal,
        })
      ).occupation,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
