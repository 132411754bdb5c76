import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CandidateDocumentSchema,
  CandidateMeResponseSchema,
  CandidateStaffViewSchema,
  ContactDetailsResponseSchema,
  ContactViewsResponseSchema,
  MediaPhotoSchema,
  SetPortalVisibilityRequestSchema,
  UpdateCandidateProfileRequestSchema,
  UploadDocumentQuerySchema,
  VisibilityResponseSchema,
} from "../../../contracts/candidates";
import { cleanFileName, UPLOAD_CONTENT_TYPES } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { acceptRawUploads, rawBody, sendDownload, sendImage } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { candidatesPolicy } from "./candidates.policy";
import { type CandidateService, DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES } from "./candidates.service";

const errors = errorResponses(400, 401, 403, 404);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };

const IdParams = z.object({ id: z.string().uuid() });
const DocumentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });
const PhotoParams = z.object({ id: z.string().uuid(), photoId: z.string().uuid() });
const VersionQuery = z.object({ v: z.string().max(100).optional() });

function isPhotoUpload(request: FastifyRequest): boolean {
  return /\/(photo|media\/photos)(\?|$)/.test(request.url);
}

/** The candidate profile: the candidate's own side under /me, the staff view by id. */
export async function registerCandidateRoutes(
  app: FastifyInstance,
  deps: { candidates: CandidateService },
): Promise<void> {
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const { candidates } = deps;
    const locale = requestLocale;

    // Photos 5 MB, documents 10 MB: each route sets its own limit under this ceiling.
    acceptRawUploads(scope, {
      maxBytes: DOCUMENT_MAX_BYTES,
      tooLarge: (request) =>
        isPhotoUpload(request)
          ? { path: "photo", messageKey: "photo_too_large" }
          : { path: "file", messageKey: "file_too_large" },
    });

    // The candidate's own side.
    r.get(
      "/api/v1/candidates/me",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "My profile with what is still missing and where I am visible",
          response: { 200: CandidateMeResponseSchema, ...errors },
        },
      },
      async (request) => candidates.me(callerOf(request)),
    );

    r.patch(
      "/api/v1/candidates/me/profile",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary:
            "Change parts of my profile (general, preferences, availability, contact, experience, education, courses, media, hobbies); a list is replaced whole, a refused change saves nothing",
          body: UpdateCandidateProfileRequestSchema,
          response: { 200: CandidateMeResponseSchema, ...errors },
        },
      },
      async (request) => candidates.updateProfile(callerOf(request), request.body, locale(request)),
    );

    r.put(
      "/api/v1/candidates/me/photo",
      {
        config: { access: candidatesPolicy.candidate },
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags: ["candidates"],
          summary: "Set my profile photo (PNG, JPG or WebP, at most 5 MB) sent as the request body",
          consumes: [...UPLOAD_CONTENT_TYPES],
          response: { 200: z.object({ photoUrl: z.string() }), ...uploadErrors },
        },
      },
      async (request) => candidates.setPhoto(callerOf(request), rawBody(request), locale(request)),
    );

    r.delete(
      "/api/v1/candidates/me/photo",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Remove my profile photo",
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await candidates.removePhoto(callerOf(request));
        return reply.code(204).send(null);
      },
    );

    r.get(
      "/api/v1/candidates/me/photo",
      {
        config: { access: candidatesPolicy.candidate },
        schema: { tags: ["candidates"], summary: "My profile photo", querystring: VersionQuery },
      },
      async (request, reply) => sendImage(reply, await candidates.ownPhoto(callerOf(request))),
    );

    r.post(
      "/api/v1/candidates/me/media/photos",
      {
        config: { access: candidatesPolicy.candidate },
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags: ["candidates"],
          summary: "Add a photo to my media (PNG, JPG or WebP, at most 5 MB) sent as the request body",
          consumes: [...UPLOAD_CONTENT_TYPES],
          response: { 201: z.object({ photo: MediaPhotoSchema }), ...uploadErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          photo: await candidates.addMediaPhoto(callerOf(request), rawBody(request), locale(request)),
        }),
    );

    r.get(
      "/api/v1/candidates/me/media/photos/:photoId",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "One of my media photos",
          params: z.object({ photoId: z.string().uuid() }),
        },
      },
      async (request, reply) =>
        sendImage(reply, await candidates.ownMediaPhoto(callerOf(request), request.params.photoId)),
    );

    r.delete(
      "/api/v1/candidates/me/media/photos/:photoId",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Remove one of my media photos",
          params: z.object({ photoId: z.string().uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await candidates.removeMediaPhoto(callerOf(request), request.params.photoId);
        return reply.code(204).send(null);
      },
    );

    r.post(
      "/api/v1/candidates/me/documents",
      {
        config: { access: candidatesPolicy.candidate },
        bodyLimit: DOCUMENT_MAX_BYTES,
        schema: {
          tags: ["candidates"],
          summary: "Add my CV or another document (PDF or DOCX, at most 10 MB) sent as the request body",
          consumes: [...UPLOAD_CONTENT_TYPES],
          querystring: UploadDocumentQuerySchema,
          response: { 201: z.object({ document: CandidateDocumentSchema }), ...uploadErrors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          document: await candidates.addDocument(
            callerOf(request),
            {
              fileName: cleanFileName(request.query.fileName, "document"),
              kind: request.query.kind,
              data: rawBody(request),
            },
            locale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/candidates/me/documents/:documentId",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Download one of my documents (always as a download)",
          params: z.object({ documentId: z.string().uuid() }),
        },
      },
      async (request, reply) =>
        sendDownload(reply, await candidates.ownDocument(callerOf(request), request.params.documentId)),
    );

    r.delete(
      "/api/v1/candidates/me/documents/:documentId",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Remove one of my documents",
          params: z.object({ documentId: z.string().uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await candidates.removeDocument(callerOf(request), request.params.documentId);
        return reply.code(204).send(null);
      },
    );

    r.put(
      "/api/v1/candidates/me/visibility",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Show or hide me in the candidates overview of one portal (by id or slug)",
          body: SetPortalVisibilityRequestSchema,
          response: { 200: VisibilityResponseSchema, ...errors },
        },
      },
      async (request) => ({
        visibility: await candidates.setVisibility(callerOf(request), request.body, locale(request)),
      }),
    );

    r.get(
      "/api/v1/candidates/me/contact-views",
      {
        config: { access: candidatesPolicy.candidate },
        schema: {
          tags: ["candidates"],
          summary: "Who opened my contact details (person and organisation) and when, newest first",
          response: { 200: ContactViewsResponseSchema, ...errors },
        },
      },
      async (request) => ({ views: await candidates.contactViews(callerOf(request)) }),
    );

    // Staff side: only candidates visible on the request's portal, for staff at home there.
    r.get(
      "/api/v1/candidates/:id",
      {
        config: { access: candidatesPolicy.staff },
        schema: {
          tags: ["candidates"],
          summary: "A candidate's profile as staff see it (no contact details); 404 unless visible here",
          params: IdParams,
          response: { 200: z.object({ candidate: CandidateStaffViewSchema }), ...errors },
        },
      },
      async (request) => ({
        candidate: await candidates.staffView(callerOf(request), request.params.id),
      }),
    );

    r.get(
      "/api/v1/candidates/:id/contact-details",
      {
        config: { access: candidatesPolicy.staff },
        schema: {
          tags: ["candidates"],
          summary:
            "Contact details (logged every time): the candidate's own when they chose direct contact, otherwise their account manager's",
          params: IdParams,
          response: { 200: ContactDetailsResponseSchema, ...errors },
        },
      },
      async (request) => candidates.contactDetails(callerOf(request), request.params.id),
    );

    r.get(
      "/api/v1/candidates/:id/documents/:documentId",
      {
        config: { access: candidatesPolicy.staff },
        schema: {
          tags: ["candidates"],
          summary: "Download a visible candidate's CV or other document (always as a download)",
          params: DocumentParams,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await candidates.staffDocument(callerOf(request), request.params.id, request.params.documentId),
        ),
    );

    r.get(
      "/api/v1/candidates/:id/photo",
      {
        config: { access: candidatesPolicy.staff },
        schema: {
          tags: ["candidates"],
          summary: "A visible candidate's profile photo",
          params: IdParams,
          querystring: VersionQuery,
        },
      },
      async (request, reply) =>
        sendImage(reply, await candidates.staffPhoto(callerOf(request), request.params.id)),
    );

    r.get(
      "/api/v1/candidates/:id/media/photos/:photoId",
      {
        config: { access: candidatesPolicy.staff },
        schema: {
          tags: ["candidates"],
          summary: "A photo from a visible candidate's media",
          params: PhotoParams,
        },
      },
      async (request, reply) =>
        sendImage(
          reply,
          await candidates.staffMediaPhoto(callerOf(request), request.params.id, request.params.photoId),
        ),
    );
  });
}
