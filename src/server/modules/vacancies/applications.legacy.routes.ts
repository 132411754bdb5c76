import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApplicationListResponseSchema, ApplicationResponseSchema } from "../../../contracts/vacancies";
import { requirePrincipal } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { cleanFileName } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale as locale } from "../../platform/i18n";
import { sendDownload, uploadTooLarge } from "../../platform/uploads";
import type { ApplicationsLegacy } from "./applications.legacy";
import { SourceSchema } from "./candidate-vacancies.routes";
import { vacanciesPolicy } from "./vacancies.policy";

/*
 * LEGACY, to be dropped at merge with applications.legacy.ts: a candidate's applications, as
 * they were in vacancies.routes.ts (registered in the vacancy routes' scope, which takes
 * multipart bodies). The matches module takes them over.
 */

const errors = errorResponses(400, 401, 403, 404, 409);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const IdParams = z.object({ id: z.string().uuid() });

export function registerApplicationLegacyRoutes(scope: FastifyInstance, vacancies: ApplicationsLegacy): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/vacancies/:id/applications",
    {
      config: { access: vacanciesPolicy.candidate },
      schema: {
        tags: ["vacancies"],
        summary: "Respond to a vacancy (multipart: motivation, optional cv as PDF or DOCX up to 10 MB)",
        consumes: ["multipart/form-data"],
        params: IdParams,
        querystring: z.object({ utm_source: SourceSchema }),
        response: { 201: ApplicationResponseSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("unsupported_media_type");
      let motivation = "";
      let cv: { fileName: string; data: Buffer } | null = null;
      for await (const part of request.parts()) {
        if (part.type === "file") {
          if (part.fieldname !== "cv") {
            await part.toBuffer();
            continue;
          }
          const data = await part.toBuffer();
          if (part.file.truncated)
            throw uploadTooLarge(request, { path: "cv", messageKey: "file_too_large" });
          if (data.length > 0) cv = { fileName: cleanFileName(part.filename, "cv"), data };
        } else if (part.fieldname === "motivation" && typeof part.value === "string") {
          motivation = part.value;
        }
      }
      const application = await vacancies.apply(
        requirePrincipal(request),
        request.params.id,
        { motivation, cv, source: request.query.utm_source?.toLowerCase() ?? null },
        request.portal?.row.id ?? null,
        locale(request),
      );
      return reply.code(201).send({ application });
    },
  );

  r.get(
    "/api/v1/applications/mine",
    {
      config: { access: vacanciesPolicy.candidate },
      schema: {
        tags: ["vacancies"],
        summary: 'My applications ("mijn sollicitaties") with their status',
        response: { 200: ApplicationListResponseSchema, ...errors },
      },
    },
    async (request) => ({ applications: await vacancies.myApplications(requirePrincipal(request)) }),
  );

  r.get(
    "/api/v1/applications/:id/cv",
    {
      config: { access: vacanciesPolicy.candidate },
      schema: {
        tags: ["vacancies"],
        summary: "The CV sent with one of my applications (download)",
        params: IdParams,
      },
    },
    async (request, reply) =>
      sendDownload(reply, await vacancies.applicationCv(requirePrincipal(request), request.params.id)),
  );
}
