import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  InboxQuerySchema,
  InboxResponseSchema,
  MESSAGE_ATTACHMENT_MAX_BYTES,
  MESSAGE_ATTACHMENTS_MAX,
  MessageableMatchesResponseSchema,
  MessageResponseSchema,
  NewMessageFieldsSchema,
  RecipientsQuerySchema,
  RecipientsResponseSchema,
  SentMessageResponseSchema,
  ThreadListResponseSchema,
  ThreadResponseSchema,
  UnreadCountResponseSchema,
} from "../../../contracts/messages";
import { AppError } from "../../platform/errors";
import { cleanFileName } from "../../platform/files";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale, translateIssue } from "../../platform/i18n";
import { acceptRawUploads, sendDownload, uploadTooLarge } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { exportInbox } from "./actions/export";
import {
  getThread,
  inbox,
  listThreads,
  type MessageDeps,
  messageAttachment,
  messageableMatches,
  openMessage,
  recipients,
  replyToThread,
  sendMessage,
  type UploadedFile,
  unreadCount,
} from "./actions/messages";
import { messagesPolicy } from "./messages.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const uploadErrors = { ...errors, ...errorResponses(413, 415) };
const IdParams = z.object({ id: z.string().uuid() });
const TOO_LARGE = { path: "attachments", messageKey: "file_too_large" };

/** The fields and files of a new message: multipart (with `attachments`), or JSON without files. */
async function readMessage(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  const attachments: UploadedFile[] = [];
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (part.file.truncated) throw uploadTooLarge(request, TOO_LARGE);
        if (part.fieldname !== "attachments" || data.length === 0) continue;
        attachments.push({ fileName: cleanFileName(part.filename, "bijlage"), data });
      } else if (typeof part.value === "string" && part.value !== "") {
        fields[part.fieldname] = part.value;
      }
    }
  } else if (request.body && typeof request.body === "object") {
    for (const [key, value] of Object.entries(request.body))
      if (typeof value === "string") fields[key] = value;
  }
  const parsed = NewMessageFieldsSchema.safeParse({ body: "", ...fields });
  if (!parsed.success) {
    const locale = requestMessageLocale(request);
    throw new AppError("validation_failed", {
      fields: parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: translateIssue(issue, locale),
      })),
    });
  }
  return { ...parsed.data, attachments };
}

/**
 * Messages between an employer's contact persons and the team that keeps the employer (Carerix
 * "RPO messages"): threads, messages opened in full (which marks them read), unread counts, the
 * team's inbox with filters and its export.
 */
export async function registerMessageRoutes(
  app: FastifyInstance,
  deps: { messages: MessageDeps },
): Promise<void> {
  const { messages } = deps;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const anyone = { access: messagesPolicy.messages };
    const team = { access: messagesPolicy.team };
    acceptRawUploads(scope, { maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES, tooLarge: () => TOO_LARGE });
    await scope.register(multipart, {
      limits: {
        fileSize: MESSAGE_ATTACHMENT_MAX_BYTES,
        files: MESSAGE_ATTACHMENTS_MAX + 1,
        fields: 6,
        fieldSize: 64_000,
      },
    });

    r.get(
      "/api/v1/messages/unread-count",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "How many messages to the caller's side nobody on it opened yet (the menu badge)",
          response: { 200: UnreadCountResponseSchema, ...errors },
        },
      },
      async (request) => ({ unread: await unreadCount(messages, callerOf(request)) }),
    );

    r.get(
      "/api/v1/messages/inbox",
      {
        config: team,
        schema: {
          tags: ["messages"],
          summary: '"RPO-berichten": every message with the team\'s contacts, as previews (not marked read)',
          querystring: InboxQuerySchema,
          response: { 200: InboxResponseSchema, ...errors },
        },
      },
      async (request) => inbox(messages, callerOf(request), request.query),
    );

    for (const format of ["xlsx", "csv"] as const) {
      r.get(
        `/api/v1/messages/export.${format}`,
        {
          config: team,
          schema: {
            tags: ["messages"],
            summary: `The filtered inbox (date, employer, contact, subject, from, read state) as ${format}`,
            querystring: InboxQuerySchema,
          },
        },
        async (request, reply) =>
          sendDownload(
            reply,
            await exportInbox(messages, callerOf(request), request.query, format, requestLocale(request)),
          ),
      );
    }

    r.get(
      "/api/v1/messages/matches",
      {
        config: { access: messagesPolicy.contact },
        schema: {
          tags: ["messages"],
          summary: "The matches a contact person may write about (those they see)",
          response: { 200: MessageableMatchesResponseSchema, ...errors },
        },
      },
      async (request) => ({ matches: await messageableMatches(messages, callerOf(request)) }),
    );

    r.get(
      "/api/v1/messages/recipients",
      {
        config: team,
        schema: {
          tags: ["messages"],
          summary:
            "Whom the team may start a message to: its employers (or one, 404 unless it keeps it) and their contact persons with portal access",
          querystring: RecipientsQuerySchema,
          response: { 200: RecipientsResponseSchema, ...errors },
        },
      },
      async (request) => ({
        employers: await recipients(messages, callerOf(request), request.query.employerId),
      }),
    );

    r.get(
      "/api/v1/messages/:id",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "A message in full with its attachments; for the receiving side this marks it read",
          params: IdParams,
          response: { 200: MessageResponseSchema, ...errors },
        },
      },
      async (request) => ({ message: await openMessage(messages, callerOf(request), request.params.id) }),
    );

    r.get(
      "/api/v1/messages/:id/attachments/:attachmentId",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "An attachment of a message (download)",
          params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await messageAttachment(
            messages,
            callerOf(request),
            request.params.id,
            request.params.attachmentId,
          ),
        ),
    );

    r.get(
      "/api/v1/message-threads",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "The caller's threads, newest first, with unread counts and the last message as a preview",
          response: { 200: ThreadListResponseSchema, ...errors },
        },
      },
      async (request) => ({ threads: await listThreads(messages, callerOf(request)) }),
    );

    r.get(
      "/api/v1/message-threads/:id",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "A thread with its messages as previews (opening one in full marks it read)",
          params: IdParams,
          response: { 200: ThreadResponseSchema, ...errors },
        },
      },
      async (request) => ({ thread: await getThread(messages, callerOf(request), request.params.id) }),
    );

    r.post(
      "/api/v1/message-threads",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary:
            "A new message (multipart: body, matchId? for a contact, contactPersonId for the team, up to 5 attachments of PDF, DOCX, JPEG or PNG up to 10 MB)",
          consumes: ["multipart/form-data", "application/json"],
          response: { 201: SentMessageResponseSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const input = await readMessage(request);
        const sent = await sendMessage(messages, callerOf(request), input, requestMessageLocale(request));
        return reply.code(201).send(sent);
      },
    );

    r.post(
      "/api/v1/message-threads/:id/messages",
      {
        config: anyone,
        schema: {
          tags: ["messages"],
          summary: "Reply in a thread (multipart: body, up to 5 attachments)",
          consumes: ["multipart/form-data", "application/json"],
          params: IdParams,
          response: { 201: SentMessageResponseSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const input = await readMessage(request);
        const sent = await replyToThread(
          messages,
          callerOf(request),
          request.params.id,
          input,
          requestMessageLocale(request),
        );
        return reply.code(201).send(sent);
      },
    );
  });
}
