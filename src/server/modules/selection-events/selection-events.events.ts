import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalUrl } from "../../platform/tenancy";
import { bookingCalendar, instantOf } from "./calendar";
import { bookingMail, invitationMail } from "./selection-events.mails";
import { hhmm } from "./selection-events.presenter";
import { selectionMailRepository } from "./selection-events.repository";

/**
 * The events of selection events, each written in the transaction of its change (decision
 * 0015). Subjects hold ids; the booking events carry the slot and the calendar SEQUENCE, so a
 * retried delivery sends the same invitation.
 */
export const SELECTION_EVENT_EVENTS = {
  /** subject { vacancyId, matchId, candidateId, eventId, invitationId } */
  invited: "selection_event.invited",
  /** payload { slotId, sequence, changed } */
  booked: "selection_event.booked",
  /** payload { slotId (the cancelled one), sequence } */
  cancelled: "selection_event.cancelled",
} as const;
type SelectionEventType = (typeof SELECTION_EVENT_EVENTS)[keyof typeof SELECTION_EVENT_EVENTS];

export function selectionEvent(
  type: SelectionEventType,
  facts: { organisationId: string; portalId: string | null; vacancyId: string; eventId: string },
  invitation: { id: string; matchId: string; candidateId: string },
  actorUserId: string,
  payload: Record<string, unknown> = {},
): DomainEventInput {
  return {
    type,
    organisationId: facts.organisationId,
    portalId: facts.portalId,
    subject: {
      vacancyId: facts.vacancyId,
      eventId: facts.eventId,
      invitationId: invitation.id,
      matchId: invitation.matchId,
      candidateId: invitation.candidateId,
    },
    actorUserId,
    payload,
  };
}

export interface SelectionEventSubscriberDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
  /** The sender address, which is the calendar invitation's ORGANIZER. */
  mailFrom: string;
}

const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/**
 * Mails the invited applicant a link to book, and every booking, change and cancellation with
 * its iCalendar invitation (the invitation's id as UID, the stored SEQUENCE).
 */
export function registerSelectionEventSubscribers(
  events: EventBus,
  deps: SelectionEventSubscriberDeps,
): void {
  const facts = deps.store.bind(systemScope("events"), selectionMailRepository);
  events.subscribe({
    name: "selection-events.invitation-mail",
    types: [SELECTION_EVENT_EVENTS.invited],
    async handle(event) {
      const id = event.subject.invitationId;
      const row = id ? await facts.invitation(id) : null;
      if (!row?.email) return;
      const url = new URL(
        `/selectiemomenten/inschrijven/${row.invitationId}`,
        mailPortalUrl(deps.publicUrl, row),
      );
      await deps.mailer.send({
        to: row.email,
        ...invitationMail({ ...row, locale: mailLocale(row.locale), url: url.toString() }),
      });
    },
  });
  events.subscribe({
    name: "selection-events.booking-mail",
    types: [SELECTION_EVENT_EVENTS.booked, SELECTION_EVENT_EVENTS.cancelled],
    async handle(event) {
      const id = event.subject.invitationId;
      const slotId = typeof event.payload.slotId === "string" ? event.payload.slotId : null;
      const sequence = typeof event.payload.sequence === "number" ? event.payload.sequence : 0;
      const row = id ? await facts.invitation(id) : null;
      const slot = slotId ? await facts.slot(slotId) : null;
      if (!row?.email || !slot) return;
      const cancelled = event.type === SELECTION_EVENT_EVENTS.cancelled;
      const url = new URL(
        `/selectiemomenten/inschrijven/${row.invitationId}`,
        mailPortalUrl(deps.publicUrl, row),
      );
      const locale = mailLocale(row.locale);
      const mail = bookingMail({
        ...row,
        locale,
        url: url.toString(),
        day: slot.day,
        start: hhmm(slot.startsAt),
        end: hhmm(slot.endsAt),
        kind: cancelled ? "cancelled" : event.payload.changed === true ? "changed" : "booked",
      });
      const content = bookingCalendar({
        uid: `${row.invitationId}@werkbrug`,
        sequence,
        method: cancelled ? "CANCEL" : "REQUEST",
        start: instantOf(slot.day, slot.startsAt, row.timeZone),
        end: instantOf(slot.day, slot.endsAt, row.timeZone),
        summary: `${row.eventName}: ${row.vacancyTitle}`,
        description: [row.description, row.onlineUrl].filter(Boolean).join("\n\n"),
        location: row.location ?? row.onlineUrl,
        url: url.toString(),
        organizer: { name: row.organisationName, email: addressOf(deps.mailFrom) },
        attendee: { name: `${row.firstName} ${row.lastName}`.trim(), email: row.email },
      });
      await deps.mailer.send({
        to: row.email,
        ...mail,
        calendar: { method: cancelled ? "CANCEL" : "REQUEST", content },
      });
    },
  });
}
