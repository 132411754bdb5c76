import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type InboxQuery,
  InboxResponseSchema,
  MessageableMatchesResponseSchema,
  MessageResponseSchema,
  RecipientsResponseSchema,
  SentMessageResponseSchema,
  ThreadListResponseSchema,
  ThreadResponseSchema,
  UnreadCountResponseSchema,
} from "../../../contracts/messages";
import { api, apiForm } from "../../api";

export const messageKeys = {
  all: ["messages"] as const,
  unread: ["messages", "unread"] as const,
  threads: ["messages", "threads"] as const,
  thread: (id: string) => ["messages", "thread", id] as const,
  message: (id: string) => ["messages", "message", id] as const,
  inbox: (filters: InboxQuery) => ["messages", "inbox", filters] as const,
  matches: ["messages", "matches"] as const,
  recipients: ["messages", "recipients"] as const,
};

export const unreadQuery = queryOptions({
  queryKey: messageKeys.unread,
  queryFn: ({ signal }) => api("/api/v1/messages/unread-count", UnreadCountResponseSchema, { signal }),
  refetchInterval: 60_000,
  retry: false,
});

/**
 * The number of messages to the caller's side nobody on it opened yet, for the "Berichten" menu
 * badge (contact persons, account managers and org admins; pass `enabled: false` for others).
 */
export function useUnreadMessages(enabled = true): number {
  const query = useQuery({ ...unreadQuery, enabled });
  return query.data?.unread ?? 0;
}

export const threadsQuery = queryOptions({
  queryKey: messageKeys.threads,
  queryFn: ({ signal }) => api("/api/v1/message-threads", ThreadListResponseSchema, { signal }),
});

export function threadQuery(id: string) {
  return queryOptions({
    queryKey: messageKeys.thread(id),
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/message-threads/${encodeURIComponent(id)}`, ThreadResponseSchema, { signal }))
        .thread,
  });
}

/** Opening a message in full: for the receiving side this marks it read. */
export function messageQuery(id: string) {
  return queryOptions({
    queryKey: messageKeys.message(id),
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/messages/${encodeURIComponent(id)}`, MessageResponseSchema, { signal })).message,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function inboxSearch(filters: InboxQuery): string {
  const params = new URLSearchParams();
  if (filters.unread) params.set("unread", "true");
  if (filters.employerId) params.set("employerId", filters.employerId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function inboxQuery(filters: InboxQuery) {
  return queryOptions({
    queryKey: messageKeys.inbox(filters),
    queryFn: ({ signal }) =>
      api(`/api/v1/messages/inbox${inboxSearch(filters)}`, InboxResponseSchema, { signal }),
  });
}

export const messageableMatchesQuery = queryOptions({
  queryKey: messageKeys.matches,
  queryFn: ({ signal }) => api("/api/v1/messages/matches", MessageableMatchesResponseSchema, { signal }),
});

/** The team's employers and their contact persons with portal access (whom it may write to). */
export const recipientsQuery = queryOptions({
  queryKey: messageKeys.recipients,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/messages/recipients", RecipientsResponseSchema, { signal })).employers,
});

export interface Draft {
  body: string;
  files: File[];
  matchId?: string | null;
  /** The team writes to one contact person. */
  contactPersonId?: string | null;
}

function formOf(draft: Draft): FormData {
  const form = new FormData();
  form.set("body", draft.body);
  if (draft.matchId) form.set("matchId", draft.matchId);
  if (draft.contactPersonId) form.set("contactPersonId", draft.contactPersonId);
  for (const file of draft.files) form.append("attachments", file, file.name);
  return form;
}

export function sendMessage(draft: Draft) {
  return apiForm("/api/v1/message-threads", SentMessageResponseSchema, formOf(draft));
}

export function reply(threadId: string, draft: Draft) {
  return apiForm(
    `/api/v1/message-threads/${encodeURIComponent(threadId)}/messages`,
    SentMessageResponseSchema,
    formOf({ body: draft.body, files: draft.files }),
  );
}

export const attachmentUrl = (messageId: string, attachmentId: string) =>
  `/api/v1/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;
