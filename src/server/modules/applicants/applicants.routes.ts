import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AddNoteRequestSchema,
  ApplicantDetailResponseSchema,
  ApplicantListQuerySchema,
  ApplicantListResponseSchema,
  CorrectFieldRequestSchema,
  CorrectFieldResponseSchema,
  MailApplicantsRequestSchema,
  MailingResponseSchema,
  MailPreviewResponseSchema,
  MailTemplateListQuerySchema,
  MailTemplateListResponseSchema,
  MailTemplateResponseSchema,
  MoveApplicantsRequestSchema,
  MoveApplicantsResponseSchema,
  NoteResponseSchema,
  SaveMailTemplateRequestSchema,
} from "../../../contracts/applicants";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { addNote, correctField, moveApplicants } from "./actions/changes";
import type { ApplicantDeps } from "./actions/context";
import { applicantAnswerFile, applicantCv, getApplicant } from "./actions/detail";
import { listApplicants } from "./actions/list";
import { getMailing, previewMailing, sendMailing } from "./actions/mailings";
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from "./actions/templates";
import { applicantsPolicy } from "./applicants.policy";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const VacancyParams = z.object({ id: z.string().uuid() });
const ApplicantParams = z.object({ id: z.string().uuid(), matchId: z.string().uuid() });
const MailingParams = z.object({ id: z.string().uuid(), mailingId: z.string().uuid() });
const TemplateParams = z.object({ id: z.string().uuid() });

export interface ApplicantRouteDeps {
  applicants: ApplicantDeps;
}

/**
 * A vacancy's applicants for its staff (Vlimpers "sollicitanten raadplegen en beheren") under
 * /api/v1/vacancies/:id/applicants, and the organisation's mail templates.
 */
export async function registerApplicantRoutes(app: FastifyInstance, deps: ApplicantRouteDeps): Promise<void> {
  const { applicants } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const staff = { access: applicantsPolicy.staff };
    const readers = { access: applicantsPolicy.readers };
    const authors = { access: applicantsPolicy.templateAuthors };
    const tags = ["applicants"];

    r.get(
      "/api/v1/vacancies/:id/applicants",
      {
        config: readers,
        schema: {
          tags,
          summary:
            "The vacancy's applicants, filtered by phase, source, channel, applied date and name or e-mail, paged, with counts per phase, source and channel",
          params: VacancyParams,
          querystring: ApplicantListQuerySchema,
          response: { 200: ApplicantListResponseSchema, ...errors },
        },
      },
      async (request) => listApplicants(applicants, callerOf(request), request.params.id, request.query),
    );

    r.post(
      "/api/v1/vacancies/:id/applicants/moves",
      {
        config: staff,
        schema: {
          tags,
          summary:
            "Move several applicants to a phase at once (all or none; 422 naming any id that is not an applicant of this vacancy)",
          params: VacancyParams,
          body: MoveApplicantsRequestSchema,
          response: { 200: MoveApplicantsResponseSchema, ...errors },
        },
      },
      async (request) =>
        moveApplicants(
          applicants,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
    );

    r.post(
      "/api/v1/vacancies/:id/applicants/mailings/preview",
      {
        config: staff,
        schema: {
          tags,
          summary: "Each recipient's mail as it would be sent, in their language, merge fields filled",
          params: VacancyParams,
          body: MailApplicantsRequestSchema,
          response: { 200: MailPreviewResponseSchema, ...errors },
        },
      },
      async (request) =>
        previewMailing(
          applicants,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
    );

    r.post(
      "/api/v1/vacancies/:id/applicants/mailings",
      {
        config: staff,
        schema: {
          tags,
          summary: "Mail applicants from a template (each in their language) or with one text",
          params: VacancyParams,
          body: MailApplicantsRequestSchema,
          response: { 201: MailingResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          mailing: await sendMailing(
            applicants,
            callerOf(request),
            request.params.id,
            request.body,
            requestMessageLocale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/vacancies/:id/applicants/mailings/:mailingId",
      {
        config: staff,
        schema: {
          tags,
          summary: "A mailing with each recipient's delivery (sending, sent, failed)",
          params: MailingParams,
          response: { 200: MailingResponseSchema, ...errors },
        },
      },
      async (request) => ({
        mailing: await getMailing(applicants, callerOf(request), request.params.id, request.params.mailingId),
      }),
    );

    r.get(
      "/api/v1/vacancies/:id/applicants/:matchId",
      {
        config: readers,
        schema: {
          tags,
          summary:
            "One applicant: profile, contact details, CV, answers, corrected fields with history, notes and timeline",
          params: ApplicantParams,
          response: { 200: ApplicantDetailResponseSchema, ...errors },
        },
      },
      async (request) => ({
        applicant: await getApplicant(
          applicants,
          callerOf(request),
          request.params.id,
          request.params.matchId,
        ),
      }),
    );

    r.get(
      "/api/v1/vacancies/:id/applicants/:matchId/cv",
      {
        config: readers,
        schema: { tags, summary: "The CV sent with the application (download)", params: ApplicantParams },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await applicantCv(applicants, callerOf(request), request.params.id, request.params.matchId),
        ),
    );

    r.get(
      "/api/v1/vacancies/:id/applicants/:matchId/files/:fileId",
      {
        config: readers,
        schema: {
          tags,
          summary: "A file the applicant sent with the application form (download)",
          params: ApplicantParams.extend({ fileId: z.string().uuid() }),
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await applicantAnswerFile(
            applicants,
            callerOf(request),
            request.params.id,
            request.params.matchId,
            request.params.fileId,
          ),
        ),
    );

    r.post(
      "/api/v1/vacancies/:id/applicants/:matchId/notes",
      {
        config: staff,
        schema: {
          tags,
          summary: "A note on the applicant, for the vacancy's staff (never shown to the candidate)",
          params: ApplicantParams,
          body: AddNoteRequestSchema,
          response: { 201: NoteResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          note: await addNote(
            applicants,
            callerOf(request),
            request.params.id,
            request.params.matchId,
            request.body,
          ),
        }),
    );

    r.post(
      "/api/v1/vacancies/:id/applicants/:matchId/corrections",
      {
        config: staff,
        schema: {
          tags,
          summary:
            "Correct a field of the application (national register number, names, e-mail, phone); empty takes the correction back",
          params: ApplicantParams,
          body: CorrectFieldRequestSchema,
          response: { 200: CorrectFieldResponseSchema, ...errors },
        },
      },
      async (request) => ({
        field: await correctField(
          applicants,
          callerOf(request),
          request.params.id,
          request.params.matchId,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/applicant-mail-templates",
      {
        config: staff,
        schema: {
          tags,
          summary: "The mail templates of my organisations (or of one), with the merge fields they may hold",
          querystring: MailTemplateListQuerySchema,
          response: { 200: MailTemplateListResponseSchema, ...errors },
        },
      },
      async (request) => listTemplates(applicants, callerOf(request), request.query.organisationId),
    );

    r.post(
      "/api/v1/applicant-mail-templates",
      {
        config: authors,
        schema: {
          tags,
          summary: "A new mail template (subject and body in Dutch and English, German and French optional)",
          body: SaveMailTemplateRequestSchema,
          response: { 201: MailTemplateResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          template: await createTemplate(
            applicants,
            callerOf(request),
            request.body,
            requestMessageLocale(request),
          ),
        }),
    );

    r.put(
      "/api/v1/applicant-mail-templates/:id",
      {
        config: authors,
        schema: {
          tags,
          summary: "Change a mail template",
          params: TemplateParams,
          body: SaveMailTemplateRequestSchema,
          response: { 200: MailTemplateResponseSchema, ...errors },
        },
      },
      async (request) => ({
        template: await updateTemplate(
          applicants,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.delete(
      "/api/v1/applicant-mail-templates/:id",
      {
        config: authors,
        schema: {
          tags,
          summary: "Delete a mail template (mailings sent with it stay)",
          params: TemplateParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteTemplate(applicants, callerOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  });
}
