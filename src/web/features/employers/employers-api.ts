import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  AccountManagerHomeResponseSchema,
  AccountManagerOptionsResponseSchema,
  type ContactPersonInput,
  ContactPersonResponseSchema,
  type CreateEmployerRequest,
  EmployerListResponseSchema,
  EmployerResponseSchema,
  RegistrySearchResponseSchema,
  type UpdateEmployerRequest,
} from "../../../contracts/employers";
import { api } from "../../api";
import { type EmployerSearch, toEmployerQuery } from "./search-params";

/** The overview's pages hold 20 employers (HalloWerk: "meer dan 20"). */
export const EMPLOYER_PAGE_SIZE = 20;

const employerPath = (id: string) => `/api/v1/employers/${encodeURIComponent(id)}`;
const contactPath = (id: string, contactId: string) =>
  `${employerPath(id)}/contacts/${encodeURIComponent(contactId)}`;

export const employerKeys = {
  all: ["employers"] as const,
  lists: ["employers", "list"] as const,
  list: (search: EmployerSearch) => ["employers", "list", search] as const,
  detail: (id: string) => ["employers", "detail", id] as const,
  home: ["employers", "home"] as const,
};

/** Only the parameters that are set; the API applies its own defaults to the rest. */
function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function employerListQuery(search: EmployerSearch) {
  return queryOptions({
    queryKey: employerKeys.list(search),
    queryFn: ({ signal }) =>
      api(`/api/v1/employers${queryString(toEmployerQuery(search))}`, EmployerListResponseSchema, { signal }),
    // The table stays put while the next page or sort order loads.
    placeholderData: keepPreviousData,
  });
}

export function employerQuery(id: string) {
  return queryOptions({
    queryKey: employerKeys.detail(id),
    queryFn: async ({ signal }) => (await api(employerPath(id), EmployerResponseSchema, { signal })).employer,
  });
}

export const accountManagersQuery = queryOptions({
  queryKey: ["employers", "account-managers"],
  queryFn: async ({ signal }) =>
    (await api("/api/v1/employers/account-managers", AccountManagerOptionsResponseSchema, { signal }))
      .accountManagers,
  staleTime: 5 * 60_000,
});

/**
 * The account manager's home. Every call counts as a visit (the server remembers it for "what
 * changed since your last visit"), so the answer is kept for the session instead of refetched,
 * and a call is never aborted (the page re-mounting during sign-in would otherwise ask twice,
 * and the second answer would only show what changed in the last second).
 */
export const accountManagerHomeQuery = queryOptions({
  queryKey: employerKeys.home,
  queryFn: () => api("/api/v1/employers/home", AccountManagerHomeResponseSchema),
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
});

export async function searchRegistry(q: string, city: string | undefined, signal?: AbortSignal) {
  return api(`/api/v1/employers/registry-search${queryString({ q, city })}`, RegistrySearchResponseSchema, {
    signal,
  });
}

export async function createEmployer(body: CreateEmployerRequest) {
  return (await api("/api/v1/employers", EmployerResponseSchema, { method: "POST", body })).employer;
}

export async function updateEmployer(id: string, body: UpdateEmployerRequest) {
  return (await api(employerPath(id), EmployerResponseSchema, { method: "PATCH", body })).employer;
}

export async function assignAccountManager(id: string, userId: string | null) {
  return (
    await api(`${employerPath(id)}/account-manager`, EmployerResponseSchema, {
      method: "PUT",
      body: { userId },
    })
  ).employer;
}

export async function archiveEmployer(id: string) {
  return (await api(`${employerPath(id)}/archive`, EmployerResponseSchema, { method: "POST", body: {} }))
    .employer;
}

export async function unarchiveEmployer(id: string) {
  return (await api(`${employerPath(id)}/unarchive`, EmployerResponseSchema, { method: "POST", body: {} }))
    .employer;
}

/** For good; the API wants the confirmation the dialog asked for. */
export async function deleteEmployer(id: string): Promise<void> {
  await api(`${employerPath(id)}?confirm=true`, z.unknown(), { method: "DELETE" });
}

export async function addContact(id: string, body: ContactPersonInput) {
  return (await api(`${employerPath(id)}/contacts`, ContactPersonResponseSchema, { method: "POST", body }))
    .contact;
}

export async function updateContact(id: string, contactId: string, body: Partial<ContactPersonInput>) {
  return (await api(contactPath(id, contactId), ContactPersonResponseSchema, { method: "PATCH", body }))
    .contact;
}

export async function deleteContact(id: string, contactId: string): Promise<void> {
  await api(contactPath(id, contactId), z.unknown(), { method: "DELETE" });
}

/** A first invitation, or the same one again when it is still pending (a resend). */
export async function inviteContact(id: string, contactId: string, personalMessage: string | null) {
  return (
    await api(`${contactPath(id, contactId)}/invite`, ContactPersonResponseSchema, {
      method: "POST",
      body: { personalMessage },
    })
  ).contact;
}

/** Revokes a pending invitation, or the access of a contact who has an account. */
export async function revokeContact(id: string, contactId: string) {
  return (
    await api(`${contactPath(id, contactId)}/revoke`, ContactPersonResponseSchema, {
      method: "POST",
      body: {},
    })
  ).contact;
}

export const activityDownloadUrl = (format: "xlsx" | "csv") => `/api/v1/employers/activity.${format}`;
