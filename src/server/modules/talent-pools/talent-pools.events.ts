import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale, talentPoolMatched } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { poolMailRepository, type TalentPoolRow } from "./talent-pools.repository";

/*
 * The events of talent pools (decision 0015), each in the transaction of its change, about the
 * pool's team (`organisationId`), subject { talentPoolId, candidateId? }:
 * - talent_pool.created          payload { kind, employerId }
 * - talent_pool.member_added     payload { }
 * - talent_pool.member_removed   payload { }
 * - talent_pool.matched          a contact matched a pool candidate to their vacancy; about the
 *   vacancy's organisation, subject + matchId, vacancyId; payload { phaseKey, addedByUserId }
 *   (who put the candidate in the pool: the mail's recipient when the client has no account
 *   manager). The match itself has its own `match.created`.
 */
export const TALENT_POOL_EVENTS = {
  created: "talent_pool.created",
  memberAdded: "talent_pool.member_added",
  memberRemoved: "talent_pool.member_removed",
  matched: "talent_pool.matched",
} as const;

export function poolEvent(
  type: Exclude<(typeof TALENT_POOL_EVENTS)[keyof typeof TALENT_POOL_EVENTS], "talent_pool.matched">,
  pool: Pick<TalentPoolRow, "id" | "organisationId" | "employerId">,
  actorUserId: string,
  extra: { candidateId?: string; portalId?: string | null } = {},
): DomainEventInput {
  return {
    type,
    organisationId: pool.organisationId,
    portalId: extra.portalId ?? null,
    subject: { talentPoolId: pool.id, ...(extra.candidateId ? { candidateId: extra.candidateId } : {}) },
    actorUserId,
    payload:
      type === TALENT_POOL_EVENTS.created
        ? { kind: pool.employerId ? "client" : "general", employerId: pool.employerId }
        : {},
  };
}

export interface MatchedPayload {
  phaseKey: string;
  addedByUserId: string | null;
}

export interface TalentPoolSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
}

/** The recruiter hears when a contact matched a pool candidate to a vacancy (in their language). */
export function registerTalentPoolSubscribers(events: EventBus, deps: TalentPoolSubscriberDeps): void {
  events.subscribe({
    name: "talent-pools.matched-mail",
    types: [TALENT_POOL_EVENTS.matched],
    async handle(event) {
      const { vacancyId, candidateId } = event.subject;
      if (!vacancyId || !candidateId || !event.portalId) return;
      const payload = event.payload as unknown as MatchedPayload;
      const mails = deps.store.bind(systemScope("events"), poolMailRepository);
      const facts = await mails.matchedFacts({ vacancyId, candidateId, actorUserId: event.actorUserId });
      if (!facts) return;
      // The client's account manager (a branch's is its head office's), else who added the candidate.
      const recipientId =
        facts.accountManagerUserId ?? facts.parentAccountManagerUserId ?? payload.addedByUserId;
      if (!recipientId) return;
      const recipient = await mails.recipient(recipientId, event.portalId);
      if (!recipient || recipient.deactivatedAt) return;
      const locale = mailLocale(recipient.locale);
      const detailUrl = new URL(
        `vacaturebeheer/${vacancyId}`,
        mailPortalUrl(deps.publicUrl, recipient),
      ).toString();
      await deps.mailer.send({
        to: recipient.email,
        ...talentPoolMatched({
          locale,
          portalName: mailPortalName(locale, recipient),
          name: recipient.name,
          contactName: facts.contactName ?? "",
          organisationName: facts.organisationName,
          candidateName: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          detailUrl,
        }),
      });
    },
  });
}
