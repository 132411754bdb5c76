import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { APPLICANT_MAIL_EVENT, APPLICANT_MAIL_SUBSCRIBER, mailingsRepository } from "./applicants.repository";
import { letterHtml } from "./mail-letters";

/**
 * The events of the applicants domain, each in the transaction of its change (decision 0015).
 * Payloads hold ids only: the mail's text stays in its recipient row, never in the outbox.
 */
export const APPLICANT_EVENTS = {
  /** subject { vacancyId, matchId, candidateId, mailingId, recipientId }: mail one applicant. */
  mailRequested: APPLICANT_MAIL_EVENT,
  /** payload { noteId } */
  noteAdded: "applicant.note_added",
  /** payload { correctionId, field } */
  corrected: "applicant.corrected",
} as const;

export function applicantEvent(
  type: (typeof APPLICANT_EVENTS)[keyof typeof APPLICANT_EVENTS],
  vacancy: { id: string; organisationId: string; portalId: string },
  match: { id: string; candidateId: string },
  actorUserId: string,
  payload: Record<string, unknown>,
  subject: Record<string, string> = {},
): DomainEventInput {
  return {
    type,
    organisationId: vacancy.organisationId,
    portalId: vacancy.portalId,
    subject: { vacancyId: vacancy.id, matchId: match.id, candidateId: match.candidateId, ...subject },
    actorUserId,
    payload,
  };
}

export interface ApplicantSubscriberDeps {
  store: Store;
  mailer: Mailer;
}

/**
 * Mails each applicant of a mailing: one event per recipient, so each mail is delivered, retried
 * and reported on its own (the recipient's status is its delivery's). The mail is keyed by the
 * event, so a retry after a lost answer does not send it twice.
 */
export function registerApplicantSubscribers(events: EventBus, deps: ApplicantSubscriberDeps): void {
  const recipients = deps.store.bind(systemScope("events"), mailingsRepository);
  events.subscribe({
    name: APPLICANT_MAIL_SUBSCRIBER,
    types: [APPLICANT_MAIL_EVENT],
    async handle(event) {
      const id = event.subject.recipientId;
      const row = id ? await recipients.recipient(id) : null;
      // The applicant (or the vacancy) was erased meanwhile: nothing to send.
      if (!row) return;
      await deps.mailer.send({
        to: row.email,
        subject: row.subject,
        text: row.body,
        html: letterHtml(row.locale, row.subject, row.body),
      });
    },
  });
}
