import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors";
import { attachmentDisposition, UPLOAD_CONTENT_TYPES } from "./files";
import { fieldMessage, requestMessageLocale } from "./i18n";

/**
 * Uploads arrive as the raw request body, whatever type they declare, and are judged by their
 * content afterwards (files.ts). Registered in an encapsulated plugin scope: a body over
 * `maxBytes` is refused before it is read in full, as 413 with a field message from `tooLarge`.
 */
export function acceptRawUploads(
  scope: FastifyInstance,
  options: {
    maxBytes: number;
    /** The field the error names and its message key, from the request (photo or file …). */
    tooLarge: (request: FastifyRequest) => { path: string; messageKey: string };
  },
): void {
  for (const type of UPLOAD_CONTENT_TYPES) {
    if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
  }
  scope.addContentTypeParser(
    [...UPLOAD_CONTENT_TYPES],
    { parseAs: "buffer", bodyLimit: options.maxBytes },
    (_request, body, done) => done(null, body),
  );
  scope.setErrorHandler((error, request) => {
    const code = (error as { code?: string }).code;
    if (code === "FST_ERR_CTP_BODY_TOO_LARGE" || code === "FST_REQ_FILE_TOO_LARGE") {
      throw uploadTooLarge(request, options.tooLarge(request));
    }
    throw error;
  });
}

export function uploadTooLarge(
  request: FastifyRequest,
  field: { path: string; messageKey: string },
): AppError {
  return new AppError("payload_too_large", {
    fields: [{ path: field.path, message: fieldMessage(field.messageKey, requestMessageLocale(request)) }],
  });
}

/** The raw upload of a route that accepts one. */
export function rawBody(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) throw new AppError("unsupported_media_type");
  return request.body;
}

/** A stored file as a download, never shown inline (uploads are served as attachments). */
export function sendDownload(
  reply: FastifyReply,
  file: { data: Buffer; contentType: string; fileName: string },
) {
  return reply
    .type(file.contentType)
    .header("content-disposition", attachmentDisposition(file.fileName))
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(file.data);
}

/** An image checked by content on upload, shown inline; its URL changes with every upload. */
export function sendImage(
  reply: FastifyReply,
  file: { data: Buffer; contentType: string },
  cache: "private" | "public" = "private",
) {
  return reply
    .type(file.contentType)
    .header("content-disposition", "inline")
    .header("cache-control", `${cache}, max-age=86400`)
    .header("x-content-type-options", "nosniff")
    .send(file.data);
}
