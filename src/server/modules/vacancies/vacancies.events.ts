import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale, vacancyClosed } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalUrl } from "../../platform/tenancy";
import { publicationJobRepository } from "./publication-job.repository";

/**
 * The events of a vacancy's life (decision 0015). Each is written in the transaction of the
 * change, next to the history row that records it; mail and, later, webhooks hang off them.
 * Every payload carries the vacancy's title and status after the change; the rest per type:
 * - vacancy.created / vacancy.requested: `{ changes, copiedFrom? }` (the new vacancy's fields);
 * - vacancy.updated: `{ action, changes, comment }` (`action` as in the history: "updated",
 *   "attachment_added", "attachment_removed", "image_changed", "image_removed");
 * - vacancy.published / withdrawn / closed / archived / reactivated / approved / rejected:
 *   `{ previousStatus, changes, comment }`; a closing by date has `reason: "closing_date"`,
 *   `closesOn` and `recipientUserId` (the owner, else the contact person) instead;
 * - vacancy.published_to: `{ audiences }` newly able to see it (the publication job);
 * - vacancy.deleted: `{ previousStatus }`.
 */
export type VacancyEventType =
  | "vacancy.created"
  | "vacancy.requested"
  | "vacancy.updated"
  | "vacancy.published"
  | "vacancy.withdrawn"
  | "vacancy.closed"
  | "vacancy.archived"
  | "vacancy.reactivated"
  | "vacancy.approved"
  | "vacancy.rejected"
  | "vacancy.published_to"
  | "vacancy.deleted";

export function vacancyEvent(
  type: VacancyEventType,
  vacancy: { id: string; organisationId: string; portalId: string; displayTitle: string; status: string },
  actorUserId: string | null,
  payload: Record<string, unknown> = {},
): DomainEventInput {
  return {
    type,
    organisationId: vacancy.organisationId,
    portalId: vacancy.portalId,
    subject: { vacancyId: vacancy.id },
    actorUserId,
    payload: { displayTitle: vacancy.displayTitle, status: vacancy.status, ...payload },
  };
}

export interface VacancySubscriberDeps {
  /** For what the mails show (names, languages, portals), read when the mail is sent. */
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
}

export function registerVacancySubscribers(events: EventBus, deps: VacancySubscriberDeps): void {
  events.subscribe({
    name: "vacancies.closed-mail",
    types: ["vacancy.closed"],
    /** The owner (else the contact person) of a vacancy closed on its date, in their language. */
    async handle(event) {
      const payload = event.payload as {
        reason?: string;
        recipientUserId?: string | null;
        closesOn?: string | null;
      };
      const vacancyId = event.subject.vacancyId;
      if (payload.reason !== "closing_date" || !payload.recipientUserId || !vacancyId) return;
      if (!event.organisationId || !event.portalId) return;
      const facts = await deps.store
        .bind(systemScope("events"), publicationJobRepository)
        .closingMailFacts(payload.recipientUserId, event.organisationId, event.portalId);
      // A deactivated account cannot sign in to follow the link.
      if (!facts || facts.deactivatedAt) return;
      const locale = mailLocale(facts.locale);
      const detailUrl = new URL(
        `vacaturebeheer/${vacancyId}`,
        mailPortalUrl(deps.publicUrl, facts),
      ).toString();
      await deps.mailer.send({
        to: facts.email,
        ...vacancyClosed({
          locale,
          portalName: locale === "en" ? facts.portalNameEn : facts.portalNameNl,
          name: facts.name,
          vacancyTitle: String(event.payload.displayTitle ?? ""),
          organisationName: facts.organisationName ?? "",
          closesOn: payload.closesOn ?? "",
          detailUrl,
        }),
      });
    },
  });
}
