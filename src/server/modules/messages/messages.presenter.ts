import {
  MESSAGE_PREVIEW_LENGTH,
  type MessageAttachment,
  type MessagePreview,
  type ThreadSummary,
} from "../../../contracts/messages";
import { previewOf } from "./messages.policy";
import type { AttachmentRow, MessageFactsRow, MessageViewer, ThreadFactsRow } from "./messages.repository";

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export function threadFactsDto(row: ThreadFactsRow) {
  const { thread } = row;
  const match =
    thread.matchId && row.matchVacancyTitle !== null
      ? {
          id: thread.matchId,
          vacancyTitle: row.matchVacancyTitle,
          candidateName: row.matchCandidateName ?? "",
        }
      : null;
  return {
    id: thread.id,
    employer: { id: thread.employerId, name: row.employerName },
    contact: { id: thread.contactPersonId, name: row.contactName },
    match,
    // Read from the match each time, never stored: a candidate's erased name goes with it.
    subject: match ? `${match.vacancyTitle} – ${match.candidateName}` : null,
  };
}

function readFields(row: MessageFactsRow, viewer: MessageViewer) {
  const read = Boolean(row.read);
  return {
    id: row.message.id,
    threadId: row.message.threadId,
    authorSide: row.message.authorSide,
    authorName: row.authorName,
    createdAt: iso(row.message.createdAt),
    read,
    readAt: row.readAt === null ? null : iso(row.readAt),
    unreadForMe: row.message.authorSide !== viewer.side && !read,
    mine: row.message.authorUserId === viewer.userId,
    attachmentCount: Number(row.attachmentCount),
  };
}

export function previewDto(row: MessageFactsRow, viewer: MessageViewer): MessagePreview {
  return { ...readFields(row, viewer), ...previewOf(row.message.body, MESSAGE_PREVIEW_LENGTH) };
}

export function attachmentDto(row: AttachmentRow): MessageAttachment {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size };
}

export function fullDto(
  row: MessageFactsRow,
  viewer: MessageViewer,
  thread: ThreadFactsRow,
  attachments: AttachmentRow[],
) {
  return {
    ...readFields(row, viewer),
    body: row.message.body,
    attachments: attachments.map(attachmentDto),
    thread: threadFactsDto(thread),
  };
}

export function threadSummaryDto(
  row: ThreadFactsRow & { unread: number; total: number; last: MessageFactsRow | null },
  viewer: MessageViewer,
): ThreadSummary {
  return {
    ...threadFactsDto(row),
    lastMessageAt: iso(row.thread.lastMessageAt),
    messageCount: row.total,
    unread: row.unread,
    last: row.last ? previewDto(row.last, viewer) : null,
  };
}
