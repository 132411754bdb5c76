import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { uiLocaleOf } from "../../../contracts/common";
import { VacancyAttachmentSchema, VacancyResponseSchema } from "../../../contracts/vacancies";
import { AppError } from "../../platform/errors";
import { cleanFileName, UPLOAD_CONTENT_TYPES } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale as locale } from "../../platform/i18n";
import { rawBody, sendDownload, sendImage } from "../../platform/uploads";
import { sessionUserOf } from "../identity";
import { getEducationLevels } from "../taxonomy";
import { callerOf } from "../tenancy";
import type { VacancyDeps } from "./actions/context";
import { getVacancy } from "./actions/read-vacancy";
import { addAttachment, downloadAttachment, removeAttachment } from "./actions/vacancy-attachments";
import { removeVacancyImage, setVacancyImage, vacancyImage } from "./actions/vacancy-image";
import { UPLOAD_MAX_BYTES, vacanciesPolicy } from "./vacancies.policy";
import { renderVacancyPdf } from "./vacancy-pdf";

const errors = errorResponses(400, 401, 403, 404, 409);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });

/** A vacancy's attachments, image and PDF (in the scope that accepts raw uploads). */
export function registerVacancyFileRoutes(scope: FastifyInstance, deps: VacancyDeps): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();

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
      const attachment = await addAttachment(
        deps,
        callerOf(request),
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
        await downloadAttachment(deps, callerOf(request), request.params.id, request.params.attachmentId),
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
      await removeAttachment(deps, callerOf(request), request.params.id, request.params.attachmentId);
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
        vacancy: await setVacancyImage(
          deps,
          callerOf(request),
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
    async (request) => ({ vacancy: await removeVacancyImage(deps, callerOf(request), request.params.id) }),
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
    async (request, reply) =>
      sendImage(reply, await vacancyImage(deps, callerOf(request), request.params.id), "public"),
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
      const caller = callerOf(request);
      const vacancy = await getVacancy(deps, caller, request.params.id);
      const image = vacancy.imageUrl ? await vacancyImage(deps, caller, vacancy.id).catch(() => null) : null;
      const lang = locale(request);
      // An employer contact reads it in their account's language, German and French included.
      const account = uiLocaleOf(sessionUserOf(request)?.locale);
      const portal = request.portal?.portal;
      const pdf = await renderVacancyPdf(vacancy, {
        locale: account === "de" || account === "fr" ? account : lang,
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
}
