import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale, vacancyClosed } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalUrl } from "../../platform/tenancy";
import { publicationJobRepository } from "./publication-job.repository";
import {
  applicationReceivedMail,
  newApplicationMail,
  requestDecidedMail,
  requestFiledMail,
} from "./selection.mails";
import { type SelectionMailVacancy, selectionMailRepository } from "./selection-mail.repository";

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
 * - vacancy.team_changed: `{ action, changes }` (owner, team members added and removed);
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
  | "vacancy.team_changed"
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

  const facts = () => deps.store.bind(systemScope("events"), selectionMailRepository);
  const portalName = (v: SelectionMailVacancy, locale: string) =>
    locale === "nl" ? v.portalNameNl : v.portalNameEn;
  const link = (v: SelectionMailVacancy, path: string) =>
    new URL(path, mailPortalUrl(deps.publicUrl, v)).toString();

  events.subscribe({
    name: "vacancies.request-filed-mail",
    types: ["vacancy.requested"],
    /** The selection officers of the organisation family: a request waits for their decision. */
    async handle(event) {
      const vacancyId = event.subject.vacancyId;
      if (!vacancyId || !event.organisationId) return;
      const vacancy = await facts().vacancy(vacancyId);
      if (!vacancy) return;
      for (const officer of await facts().selectionOfficers(event.organisationId)) {
        const locale = mailLocale(officer.locale);
        await deps.mailer.send({
          to: officer.email,
          ...requestFiledMail({
            locale,
            portalName: portalName(vacancy, locale),
            name: officer.name,
            vacancyTitle: vacancy.displayTitle,
            organisationName: vacancy.organisationName,
            requesterName: vacancy.requesterName ?? "",
            url: link(vacancy, `vacaturebeheer/${vacancy.id}`),
          }),
        });
      }
    },
  });

  events.subscribe({
    name: "vacancies.request-decided-mail",
    types: ["vacancy.approved", "vacancy.rejected"],
    /** The HR officer who asked: approved or rejected, with the selection officer's remarks. */
    async handle(event) {
      const vacancyId = event.subject.vacancyId;
      if (!vacancyId) return;
      const vacancy = await facts().vacancy(vacancyId);
      if (!vacancy?.requestedByUserId) return;
      const requester = await facts().user(vacancy.requestedByUserId);
      if (!requester) return;
      const locale = mailLocale(requester.locale);
      await deps.mailer.send({
        to: requester.email,
        ...requestDecidedMail({
          locale,
          portalName: portalName(vacancy, locale),
          name: requester.name,
          vacancyTitle: vacancy.displayTitle,
          organisationName: vacancy.organisationName,
          approved: event.type === "vacancy.approved",
          comment: vacancy.decisionComment,
          url: link(vacancy, `vacaturebeheer/${vacancy.id}`),
        }),
      });
    },
  });

  events.subscribe({
    name: "vacancies.application-mails",
    types: ["match.created"],
    /** An application arrived: a confirmation to the applicant and a word to the vacancy's owner. */
    async handle(event) {
      const matchId = event.subject.matchId;
      if (!matchId || event.payload.source !== "applied") return;
      const application = await facts().application(matchId);
      if (!application) return;
      const vacancy = await facts().vacancy(application.vacancyId);
      if (!vacancy) return;
      if (application.applicantEmail) {
        const locale = mailLocale(application.applicantLocale);
        await deps.mailer.send({
          to: application.applicantEmail,
          ...applicationReceivedMail({
            locale,
            portalName: portalName(vacancy, locale),
            name: application.candidateName,
            vacancyTitle: vacancy.displayTitle,
            organisationName: vacancy.organisationName,
            url: link(vacancy, "sollicitaties"),
          }),
        });
      }
      const handler = application.handlerUserId ? await facts().user(application.handlerUserId) : null;
      if (handler) {
        const locale = mailLocale(handler.locale);
        await deps.mailer.send({
          to: handler.email,
          ...newApplicationMail({
            locale,
            portalName: portalName(vacancy, locale),
            name: handler.name,
            vacancyTitle: vacancy.displayTitle,
            organisationName: vacancy.organisationName,
            candidateName: application.candidateName,
            url: link(vacancy, `vacaturebeheer/${vacancy.id}`),
          }),
        });
      }
    },
  });
}
