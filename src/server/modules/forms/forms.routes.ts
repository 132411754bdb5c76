import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApplicationAnswersResponseSchema,
  ApplicationFormResponseSchema,
  ApplyFormResponseSchema,
  CreateFormTemplateRequestSchema,
  DraftResponseSchema,
  FormTemplateListResponseSchema,
  FormTemplateResponseSchema,
  FormVersionListResponseSchema,
  SaveApplicationFormRequestSchema,
  SaveDraftRequestSchema,
  SubmitApplicationRequestSchema,
  UploadedFileResponseSchema,
  UploadFileQuerySchema,
} from "../../../contracts/forms";
import { ApplicationResponseSchema } from "../../../contracts/vacancies";
import { cleanFileName, UPLOAD_CONTENT_TYPES } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import { acceptRawUploads, rawBody, sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { matchAnswerFile, matchAnswers } from "./actions/answers";
import { applicantFile, applyForm, saveDraft, submitApplication, uploadFile } from "./actions/apply";
import type { FormsDeps } from "./actions/context";
import {
  createTemplate,
  getVacancyForm,
  listTemplates,
  listVersions,
  saveVacancyForm,
} from "./actions/forms";
import { formsPolicy } from "./forms.policy";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const IdParams = z.object({ id: z.string().uuid() });
const FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Application forms: templates and a vacancy's form for staff; drafts, files and submitting for applicants. */
export async function registerFormRoutes(app: FastifyInstance, deps: { forms: FormsDeps }): Promise<void> {
  const { forms } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["application forms"];

    r.get(
      "/api/v1/application-form-templates",
      {
        // Whoever may change a vacancy's form chooses among them; keeping one is for form builders.
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary: "The application-form templates I may use: the shipped one and my organisations' own",
          response: { 200: FormTemplateListResponseSchema, ...errors },
        },
      },
      async (request) => listTemplates(forms, callerOf(request)),
    );

    r.post(
      "/api/v1/application-form-templates",
      {
        config: { access: formsPolicy.templates },
        schema: {
          tags,
          summary: "Keep a form as a template of my organisation",
          body: CreateFormTemplateRequestSchema,
          response: { 201: FormTemplateResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          template: await createTemplate(
            forms,
            callerOf(request),
            request.body,
            requestMessageLocale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/vacancies/:id/application-form",
      {
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary: "The vacancy's application form (its newest version), null when it has none",
          params: IdParams,
          response: { 200: ApplicationFormResponseSchema, ...errors },
        },
      },
      async (request) => getVacancyForm(forms, callerOf(request), request.params.id),
    );

    r.put(
      "/api/v1/vacancies/:id/application-form",
      {
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary:
            "Make the vacancy's form from a template, or save a changed definition (a new version once applicants answered it)",
          params: IdParams,
          body: SaveApplicationFormRequestSchema,
          response: { 200: ApplicationFormResponseSchema, ...errors },
        },
      },
      async (request) =>
        saveVacancyForm(
          forms,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
    );

    r.get(
      "/api/v1/vacancies/:id/application-form/versions",
      {
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary:
            "Every version of the vacancy's form, newest first, with how many applications answered each",
          params: IdParams,
          response: { 200: FormVersionListResponseSchema, ...errors },
        },
      },
      async (request) => listVersions(forms, callerOf(request), request.params.id),
    );

    r.get(
      "/api/v1/matches/:id/application-answers",
      {
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary: "What the applicant answered, in the version of the form they answered (null: no form)",
          params: IdParams,
          response: { 200: ApplicationAnswersResponseSchema, ...errors },
        },
      },
      async (request) => matchAnswers(forms, callerOf(request), request.params.id),
    );

    r.get(
      "/api/v1/matches/:id/application-files/:fileId",
      {
        config: { access: formsPolicy.staff },
        schema: {
          tags,
          summary: "A file the applicant sent with the form (download)",
          params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await matchAnswerFile(forms, callerOf(request), request.params.id, request.params.fileId),
        ),
    );

    const candidate = { access: formsPolicy.candidate };

    r.get(
      "/api/v1/vacancies/:id/application-draft",
      {
        config: candidate,
        schema: {
          tags,
          summary: "Applying through the vacancy's form: the form, my draft and files, whether I applied",
          params: IdParams,
          response: { 200: ApplyFormResponseSchema, ...errors },
        },
      },
      async (request) => applyForm(forms, callerOf(request), request.params.id),
    );

    r.put(
      "/api/v1/vacancies/:id/application-draft",
      {
        config: candidate,
        schema: {
          tags,
          summary: "Save my draft application (partial answers are fine)",
          params: IdParams,
          body: SaveDraftRequestSchema,
          response: { 200: DraftResponseSchema, ...errors },
        },
      },
      async (request) => ({
        draft: await saveDraft(
          forms,
          callerOf(request),
          request.params.id,
          request.body,
          request.portal?.row.id ?? null,
        ),
      }),
    );

    r.post(
      "/api/v1/vacancies/:id/application-draft/submit",
      {
        config: candidate,
        schema: {
          tags,
          summary: "Submit my draft application: every answer is checked; on a problem the draft stays",
          params: IdParams,
          body: SubmitApplicationRequestSchema,
          response: { 201: ApplicationResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          application: await submitApplication(
            forms,
            callerOf(request),
            request.params.id,
            request.body,
            request.portal?.row.id ?? null,
            requestMessageLocale(request),
            requestLocale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/application-files/:id",
      {
        config: candidate,
        schema: { tags, summary: "A file I uploaded for an application (download)", params: IdParams },
      },
      async (request, reply) =>
        sendDownload(reply, await applicantFile(forms, callerOf(request), request.params.id)),
    );
  });

  // Uploads arrive as the raw body, in a scope of their own.
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    acceptRawUploads(scope, {
      maxBytes: FILE_MAX_BYTES,
      tooLarge: (request) => ({
        path: `answers.${(request.query as { field?: string }).field ?? "file"}`,
        messageKey: "file_too_large",
      }),
    });
    r.post(
      "/api/v1/vacancies/:id/application-draft/files",
      {
        config: { access: formsPolicy.candidate },
        bodyLimit: FILE_MAX_BYTES,
        schema: {
          tags: ["application forms"],
          summary: "Upload a file for one of the form's file questions (PDF, DOCX or image, at most 10 MB)",
          consumes: [...UPLOAD_CONTENT_TYPES],
          params: IdParams,
          querystring: UploadFileQuerySchema,
          response: { 201: UploadedFileResponseSchema, ...uploadErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          file: await uploadFile(
            forms,
            callerOf(request),
            request.params.id,
            {
              fieldKey: request.query.field,
              fileName: cleanFileName(request.query.fileName, "file"),
              data: rawBody(request),
            },
            request.portal?.row.id ?? null,
            requestMessageLocale(request),
          ),
        }),
    );
  });
}
