import { z } from "zod";

/**
 * Messages between an employer's contact person and the recruiter team that keeps the employer
 * (Carerix "RPO messages"). A message arrives as new ("nieuw") and is read ("gelezen") once the
 * other side opened it in full; lists and previews never mark it read.
 */
export const MESSAGE_SIDES = ["contact", "team"] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

/** How much of a message a list or thread shows before it is opened in full. */
export const MESSAGE_PREVIEW_LENGTH = 140;
export const MESSAGE_BODY_MAX = 10_000;
export const MESSAGE_ATTACHMENTS_MAX = 5;
export const MESSAGE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const Timestamp = z.string();

export const MessageAttachmentSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type MessageAttachment = z.infer<typeof MessageAttachmentSchema>;

export const MessageMatchSchema = z.object({
  id: z.string().uuid(),
  vacancyTitle: z.string(),
  candidateName: z.string(),
});
export type MessageMatch = z.infer<typeof MessageMatchSchema>;

export const ThreadFactsSchema = z.object({
  id: z.string().uuid(),
  employer: z.object({ id: z.string().uuid(), name: z.string() }),
  contact: z.object({ id: z.string().uuid(), name: z.string() }),
  match: MessageMatchSchema.nullable(),
  /** "vacancy – candidate" for a thread about a match; null for the contact's general thread. */
  subject: z.string().nullable(),
});

/** A message as a list shows it: the first characters only, never marking it read. */
export const MessagePreviewSchema = z.object({
  id: z.string().uuid(),
  threadId: z.string().uuid(),
  authorSide: z.enum(MESSAGE_SIDES),
  authorName: z.string().nullable(),
  preview: z.string(),
  /** Whether the preview is shorter than the message. */
  truncated: z.boolean(),
  createdAt: Timestamp,
  /** Whether the receiving side opened it in full. */
  read: z.boolean(),
  readAt: Timestamp.nullable(),
  /** Sent to the caller's side and not yet opened: shown as "nieuw". */
  unreadForMe: z.boolean(),
  mine: z.boolean(),
  attachmentCount: z.number().int(),
});
export type MessagePreview = z.infer<typeof MessagePreviewSchema>;

/** A message opened in full (which marks it read for the receiving side). */
export const MessageSchema = MessagePreviewSchema.omit({ preview: true, truncated: true }).extend({
  body: z.string(),
  attachments: z.array(MessageAttachmentSchema),
  thread: ThreadFactsSchema,
});
export type Message = z.infer<typeof MessageSchema>;

export const ThreadSummarySchema = ThreadFactsSchema.extend({
  lastMessageAt: Timestamp,
  messageCount: z.number().int(),
  /** Messages sent to the caller's side that nobody on it opened yet. */
  unread: z.number().int(),
  last: MessagePreviewSchema.nullable(),
});
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

export const ThreadListResponseSchema = z.object({ threads: z.array(ThreadSummarySchema) });
export type ThreadListResponse = z.infer<typeof ThreadListResponseSchema>;

export const ThreadDetailSchema = ThreadFactsSchema.extend({
  lastMessageAt: Timestamp,
  /** Oldest first, as previews: each is opened in full on its own. */
  messages: z.array(MessagePreviewSchema),
});
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;
export const ThreadResponseSchema = z.object({ thread: ThreadDetailSchema });

export const MessageResponseSchema = z.object({ message: MessageSchema });
export type MessageResponse = z.infer<typeof MessageResponseSchema>;

export const UnreadCountResponseSchema = z.object({ unread: z.number().int() });
export type UnreadCountResponse = z.infer<typeof UnreadCountResponseSchema>;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const BooleanQuery = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");

/** The recruiter's inbox ("RPO-berichten") filters; also those of its export. */
export const InboxQuerySchema = z.object({
  unread: BooleanQuery,
  employerId: z.string().uuid().optional(),
  /** Calendar days in the Netherlands, inclusive. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type InboxQuery = z.input<typeof InboxQuerySchema>;
export type InboxFilters = z.output<typeof InboxQuerySchema>;

export const InboxItemSchema = MessagePreviewSchema.extend({ thread: ThreadFactsSchema });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxResponseSchema = z.object({
  messages: z.array(InboxItemSchema),
  /** The employers of the team that have threads, for the filter. */
  employers: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type InboxResponse = z.infer<typeof InboxResponseSchema>;

/** The matches a contact may write about (those they see). */
export const MessageableMatchesResponseSchema = z.object({ matches: z.array(MessageMatchSchema) });
export type MessageableMatchesResponse = z.infer<typeof MessageableMatchesResponseSchema>;

/** Multipart fields of a new message (files as `attachments`). */
export const NewMessageFieldsSchema = z.object({
  body: z.string(),
  /** Optional: the match it is about (one the contact sees). */
  matchId: z.string().uuid().optional(),
  /** The team writes to one contact person of an employer it keeps. */
  contactPersonId: z.string().uuid().optional(),
});

export const SentMessageResponseSchema = z.object({ threadId: z.string().uuid(), message: MessageSchema });
export type SentMessageResponse = z.infer<typeof SentMessageResponseSchema>;

/** Whom the team may start a message to: its employers' contact persons with portal access. */
export const RecipientsQuerySchema = z.object({ employerId: z.string().uuid().optional() });
export type RecipientsQuery = z.infer<typeof RecipientsQuerySchema>;

export const RecipientEmployerSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  contacts: z.array(z.object({ id: z.string().uuid(), name: z.string(), email: z.string().nullable() })),
});
export type RecipientEmployer = z.infer<typeof RecipientEmployerSchema>;
export const RecipientsResponseSchema = z.object({ employers: z.array(RecipientEmployerSchema) });
export type RecipientsResponse = z.infer<typeof RecipientsResponseSchema>;
