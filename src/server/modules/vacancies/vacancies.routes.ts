import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CandidateVacancyDetailResponseSchema,
  CandidateVacancyListResponseSchema,
  CandidateVacancyQuerySchema,
  CreateVacancyRequestSchema,
  UpdateVacancyRequestSchema,
  VacancyAttachmentSchema,
  VacancyHistoryResponseSchema,
  VacancyListQuerySchema,
  VacancyListResponseSchema,
  VacancyOptionsResponseSchema,
  VacancyResponseSchema,
  VacancySourcesResponseSchema,
  VacancyTransitionRequestSchema,
} from "../../../contracts/vacancies";
import { principalOf, requirePrincipal } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { cleanFileName, UPLOAD_CONTENT_TYPES } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { acceptRawUploads, rawBody, sendDownload, sendImage } from "../../platform/uploads";
import { getEducationLevels } from "../taxonomy/reference-data";
import { vacanciesPolicy } from "./vacancies.policy";
import { UPLOAD_MAX_BYTES, type VacancyService } from "./vacancies.service";
import { renderVacancyPdf } from "./vacancy-pdf";

const errors = errorResponses(400, 401, 403, 404, 409);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };

const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });
const SourceSchema = z
  .string()
  .regex(/^[a-z0-9._-]{1,60}$/i)
  .optional()
  .catch(undefined);

/** Vacancies for staff (overview, form, life cycle, files) and for candidates (search, apply). */
export async function registerVacancyRoutes(
  app: FastifyInstance,
  deps: { vacancies: VacancyService },
): Promise<void> {
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const { vacancies } = deps;
    const locale = requestLocale;

    acceptRawUploads(scope, {
      maxBytes: UPLOAD_MAX_BYTES,
      tooLarge: (request) => ({
        path: request.url.includes("/applications") ? "cv" : "file",
        messageKey: "file_too_large",
      }),
    });
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 20_000 },
    });

    r.get(
      "/api/v1/vacancies",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "The staff overview: search, filters (HalloWerk), sorting, pages of 20",
          querystring: VacancyListQuerySchema,
          response: { 200: VacancyListResponseSchema, ...errors },
        },
      },
      async (request) => vacancies.list(requirePrincipal(request), request.query),
    );

    r.get(
      "/api/v1/vacancies/options",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Employers, departments, contact persons, account managers and owners the form offers",
          querystring: z.object({ organisationId: z.string().uuid().optional() }),
          response: { 200: VacancyOptionsResponseSchema, ...errors },
        },
      },
      async (request) => vacancies.options(requirePrincipal(request), request.query.organisationId),
    );

    r.post(
      "/api/v1/vacancies",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Create a vacancy (a draft), or an HR officer's request for one",
          body: CreateVacancyRequestSchema,
          response: { 201: VacancyResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          vacancy: await vacancies.create(requirePrincipal(request), request.body, locale(request)),
        }),
    );

    r.get(
      "/api/v1/vacancies/:id",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "One vacancy with everything staff see, and what the caller may do with it",
          params: IdParams,
          response: { 200: VacancyResponseSchema, ...errors },
        },
      },
      async (request) => ({ vacancy: await vacancies.get(requirePrincipal(request), request.params.id) }),
    );

    r.patch(
      "/api/v1/vacancies/:id",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Change a vacancy (only the fields sent); every change goes into its history",
          params: IdParams,
          body: UpdateVacancyRequestSchema,
          response: { 200: VacancyResponseSchema, ...errors },
        },
      },
      async (request) => ({
        vacancy: await vacancies.update(
          requirePrincipal(request),
          request.params.id,
          request.body,
          locale(request),
        ),
      }),
    );

    r.post(
      "/api/v1/vacancies/:id/transitions",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary:
            "Publish, withdraw, close, archive, reactivate; approve or reject a request (with a comment)",
          params: IdParams,
          body: VacancyTransitionRequestSchema,
          response: { 200: VacancyResponseSchema, ...errors },
        },
      },
      async (request) => ({
        vacancy: await vacancies.transition(
          requirePrincipal(request),
          request.params.id,
          request.body.action,
          request.body.comment,
          locale(request),
        ),
      }),
    );

    r.post(
      "/api/v1/vacancies/:id/copy",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Copy a vacancy into a new draft (then edit it)",
          params: IdParams,
          response: { 201: VacancyResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ vacancy: await vacancies.copy(requirePrincipal(request), request.params.id) }),
    );

    r.delete(
      "/api/v1/vacancies/:id",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Delete a draft or archived vacancy for good; needs ?confirm=true",
          params: IdParams,
          querystring: z.object({ confirm: z.enum(["true", "false"]).optional() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await vacancies.remove(
          requirePrincipal(request),
          request.params.id,
          request.query.confirm === "true",
        );
        return reply.code(204).send(null);
      },
    );

    r.get(
      "/api/v1/vacancies/:id/history",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Every change to the vacancy: who, when, what and why",
          params: IdParams,
          response: { 200: VacancyHistoryResponseSchema, ...errors },
        },
      },
      async (request) => ({ history: await vacancies.history(requirePrincipal(request), request.params.id) }),
    );

    r.get(
      "/api/v1/vacancies/:id/sources",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Views and applications per source (job sites, newsletters, the board itself)",
          params: IdParams,
          response: { 200: VacancySourcesResponseSchema, ...errors },
        },
      },
      async (request) => ({ sources: await vacancies.sources(requirePrincipal(request), request.params.id) }),
    );

    r.post(
      "/api/v1/vacancies/:id/attachments",
      {
        config: { access: vacanciesPolicy.staff },
        bodyLimit: UPLOAD_MAX_BYTES,
        schema: {
          tags: ["vacancies"],
          summary: "Attach a file (PDF, DOCX or image, at most 10 MB) sent as the request body",
          consumes: [...UPLOAD_CONTENT_TYPES],
          params: IdParams,
          querystring: z.object({ fileName: z.string().trim().min(1).max(200) }),
          response: { 201: z.object({ attachment: VacancyAttachmentSchema }), ...uploadErrors },
        },
      },
      async (request, reply) => {
        const attachment = await vacancies.addAttachment(
          requirePrincipal(request),
          request.params.id,
          { fileName: cleanFileName(request.query.fileName, "bijlage"), data: rawBody(request) },
          locale(request),
        );
        return reply.code(201).send({ attachment });
      },
    );

    r.get(
      "/api/v1/vacancies/:id/attachments/:attachmentId",
      {
        config: { access: { roles: [...vacanciesPolicy.staff.roles, "candidate"] } },
        schema: {
          tags: ["vacancies"],
          summary: "Download an attachment (always as a download, never shown inline)",
          params: AttachmentParams,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await vacancies.attachment(
            requirePrincipal(request),
            request.params.id,
            request.params.attachmentId,
          ),
        ),
    );

    r.delete(
      "/api/v1/vacancies/:id/attachments/:attachmentId",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Remove an attachment",
          params: AttachmentParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await vacancies.removeAttachment(
          requirePrincipal(request),
          request.params.id,
          request.params.attachmentId,
        );
        return reply.code(204).send(null);
      },
    );

    r.put(
      "/api/v1/vacancies/:id/image",
      {
        config: { access: vacanciesPolicy.staff },
        bodyLimit: UPLOAD_MAX_BYTES,
        schema: {
          tags: ["vacancies"],
          summary: "Set the vacancy's image (PNG, JPG or WebP, at most 10 MB) sent as the request body",
          consumes: [...UPLOAD_CONTENT_TYPES],
          params: IdParams,
          response: { 200: VacancyResponseSchema, ...uploadErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError("unsupported_media_type");
        return {
          vacancy: await vacancies.setImage(
            requirePrincipal(request),
            request.params.id,
            request.body,
            locale(request),
          ),
        };
      },
    );

    r.delete(
      "/api/v1/vacancies/:id/image",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "Remove the vacancy's own image (the organisation's logo shows again)",
          params: IdParams,
          response: { 200: VacancyResponseSchema, ...errors },
        },
      },
      async (request) => ({
        vacancy: await vacancies.removeImage(requirePrincipal(request), request.params.id),
      }),
    );

    r.get(
      "/api/v1/vacancies/:id/image",
      {
        config: { access: vacanciesPolicy.image },
        schema: {
          tags: ["vacancies"],
          summary: "The vacancy's image or the organisation's logo, for whoever can see the vacancy",
          params: IdParams,
          querystring: z.object({ v: z.string().max(100).optional() }),
        },
      },
      async (request, reply) => {
        const file = await vacancies.image(principalOf(request), request.params.id);
        return sendImage(reply, file, "public");
      },
    );

    r.get(
      "/api/v1/vacancies/:id/pdf",
      {
        config: { access: vacanciesPolicy.staff },
        schema: {
          tags: ["vacancies"],
          summary: "The vacancy as a PDF that looks like its page (download)",
          params: IdParams,
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const vacancy = await vacancies.get(principal, request.params.id);
        const image = vacancy.imageUrl
          ? await vacancies.image(principal, vacancy.id).catch(() => null)
          : null;
        const lang = locale(request);
        const portal = request.portal?.portal;
        const pdf = await renderVacancyPdf(vacancy, {
          locale: lang,
          portalName: portal ? portal.name[lang] : "Werkbrug",
          primaryColor: portal?.primaryColor ?? "#1c4f7c",
          educationLabel: vacancy.educationLevel
            ? (getEducationLevels().find((l) => l.id === vacancy.educationLevel)?.label[lang] ?? null)
            : null,
          image: image?.data ?? null,
        });
        const name = `${
          vacancy.displayTitle
            .replace(/[^\p{L}\p{N} -]/gu, "")
            .trim()
            .slice(0, 80) || "vacature"
        }.pdf`;
        return sendDownload(reply, { data: pdf, contentType: "application/pdf", fileName: name });
      },
    );

    // Candidate side.
    r.get(
      "/api/v1/vacancies/for-candidate",
      {
        config: { access: vacanciesPolicy.candidate },
        schema: {
          tags: ["vacancies"],
          summary:
            "Vacancies this candidate can see (own organisation, own portal, all portals, public), searchable",
          querystring: CandidateVacancyQuerySchema,
          response: { 200: CandidateVacancyListResponseSchema, ...errors },
        },
      },
      async (request) =>
        vacancies.candidateList(requirePrincipal(request), request.query, request.portal?.row.id ?? null),
    );

    r.get(
      "/api/v1/vacancies/for-candidate/:id",
      {
        config: { access: vacanciesPolicy.candidate },
        schema: {
          tags: ["vacancies"],
          summary: "A vacancy as the candidate sees it, and whether they responded",
          params: IdParams,
          querystring: z.object({ utm_source: SourceSchema }),
          response: { 200: CandidateVacancyDetailResponseSchema, ...errors },
        },
      },
      async (request) => ({
        vacancy: await vacancies.candidateDetail(
          requirePrincipal(request),
          request.params.id,
          request.query.utm_source?.toLowerCase() ?? "app",
        ),
      }),
    );
  });
}
