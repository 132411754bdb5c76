import { randomUUID } from "node:crypto";
import {
  type InboxFilters,
  type InboxItem,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_BODY_MAX,
  type Message,
  type MessageMatch,
  type RecipientEmployer,
  type SentMessageResponse,
  type ThreadDetail,
  type ThreadSummary,
} from "../../../../contracts/messages";
import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import { sniffDocument, sniffImage } from "../../../platform/files";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { Store } from "../../../platform/store";
import { visibleMatch, visibleMatches } from "../../matches";
import type { Caller } from "../../tenancy";
import { messageSentEvent } from "../messages.events";
import { type MessageContext, messageContextOf } from "../messages.policy";
import { fullDto, previewDto, threadFactsDto, threadSummaryDto } from "../messages.presenter";
import { messagesRepository, type ThreadRow } from "../messages.repository";

export interface MessageDeps {
  store: Store;
  files: FileStorage;
}

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export interface NewMessageInput {
  body: string;
  matchId?: string | undefined;
  contactPersonId?: string | undefined;
  attachments: UploadedFile[];
}

/** What a message may carry: PDF, DOCX, JPEG and PNG, recognised by content, not by name. */
export function sniffAttachment(data: Buffer): { type: string; ext: string } | null {
  const document = sniffDocument(data);
  if (document) return document;
  const image = sniffImage(data);
  return image && (image.type === "image/png" || image.type === "image/jpeg") ? image : null;
}

interface CheckedFile {
  fileKey: string;
  fileName: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** Refuses an empty or too long text and files of other types, before anything is stored. */
function checkInput(input: Pick<NewMessageInput, "body" | "attachments">, locale: MessageLocale) {
  const body = input.body.replace(/\r\n/g, "\n").trim();
  if (body.length === 0)
    throw new AppError("validation_failed", {
      fields: [{ path: "body", message: fieldMessage("required", locale) }],
    });
  if (body.length > MESSAGE_BODY_MAX)
    throw new AppError("validation_failed", {
      fields: [{ path: "body", message: fieldMessage("message_too_long", locale) }],
    });
  if (input.attachments.length > MESSAGE_ATTACHMENTS_MAX)
    throw new AppError("validation_failed", {
      fields: [{ path: "attachments", message: fieldMessage("too_many_attachments", locale) }],
    });
  const files: CheckedFile[] = input.attachments.map((file) => {
    const kind = sniffAttachment(file.data);
    if (!kind)
      throw new AppError("unsupported_media_type", {
        fields: [{ path: "attachments", message: fieldMessage("attachment_type_not_allowed", locale) }],
      });
    return {
      fileKey: `messages/${randomUUID()}.${kind.ext}`,
      fileName: `${file.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`,
      contentType: kind.type,
      size: file.data.length,
      data: file.data,
    };
  });
  return { body, files };
}

/** Stores the files, writes the message with its event, and takes the files away if that fails. */
async function write(
  deps: MessageDeps,
  ctx: MessageContext,
  thread: ThreadRow | ((tx: Store) => Promise<ThreadRow>),
  body: string,
  files: CheckedFile[],
) {
  for (const file of files) await deps.files.put(file.fileKey, file.data, file.contentType);
  try {
    return await deps.store.transaction(async (tx) => {
      const target = typeof thread === "function" ? await thread(tx) : thread;
      const message = await tx.bind(ctx.scope, messagesRepository).insertMessage(
        target,
        { authorUserId: ctx.viewer.userId, authorSide: ctx.viewer.side, body },
        files.map(({ data: _data, ...rest }) => rest),
      );
      await tx.emit(messageSentEvent(target, message, files.length));
      return { thread: target, message };
    });
  } catch (error) {
    await Promise.all(files.map((f) => deps.files.delete(f.fileKey).catch(() => {})));
    throw error;
  }
}

/** The thread and match a contact person writes about (their own, a match they see). */
async function contactTarget(deps: MessageDeps, caller: Caller, ctx: MessageContext, input: NewMessageInput) {
  const repo = deps.store.bind(ctx.scope, messagesRepository);
  const own = await repo.contactsOfUser(ctx.viewer.userId);
  const match = input.matchId ? await visibleMatch(deps, caller, input.matchId) : null;
  let contact: (typeof own)[number] | undefined = own[0];
  if (input.contactPersonId) contact = own.find((c) => c.contactPersonId === input.contactPersonId);
  else if (match) {
    // The employer whose family holds the match's vacancy.
    const memberships = await caller.memberships();
    const employerIds = memberships
      .filter(
        (m) => m.role === "employer_contact" && m.organisationId && m.family.includes(match.organisationId),
      )
      .map((m) => m.organisationId);
    contact = own.find((c) => employerIds.includes(c.employerId)) ?? contact;
  }
  if (!contact) throw new AppError("not_found");
  if (!contact.teamId) throw new AppError("message_no_team");
  return {
    organisationId: contact.teamId,
    employerId: contact.employerId,
    contactPersonId: contact.contactPersonId,
    matchId: match?.id ?? null,
  };
}

/** A contact person the team writes to: at an employer it keeps, with portal access. */
async function teamTarget(
  deps: MessageDeps,
  ctx: MessageContext,
  input: NewMessageInput,
  locale: MessageLocale,
) {
  if (input.matchId)
    throw new AppError("validation_failed", {
      fields: [{ path: "matchId", message: fieldMessage("message_match_by_contact", locale) }],
    });
  if (!input.contactPersonId)
    throw new AppError("validation_failed", {
      fields: [{ path: "contactPersonId", message: fieldMessage("required", locale) }],
    });
  const contact = await deps.store.bind(ctx.scope, messagesRepository).contactForTeam(input.contactPersonId);
  if (!contact?.teamId) throw new AppError("not_found");
  if (!contact.userId) throw new AppError("message_contact_without_account");
  return {
    organisationId: contact.teamId,
    employerId: contact.employerId,
    contactPersonId: contact.contactPersonId,
    matchId: null,
  };
}

/**
 * A new message: from a contact person to the team that keeps their employer (optionally about
 * one of the matches they see), or from the team to one contact person. It goes into the thread
 * of that contact (and match), made on first use.
 */
export async function sendMessage(
  deps: MessageDeps,
  caller: Caller,
  input: NewMessageInput,
  locale: MessageLocale,
): Promise<SentMessageResponse> {
  const ctx = await messageContextOf(caller);
  const target =
    ctx.viewer.side === "contact"
      ? await contactTarget(deps, caller, ctx, input)
      : await teamTarget(deps, ctx, input, locale);
  const { body, files } = checkInput(input, locale);
  const { thread, message } = await write(
    deps,
    ctx,
    (tx) => tx.bind(ctx.scope, messagesRepository).ensureThread(target),
    body,
    files,
  );
  return { threadId: thread.id, message: await openMessage(deps, caller, message.id) };
}

/** A reply in a thread the caller sees. */
export async function replyToThread(
  deps: MessageDeps,
  caller: Caller,
  threadId: string,
  input: Pick<NewMessageInput, "body" | "attachments">,
  locale: MessageLocale,
): Promise<SentMessageResponse> {
  const ctx = await messageContextOf(caller);
  const found = await deps.store.bind(ctx.scope, messagesRepository).findThread(ctx.viewer, threadId);
  if (!found) throw new AppError("not_found");
  const { body, files } = checkInput(input, locale);
  const { message } = await write(deps, ctx, found.thread, body, files);
  return { threadId, message: await openMessage(deps, caller, message.id) };
}

/**
 * A message opened in full: the only thing that makes it read ("gelezen"), and only when the
 * caller is on the receiving side.
 */
export async function openMessage(deps: MessageDeps, caller: Caller, messageId: string): Promise<Message> {
  const ctx = await messageContextOf(caller);
  const repo = deps.store.bind(ctx.scope, messagesRepository);
  const found = await repo.findMessage(ctx.viewer, messageId);
  if (!found) throw new AppError("not_found");
  if (found.message.authorSide !== ctx.viewer.side) {
    await repo.markRead(ctx.viewer, found.message);
  }
  const [row, thread, attachments] = await Promise.all([
    repo.findMessage(ctx.viewer, messageId),
    repo.findThread(ctx.viewer, found.message.threadId),
    repo.attachments(ctx.viewer, [messageId]),
  ]);
  if (!row || !thread) throw new AppError("not_found");
  return fullDto(row, ctx.viewer, thread, attachments);
}

export async function listThreads(deps: MessageDeps, caller: Caller): Promise<ThreadSummary[]> {
  const ctx = await messageContextOf(caller);
  const rows = await deps.store.bind(ctx.scope, messagesRepository).listThreads(ctx.viewer);
  return rows.map((row) => threadSummaryDto(row, ctx.viewer));
}

/** A thread with its messages as previews: nothing is marked read by looking at it. */
export async function getThread(deps: MessageDeps, caller: Caller, threadId: string): Promise<ThreadDetail> {
  const ctx = await messageContextOf(caller);
  const repo = deps.store.bind(ctx.scope, messagesRepository);
  const thread = await repo.findThread(ctx.viewer, threadId);
  if (!thread) throw new AppError("not_found");
  const rows = await repo.threadMessages(ctx.viewer, threadId);
  return {
    ...threadFactsDto(thread),
    lastMessageAt: new Date(thread.thread.lastMessageAt).toISOString(),
    messages: rows.map((row) => previewDto(row, ctx.viewer)),
  };
}

export async function unreadCount(deps: MessageDeps, caller: Caller): Promise<number> {
  const ctx = await messageContextOf(caller);
  return deps.store.bind(ctx.scope, messagesRepository).unreadCount(ctx.viewer);
}

const INBOX_LIMIT = 500;
export const EXPORT_LIMIT = 10_000;

/** The team's inbox across all contacts ("RPO-berichten"): previews only, filtered. */
export async function inbox(
  deps: MessageDeps,
  caller: Caller,
  filters: InboxFilters,
  limit = INBOX_LIMIT,
): Promise<{ messages: InboxItem[]; employers: { id: string; name: string }[] }> {
  const ctx = await messageContextOf(caller);
  if (ctx.viewer.side !== "team") throw new AppError("forbidden");
  const repo = deps.store.bind(ctx.scope, messagesRepository);
  const [rows, employers] = await Promise.all([
    repo.inbox(ctx.viewer, filters, limit),
    repo.employersWithThreads(ctx.viewer),
  ]);
  return {
    messages: rows.map((row) => ({ ...previewDto(row, ctx.viewer), thread: threadFactsDto(row) })),
    employers,
  };
}

/**
 * Whom the team may start a message to: the employers it keeps with their contact persons who
 * have portal access (one employer with `employerId`: not found unless the team keeps it).
 */
export async function recipients(
  deps: MessageDeps,
  caller: Caller,
  employerId?: string,
): Promise<RecipientEmployer[]> {
  const ctx = await messageContextOf(caller);
  if (ctx.viewer.side !== "team") throw new AppError("forbidden");
  const rows = await deps.store.bind(ctx.scope, messagesRepository).recipients(employerId);
  if (employerId && rows.length === 0) throw new AppError("not_found");
  const employers = new Map<string, RecipientEmployer>();
  for (const row of rows) {
    let employer = employers.get(row.employerId);
    if (!employer) {
      employer = { id: row.employerId, name: row.employerName, contacts: [] };
      employers.set(row.employerId, employer);
    }
    if (row.contactPersonId && row.contactName && row.hasAccess)
      employer.contacts.push({ id: row.contactPersonId, name: row.contactName, email: row.email });
  }
  return [...employers.values()];
}

/** The matches a contact person may write about: those they see by the matches rules. */
export async function messageableMatches(deps: MessageDeps, caller: Caller): Promise<MessageMatch[]> {
  const ctx = await messageContextOf(caller);
  if (ctx.viewer.side !== "contact") return [];
  return (await visibleMatches(deps, caller)).map(({ id, vacancyTitle, candidateName }) => ({
    id,
    vacancyTitle,
    candidateName,
  }));
}

/** An attachment of a message the caller sees, as a download (never marks the message read). */
export async function messageAttachment(
  deps: MessageDeps,
  caller: Caller,
  messageId: string,
  attachmentId: string,
) {
  const ctx = await messageContextOf(caller);
  const repo = deps.store.bind(ctx.scope, messagesRepository);
  const found = await repo.findMessage(ctx.viewer, messageId);
  if (!found) throw new AppError("not_found");
  const attachment = (await repo.attachments(ctx.viewer, [messageId])).find((a) => a.id === attachmentId);
  if (!attachment) throw new AppError("not_found");
  const stored = await deps.files.get(attachment.fileKey);
  if (!stored) throw new AppError("not_found");
  return { data: stored.data, contentType: attachment.contentType, fileName: attachment.fileName };
}
