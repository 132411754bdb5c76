import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale, messageReceived } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { type MessageRow, messageMailRepository, type ThreadRow } from "./messages.repository";

/*
 * The events of the messages domain (decision 0015), each written in the transaction of the
 * message it is about, for the team's organisation:
 * - message.sent  subject { messageId, threadId, employerId, contactPersonId, matchId? }
 *                 payload { authorSide, attachmentCount } (never the text of the message)
 */
export const MESSAGE_EVENTS = { sent: "message.sent" } as const;

export function messageSentEvent(
  thread: ThreadRow,
  message: MessageRow,
  attachmentCount: number,
): DomainEventInput {
  return {
    type: MESSAGE_EVENTS.sent,
    organisationId: thread.organisationId,
    portalId: null,
    subject: {
      messageId: message.id,
      threadId: thread.id,
      employerId: thread.employerId,
      contactPersonId: thread.contactPersonId,
      ...(thread.matchId ? { matchId: thread.matchId } : {}),
    },
    actorUserId: message.authorUserId,
    payload: { authorSide: message.authorSide, attachmentCount },
  };
}

export interface MessageSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; the employer's portal URL is derived from it. */
  publicUrl: string;
}

/**
 * A short notice to the other side, with a link and never the message itself (privacy): the
 * contact person in their language when the team wrote; the employer's account manager when the
 * contact wrote (without one, the team sees the unread count in the app only).
 */
export function registerMessageSubscribers(events: EventBus, deps: MessageSubscriberDeps): void {
  events.subscribe({
    name: "messages.notice-mail",
    types: [MESSAGE_EVENTS.sent],
    async handle(event) {
      const messageId = event.subject.messageId;
      if (!messageId) return;
      const facts = await deps.store.bind(systemScope("events"), messageMailRepository).facts(messageId);
      if (!facts) return;
      const base = mailPortalUrl(deps.publicUrl, facts);
      const url = new URL("berichten", base).toString();
      if (facts.message.authorSide === "team") {
        const to = facts.contactUserEmail ?? facts.contactEmail;
        if (!to || facts.contactDeactivatedAt) return;
        const locale = mailLocale(facts.contactLanguage);
        await deps.mailer.send({
          to,
          // An answer by mail reaches the contact's account manager.
          ...(facts.managerEmail ? { replyTo: facts.managerEmail } : {}),
          ...messageReceived({
            locale,
            portalName: mailPortalName(locale, facts),
            name: facts.contactName,
            from: facts.teamName,
            url,
          }),
        });
        return;
      }
      if (!facts.managerEmail || facts.managerDeactivatedAt) return;
      const locale = mailLocale(facts.managerLocale);
      await deps.mailer.send({
        to: facts.managerEmail,
        ...((facts.contactUserEmail ?? facts.contactEmail)
          ? { replyTo: (facts.contactUserEmail ?? facts.contactEmail) as string }
          : {}),
        ...messageReceived({
          locale,
          portalName: mailPortalName(locale, facts),
          name: facts.managerName ?? "",
          from: `${facts.contactName} (${facts.employerName})`,
          url,
        }),
      });
    },
  });
}
