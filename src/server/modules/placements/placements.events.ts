import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { type MailPortal, mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { approvedByContacts } from "./placements.policy";
import { type PlacementRecord, timesheetEventsRepository } from "./placements.repository";
import { timesheetDecidedMail, timesheetDigestMail, timesheetSubmittedMail } from "./timesheets.mails";

/**
 * The events of placements and their weeks (decision 0015), each written in the transaction of
 * its change. Payloads carry ids and statuses, never a remark or a comment; subscribers read
 * what they need with their own scope.
 */
export const PLACEMENT_EVENTS = {
  created: "placement.created",
  updated: "placement.updated",
  /** payload { timesheetId, weekStart, submission } */
  submitted: "timesheet.submitted",
  /** payload { timesheetId, weekStart } */
  approved: "timesheet.approved",
  /** payload { timesheetId, weekStart } */
  rejected: "timesheet.rejected",
  /** payload { digestId, userId }: a contact's daily digest of submitted weeks is due. */
  digestDue: "timesheet.digest_due",
} as const;

type PlacementFacts = Pick<
  PlacementRecord,
  "id" | "organisationId" | "portalId" | "vacancyId" | "candidateId" | "matchId"
>;

export function placementEvent(
  type: (typeof PLACEMENT_EVENTS)[Exclude<keyof typeof PLACEMENT_EVENTS, "digestDue">],
  placement: PlacementFacts,
  actorUserId: string | null,
  payload: Record<string, unknown> = {},
): DomainEventInput {
  return {
    type,
    organisationId: placement.organisationId,
    portalId: placement.portalId,
    subject: {
      placementId: placement.id,
      matchId: placement.matchId,
      vacancyId: placement.vacancyId,
      candidateId: placement.candidateId,
    },
    actorUserId,
    payload,
  };
}

export interface PlacementSubscriberDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
  /** Today's date in the Netherlands; tests may pin it. */
  today: () => string;
}

const hoursOf = (minutes: Record<string, number>) => Object.values(minutes).reduce((a, b) => a + b, 0) / 60;

/**
 * Side effects of weeks of hours (decision 0015): a submitted week is mailed to each approving
 * contact (or queued for their daily digest) while the contacts decide it; a decision is mailed
 * to the candidate, with the comment when rejected; a due digest goes out as one mail.
 */
export function registerPlacementSubscribers(events: EventBus, deps: PlacementSubscriberDeps): void {
  const repo = () => deps.store.bind(systemScope("events"), timesheetEventsRepository);
  const portalBase = (facts: MailPortal) => mailPortalUrl(deps.publicUrl, facts);

  events.subscribe({
    name: "placements.submitted-mail",
    types: [PLACEMENT_EVENTS.submitted],
    async handle(event) {
      const facts = await repo().facts(String(event.payload.timesheetId ?? ""));
      if (facts?.timesheet.status !== "submitted") return;
      // Weeks the contacts do not decide stay with the recruiters (their list shows them).
      if (!approvedByContacts(facts.placement, deps.today())) return;
      const minutes = await repo().minutes(facts.timesheet.id);
      const reviewUrl = new URL(`urenstaten/week/${facts.timesheet.id}`, portalBase(facts)).toString();
      for (const approver of await repo().approvers(facts.placement.id)) {
        if (approver.deactivatedAt) continue;
        if (approver.mode === "daily") {
          await repo().queueDigest({
            userId: approver.userId,
            timesheetId: facts.timesheet.id,
            organisationId: facts.placement.organisationId,
            eventId: event.id,
          });
          continue;
        }
        const locale = mailLocale(approver.language);
        await deps.mailer.send({
          to: approver.email,
          ...timesheetSubmittedMail({
            locale,
            portalName: mailPortalName(locale, facts),
            name: approver.name,
            candidateName: facts.candidateName,
            vacancyTitle: facts.vacancyTitle,
            weekStart: facts.timesheet.weekStart,
            totalHours: hoursOf(minutes),
            resubmitted: Number(event.payload.submission ?? 1) > 1,
            reviewUrl,
          }),
        });
      }
    },
  });

  events.subscribe({
    name: "placements.decided-mail",
    types: [PLACEMENT_EVENTS.approved, PLACEMENT_EVENTS.rejected],
    async handle(event) {
      const facts = await repo().facts(String(event.payload.timesheetId ?? ""));
      if (!facts?.candidateEmail || facts.candidateDeactivatedAt) return;
      const decision = event.type === PLACEMENT_EVENTS.approved ? "approved" : "rejected";
      // The week may have moved on (corrected, resubmitted): the comment comes from the log.
      const locale = mailLocale(facts.candidateLocale);
      const weekUrl = new URL(
        `urenstaten/${facts.placement.id}/${facts.timesheet.weekStart}`,
        portalBase(facts),
      ).toString();
      const reviewer = event.actorUserId ? await repo().person(event.actorUserId) : null;
      await deps.mailer.send({
        to: facts.candidateEmail,
        ...timesheetDecidedMail({
          locale,
          portalName: mailPortalName(locale, facts),
          name: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          weekStart: facts.timesheet.weekStart,
          reviewerName: reviewer?.name ?? "",
          decision,
          comment: decision === "rejected" ? await repo().lastRejection(facts.timesheet.id) : null,
          weekUrl,
        }),
      });
    },
  });

  events.subscribe({
    name: "placements.digest-mail",
    types: [PLACEMENT_EVENTS.digestDue],
    async handle(event) {
      const person = await repo().person(String(event.payload.userId ?? ""));
      if (!person || person.deactivatedAt) return;
      const weeks = await repo().digestWeeks(String(event.payload.digestId ?? ""));
      const first = weeks[0];
      if (!first) return;
      const locale = mailLocale(person.language ?? person.locale);
      await deps.mailer.send({
        to: person.email,
        ...timesheetDigestMail({
          locale,
          portalName: mailPortalName(locale, first),
          name: person.name,
          weeks: weeks.map((w) => ({
            candidateName: w.candidateName,
            vacancyTitle: w.vacancyTitle,
            weekStart: w.weekStart,
            totalHours: Number(w.minutes) / 60,
          })),
          timesheetsUrl: new URL("urenstaten", portalBase(first)).toString(),
        }),
      });
    },
  });
}
