import type { DomainEvent, EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import type { Sealer } from "../../platform/secrets";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { MATCH_EVENTS } from "../matches";
import { referralInvitationMail } from "./referrer.mails";
import { type ReferralRow, referrerEventsRepository } from "./referrer.repository";

/*
 * The referrer's side of referrals (decision 0015), each in the transaction of its change, about
 * the vacancy's organisation, subject { referralId, matchId, vacancyId, candidateId }:
 * - referral.created    payload { channel, referrerUserId, token? }: an employee referred a
 *   person (channel "direct"; `token` is the confirmation token, sealed with the app secret), or
 *   a person applied through an employee's link (channel "link"; no token).
 * - referral.confirmed  payload { referrerUserId }: the person confirmed their interest (EOI).
 */
export const REFERRAL_EVENTS = {
  created: "referral.created",
  confirmed: "referral.confirmed",
} as const;

/** How long the referred person's confirmation link works. */
export const CONFIRM_DAYS = 14;

export function referralEvent(
  type: (typeof REFERRAL_EVENTS)[keyof typeof REFERRAL_EVENTS],
  referral: Pick<
    ReferralRow,
    | "id"
    | "organisationId"
    | "portalId"
    | "matchId"
    | "vacancyId"
    | "candidateId"
    | "channel"
    | "referrerUserId"
  >,
  actorUserId: string | null,
  extra: { sealedToken?: string } = {},
): DomainEventInput {
  return {
    type,
    organisationId: referral.organisationId,
    portalId: referral.portalId,
    subject: {
      referralId: referral.id,
      matchId: referral.matchId,
      vacancyId: referral.vacancyId,
      candidateId: referral.candidateId,
    },
    actorUserId,
    payload: {
      ...(type === REFERRAL_EVENTS.created ? { channel: referral.channel } : {}),
      referrerUserId: referral.referrerUserId,
      ...(extra.sealedToken ? { token: extra.sealedToken } : {}),
    },
  };
}

export interface ReferrerSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Opens the confirmation token sealed in the event. */
  sealer: Sealer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
}

/** The referred person's confirmation mail, and referrals made by applying through a link. */
export function registerReferrerSubscribers(events: EventBus, deps: ReferrerSubscriberDeps): void {
  events.subscribe({
    name: "referrals.invitation-mail",
    types: [REFERRAL_EVENTS.created],
    async handle(event) {
      const { referralId } = event.subject;
      const token = event.payload.token;
      if (event.payload.channel !== "direct" || !referralId || typeof token !== "string") return;
      const facts = await deps.store
        .bind(systemScope("events"), referrerEventsRepository)
        .invitationFacts(referralId);
      if (!facts) return;
      // The person has no account and no language of their own yet: the organisation's Dutch.
      const locale = "nl";
      const url = new URL("verwijzing/bevestigen", mailPortalUrl(deps.publicUrl, facts));
      url.searchParams.set("token", deps.sealer.open(token));
      await deps.mailer.send({
        to: facts.email,
        ...referralInvitationMail({
          locale,
          portalName: mailPortalName(locale, facts),
          firstName: facts.firstName,
          referrerFirstName: firstNameOf(facts.referrerName),
          vacancyTitle: facts.vacancyTitle,
          organisationName: facts.organisationName,
          confirmUrl: url.toString(),
          expiresInDays: CONFIRM_DAYS,
        }),
      });
    },
  });

  events.subscribe({
    name: "referrals.link-application",
    types: [MATCH_EVENTS.created],
    handle: (event) => recordLinkReferral(deps.store, event),
  });
}

function firstNameOf(name: string | null): string {
  return name?.trim().split(/\s+/)[0] || "Een collega";
}

/**
 * A person applied through an employee's personal link (`ref` on the job board): the referral
 * is recorded for the link's owner. Ignored for an unknown code, a link to another vacancy, and
 * an employee applying through their own link; a repeated delivery finds the row made.
 */
async function recordLinkReferral(store: Store, event: DomainEvent): Promise<void> {
  const code = event.payload.referralCode;
  const { matchId, vacancyId } = event.subject;
  if (typeof code !== "string" || !matchId || !vacancyId) return;
  const scope = systemScope("events");
  const repo = store.bind(scope, referrerEventsRepository);
  const link = await repo.linkByCode(code);
  if (!link || link.vacancyId !== vacancyId) return;
  const applicant = await repo.applicant(matchId);
  if (!applicant?.email) return;
  if (applicant.userId === link.referrerUserId || event.actorUserId === link.referrerUserId) return;
  await store.transaction(async (tx) => {
    const referral = await tx.bind(scope, referrerEventsRepository).insertReferral({
      organisationId: applicant.organisationId,
      portalId: applicant.portalId,
      vacancyId: applicant.vacancyId,
      matchId: applicant.matchId,
      candidateId: applicant.candidateId,
      referrerUserId: link.referrerUserId,
      channel: "link",
      email: applicant.email!,
      consentAt: applicant.createdAt,
      eoiAt: applicant.createdAt,
    });
    if (referral) await tx.emit(referralEvent(REFERRAL_EVENTS.created, referral, event.actorUserId));
  });
}
