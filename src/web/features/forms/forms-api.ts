import { queryOptions } from "@tanstack/react-query";
import {
  type Answers,
  ApplicationFormResponseSchema,
  ApplicationTimelineResponseSchema,
  ApplyFormResponseSchema,
  type ApplyStep,
  DraftResponseSchema,
  type FormDefinition,
  FormTemplateListResponseSchema,
  FormTemplateResponseSchema,
  FormVersionListResponseSchema,
  UploadedFileResponseSchema,
} from "../../../contracts/forms";
import { ApplicationResponseSchema } from "../../../contracts/vacancies";
import { api } from "../../api";
import { referralCodeFor } from "../referrer/referral-code";

const vacancyPath = (id: string) => `/api/v1/vacancies/${encodeURIComponent(id)}`;

export const formTemplatesQuery = queryOptions({
  queryKey: ["application-forms", "templates"],
  queryFn: ({ signal }) =>
    api("/api/v1/application-form-templates", FormTemplateListResponseSchema, { signal }),
});

export const vacancyFormQuery = (vacancyId: string) =>
  queryOptions({
    queryKey: ["application-forms", "vacancy", vacancyId],
    queryFn: ({ signal }) =>
      api(`${vacancyPath(vacancyId)}/application-form`, ApplicationFormResponseSchema, { signal }),
  });

export const formVersionsQuery = (vacancyId: string) =>
  queryOptions({
    queryKey: ["application-forms", "vacancy", vacancyId, "versions"],
    queryFn: ({ signal }) =>
      api(`${vacancyPath(vacancyId)}/application-form/versions`, FormVersionListResponseSchema, { signal }),
  });

export function saveVacancyForm(
  vacancyId: string,
  body: { templateId: string } | { definition: FormDefinition },
) {
  return api(`${vacancyPath(vacancyId)}/application-form`, ApplicationFormResponseSchema, {
    method: "PUT",
    body,
  });
}

export async function createTemplate(organisationId: string, name: string, definition: FormDefinition) {
  return (
    await api("/api/v1/application-form-templates", FormTemplateResponseSchema, {
      method: "POST",
      body: { organisationId, name, definition },
    })
  ).template;
}

export const applyFormQuery = (vacancyId: string) =>
  queryOptions({
    queryKey: ["application-forms", "apply", vacancyId],
    queryFn: ({ signal }) =>
      api(`${vacancyPath(vacancyId)}/application-draft`, ApplyFormResponseSchema, { signal }),
  });

export async function saveDraft(vacancyId: string, answers: Answers, step: ApplyStep) {
  return (
    await api(`${vacancyPath(vacancyId)}/application-draft`, DraftResponseSchema, {
      method: "PUT",
      body: { answers, step },
    })
  ).draft;
}

export async function uploadAnswerFile(vacancyId: string, field: string, file: File) {
  const query = new URLSearchParams({ field, fileName: file.name });
  return (
    await api(`${vacancyPath(vacancyId)}/application-draft/files?${query}`, UploadedFileResponseSchema, {
      method: "POST",
      file,
    })
  ).file;
}

export async function submitApplication(vacancyId: string) {
  const source = new URLSearchParams(window.location.search).get("utm_source");
  return (
    await api(`${vacancyPath(vacancyId)}/application-draft/submit`, ApplicationResponseSchema, {
      method: "POST",
      body: {
        source: source && /^[a-z0-9._-]{1,60}$/i.test(source) ? source : null,
        referralCode: referralCodeFor(vacancyId),
      },
    })
  ).application;
}

export const applicationTimelineQuery = (applicationId: string) =>
  queryOptions({
    queryKey: ["applications", "timeline", applicationId],
    queryFn: async ({ signal }) =>
      (
        await api(`/api/v1/applications/${applicationId}/timeline`, ApplicationTimelineResponseSchema, {
          signal,
        })
      ).timeline,
  });

export async function withdrawApplication(applicationId: string) {
  return (
    await api(`/api/v1/applications/${applicationId}/withdraw`, ApplicationTimelineResponseSchema, {
      method: "POST",
    })
  ).timeline;
}
