import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  ConsentPurposeSchema,
  ConsentsResponseSchema,
  EraseAccountRequestSchema,
  PersonalDataExportSchema,
  SetConsentRequestSchema,
} from "../../../contracts/privacy";
import { attachmentDisposition } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { candidatesPolicy } from "./candidates.policy";
import type { PrivacyService } from "./privacy.service";
import { renderPersonalDataPdf } from "./privacy-pdf";

const errors = errorResponses(400, 401, 403, 404);

/** The session token from better-auth's cookie ("<token>.<signature>"), already checked by then. */
function sessionToken(request: FastifyRequest): string | null {
  const match = /(?:^|;\s*)(?:__Secure-)?werkbrug\.session_token=([^;]+)/.exec(request.headers.cookie ?? "");
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!).split(".")[0] || null;
  } catch {
    return null;
  }
}

/** "werkbrug-mijn-gegevens-2026-11-22.json" / "werkbrug-my-data-2026-11-22.pdf". */
function exportFileName(locale: "nl" | "en", exportedAt: string, ext: "json" | "pdf"): string {
  return `werkbrug-${locale === "en" ? "my-data" : "mijn-gegevens"}-${exportedAt.slice(0, 10)}.${ext}`;
}

/** Privacy self-service under /api/v1/candidates/me: consents, download my data, delete my account. */
export async function registerPrivacyRoutes(
  app: FastifyInstance,
  deps: { privacy: PrivacyService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { privacy } = deps;

  r.get(
    "/api/v1/candidates/me/consents",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary:
          "My consents per purpose (visible to employers per portal; research use) with their dates, and every change",
        response: { 200: ConsentsResponseSchema, ...errors },
      },
    },
    async (request) => privacy.consents(callerOf(request)),
  );

  r.put(
    "/api/v1/candidates/me/consents/:purpose",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary:
          "Give or withdraw a consent; employers_portal is the visibility on one portal (the request's portal unless given)",
        params: z.object({ purpose: ConsentPurposeSchema }),
        body: SetConsentRequestSchema,
        response: { 200: ConsentsResponseSchema, ...errors },
      },
    },
    async (request) =>
      privacy.setConsent(callerOf(request), request.params.purpose, request.body, requestLocale(request)),
  );

  r.get(
    "/api/v1/candidates/me/export.json",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary: "Download my data: everything stored about me, as a JSON file",
        response: { 200: PersonalDataExportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const data = await privacy.exportData(callerOf(request));
      const name = exportFileName(requestLocale(request), data.exportedAt, "json");
      return reply
        .header("content-disposition", attachmentDisposition(name))
        .header("cache-control", "private, no-store")
        .send(data);
    },
  );

  r.get(
    "/api/v1/candidates/me/export.pdf",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary: "Download my data as a readable PDF (Dutch or English by Accept-Language)",
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const data = await privacy.exportData(callerOf(request));
      const pdf = await renderPersonalDataPdf(data, { locale, now: new Date(data.exportedAt) });
      return sendDownload(reply, {
        data: pdf,
        contentType: "application/pdf",
        fileName: exportFileName(locale, data.exportedAt, "pdf"),
      });
    },
  );

  r.post(
    "/api/v1/candidates/me/erase",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary:
          "Delete my account: anonymises my profile and account for good (password required); applications stay as 'Geanonimiseerde kandidaat'",
        body: EraseAccountRequestSchema,
        response: {
          204: z.null(),
          ...errors,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      await privacy.erase(callerOf(request), request.body, sessionToken(request), requestLocale(request));
      return reply.code(204).send(null);
    },
  );
}
