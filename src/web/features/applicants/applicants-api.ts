import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type AddNoteRequest,
  ApplicantDetailResponseSchema,
  ApplicantListResponseSchema,
  type CorrectFieldRequest,
  CorrectFieldResponseSchema,
  type MailApplicantsRequest,
  MailingResponseSchema,
  MailPreviewResponseSchema,
  MailTemplateListResponseSchema,
  MailTemplateResponseSchema,
  type MoveApplicantsRequest,
  MoveApplicantsResponseSchema,
  NoteResponseSchema,
  type SaveMailTemplateRequest,
} from "../../../contracts/applicants";
import { api } from "../../api";
import { type ApplicantSearch, toApplicantQuery } from "./search-params";

const base = (vacancyId: string) => `/api/v1/vacancies/${encodeURIComponent(vacancyId)}/applicants`;
const TEMPLATES = "/api/v1/applicant-mail-templates";

/** `?a=1&b=2` of the values that are set, or "" when none is. */
function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const applicantKeys = {
  all: ["applicants"] as const,
  ofVacancy: (vacancyId: string) => ["applicants", vacancyId] as const,
  list: (vacancyId: string, search: ApplicantSearch) => ["applicants", vacancyId, "list", search] as const,
  detail: (vacancyId: string, matchId: string) => ["applicants", vacancyId, "detail", matchId] as const,
  mailing: (vacancyId: string, mailingId: string) => ["applicants", vacancyId, "mailing", mailingId] as const,
  templates: ["applicant-mail-templates"] as const,
};

export function applicantListQuery(vacancyId: string, search: ApplicantSearch) {
  return queryOptions({
    queryKey: applicantKeys.list(vacancyId, search),
    queryFn: ({ signal }) =>
      api(`${base(vacancyId)}${queryString(toApplicantQuery(search))}`, ApplicantListResponseSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function applicantQuery(vacancyId: string, matchId: string) {
  return queryOptions({
    queryKey: applicantKeys.detail(vacancyId, matchId),
    queryFn: ({ signal }) =>
      api(`${base(vacancyId)}/${encodeURIComponent(matchId)}`, ApplicantDetailResponseSchema, { signal }),
    retry: false,
  });
}

export function mailingQuery(vacancyId: string, mailingId: string) {
  return queryOptions({
    queryKey: applicantKeys.mailing(vacancyId, mailingId),
    queryFn: ({ signal }) =>
      api(`${base(vacancyId)}/mailings/${encodeURIComponent(mailingId)}`, MailingResponseSchema, { signal }),
    // Each recipient's mail goes out on its own: look again while any is still on its way.
    refetchInterval: (query) =>
      query.state.data?.mailing.recipients.some((r) => r.status === "sending") ? 1500 : false,
    retry: false,
  });
}

export const templatesQuery = queryOptions({
  queryKey: applicantKeys.templates,
  queryFn: ({ signal }) => api(TEMPLATES, MailTemplateListResponseSchema, { signal }),
  retry: false,
});

export const moveApplicants = (vacancyId: string, body: MoveApplicantsRequest) =>
  api(`${base(vacancyId)}/moves`, MoveApplicantsResponseSchema, { method: "POST", body });

export const previewMail = (vacancyId: string, body: MailApplicantsRequest) =>
  api(`${base(vacancyId)}/mailings/preview`, MailPreviewResponseSchema, { method: "POST", body });

export const sendMail = (vacancyId: string, body: MailApplicantsRequest) =>
  api(`${base(vacancyId)}/mailings`, MailingResponseSchema, { method: "POST", body });

export const addNote = (vacancyId: string, matchId: string, body: AddNoteRequest) =>
  api(`${base(vacancyId)}/${encodeURIComponent(matchId)}/notes`, NoteResponseSchema, {
    method: "POST",
    body,
  });

export const correctField = (vacancyId: string, matchId: string, body: CorrectFieldRequest) =>
  api(`${base(vacancyId)}/${encodeURIComponent(matchId)}/corrections`, CorrectFieldResponseSchema, {
    method: "POST",
    body,
  });

export const saveTemplate = (id: string | null, body: SaveMailTemplateRequest) =>
  api(id ? `${TEMPLATES}/${encodeURIComponent(id)}` : TEMPLATES, MailTemplateResponseSchema, {
    method: id ? "PUT" : "POST",
    body,
  });

export async function deleteTemplate(id: string): Promise<void> {
  await api(`${TEMPLATES}/${encodeURIComponent(id)}`, z.unknown(), { method: "DELETE" });
}
