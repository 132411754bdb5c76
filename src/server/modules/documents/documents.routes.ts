import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ContactDocumentsResponseSchema,
  DocumentTypesQuerySchema,
  DocumentTypesResponseSchema,
  MATCH_DOCUMENT_MAX_BYTES,
  MatchDocumentsSchema,
  SetDocumentTypeRequestSchema,
  UpdateDocumentTypesRequestSchema,
  UploadedDocumentResponseSchema,
} from "../../../contracts/documents";
import type { Access } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { cleanFileName } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { acceptRawUploads, sendDownload, uploadTooLarge } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { VACANCY_STAFF_ROLES } from "../vacancies";
import { APPLICATION_CV, type DocumentService } from "./documents.service";

const errors = errorResponses(400, 401, 403, 404);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const MatchParams = z.object({ id: z.string().uuid() });
const DocumentParams = z.object({
  id: z.string().uuid(),
  documentId: z.union([z.string().uuid(), z.literal(APPLICATION_CV)]),
});

/** Who may reach what (the services decide per organisation and match). */
export const documentsPolicy = {
  /** The team's settings screen: its administrators change it, its account managers read it. */
  team: { roles: ["org_admin", "account_manager"] },
  /** The "Documenten" page of contact persons (and HR officers, who see matches the same way). */
  contacts: { roles: ["employer_contact", "hr_officer"] },
  /** A match's documents: whoever may see the match (the matches module decides). */
  match: { roles: VACANCY_STAFF_ROLES },
} as const satisfies Record<string, Access>;

/** Document types per team, and the documents of a match as each caller may see them. */
export async function registerDocumentRoutes(
  app: FastifyInstance,
  deps: { documents: DocumentService },
): Promise<void> {
  const { documents } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    acceptRawUploads(scope, {
      maxBytes: MATCH_DOCUMENT_MAX_BYTES,
      tooLarge: () => ({ path: "file", messageKey: "file_too_large" }),
    });
    await scope.register(multipart, {
      limits: { fileSize: MATCH_DOCUMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
    });

    r.get(
      "/api/v1/document-types",
      {
        config: { access: documentsPolicy.team },
        schema: {
          tags: ["documents"],
          summary: "The document types and which of them contact persons see (and may upload), for one team",
          querystring: DocumentTypesQuerySchema,
          response: { 200: DocumentTypesResponseSchema, ...errors },
        },
      },
      async (request) => documents.typesOf(callerOf(request), request.query.organisationId),
    );

    r.put(
      "/api/v1/document-types",
      {
        config: { access: documentsPolicy.team },
        schema: {
          tags: ["documents"],
          summary: "Set which document types contact persons see and may upload (the team's administrator)",
          body: UpdateDocumentTypesRequestSchema,
          response: { 200: DocumentTypesResponseSchema, ...errors },
        },
      },
      async (request) => documents.updateTypes(callerOf(request), request.body),
    );

    r.get(
      "/api/v1/documents",
      {
        config: { access: documentsPolicy.contacts },
        schema: {
          tags: ["documents"],
          summary: "Every document of a visible type on the matches the contact person may see",
          response: { 200: ContactDocumentsResponseSchema, ...errors },
        },
      },
      async (request) => ({ matches: await documents.contactDocuments(callerOf(request)) }),
    );

    r.get(
      "/api/v1/matches/:id/documents",
      {
        config: { access: documentsPolicy.match },
        schema: {
          tags: ["documents"],
          summary:
            "The candidate's documents on a match: contact persons only those of visible types, the team all",
          params: MatchParams,
          response: { 200: MatchDocumentsSchema, ...errors },
        },
      },
      async (request) => documents.matchDocuments(callerOf(request), request.params.id),
    );

    r.get(
      "/api/v1/matches/:id/documents/:documentId",
      {
        config: { access: documentsPolicy.match },
        schema: {
          tags: ["documents"],
          summary:
            "Download a document of the match (always as a download); 404 for a type the caller does not see",
          params: DocumentParams,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await documents.download(callerOf(request), request.params.id, request.params.documentId),
        ),
    );

    r.post(
      "/api/v1/matches/:id/documents",
      {
        config: { access: documentsPolicy.match },
        schema: {
          tags: ["documents"],
          summary:
            "Upload a document to the candidate's file on this match (multipart: type, file as PDF, DOCX, JPEG or PNG up to 10 MB); contacts only of visible types",
          consumes: ["multipart/form-data"],
          params: MatchParams,
          response: { 201: UploadedDocumentResponseSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError("unsupported_media_type");
        let type: string | null = null;
        let file: { fileName: string; data: Buffer } | null = null;
        for await (const part of request.parts()) {
          if (part.type === "file") {
            const data = await part.toBuffer();
            if (part.file.truncated)
              throw uploadTooLarge(request, { path: "file", messageKey: "file_too_large" });
            if (part.fieldname === "file")
              file = { fileName: cleanFileName(part.filename, "document"), data };
          } else if (part.fieldname === "type" && typeof part.value === "string") {
            type = part.value;
          }
        }
        const document = await documents.upload(
          callerOf(request),
          request.params.id,
          { type, file },
          requestMessageLocale(request),
        );
        return reply.code(201).send({ document });
      },
    );

    r.patch(
      "/api/v1/matches/:id/documents/:documentId",
      {
        config: { access: documentsPolicy.match },
        schema: {
          tags: ["documents"],
          summary: "Set a document's type (the team)",
          params: z.object({ id: z.string().uuid(), documentId: z.string().uuid() }),
          body: SetDocumentTypeRequestSchema,
          response: { 200: UploadedDocumentResponseSchema, ...errors },
        },
      },
      async (request) => ({
        document: await documents.setType(
          callerOf(request),
          request.params.id,
          request.params.documentId,
          request.body.type,
        ),
      }),
    );
  });
}
