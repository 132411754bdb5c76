import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { MATCH_EVENTS } from "../matches";
import { newReferralMail, type ProgressKind, progressMail } from "./referrals.mails";
import { referralNoticeRepository } from "./referrals.repository";
import { REFERRAL_EVENTS } from "./referrer.events";

// The referral events themselves (referral.created, referral.confirmed) are in referrer.events.ts;
// progress on the milestones is the matches' own `match.moved` and `match.undone`.

export interface ReferralSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
}

interface StepPayload {
  stepId?: string;
  procedureKind?: string;
  toPhaseId?: string;
  outcome?: string | null;
}

/**
 * The referrer hears of every outcome on the milestones of someone they referred (in-app and by
 * mail, in words for someone who is not a recruiter: never a comment or a reason), and the
 * vacancy's owner of every newly referred candidate when the vacancy asks for it.
 */
export function registerReferralSubscribers(events: EventBus, deps: ReferralSubscriberDeps): void {
  const notices = () => deps.store.bind(systemScope("events"), referralNoticeRepository);

  events.subscribe({
    name: "referrals.progress-to-referrer",
    types: [MATCH_EVENTS.moved, MATCH_EVENTS.undone],
    async handle(event) {
      const payload = event.payload as StepPayload;
      const matchId = event.subject.matchId;
      if (payload.procedureKind !== "referral" || !matchId || !payload.stepId || !payload.toPhaseId) return;
      const repo = notices();
      const facts = await repo.byMatch(matchId);
      if (!facts?.referral.referrerUserId) return;
      const undone = event.type === MATCH_EVENTS.undone;
      const kind: ProgressKind | null = undone
        ? "undone"
        : payload.outcome === "green" || payload.outcome === "orange" || payload.outcome === "red"
          ? payload.outcome
          : null;
      if (!kind) return;
      // The milestone the step was about: the one moved to, or for an undo the one taken back.
      const [phase, points, person] = await Promise.all([
        undone ? repo.phaseOfStep(payload.stepId) : repo.phase(payload.toPhaseId),
        repo.pointsOfStep(payload.stepId),
        repo.person(facts.referral.referrerUserId),
      ]);
      if (!phase || !person) return;
      // An undo takes back what its step gave.
      const signed = undone ? -points : points;
      await repo.notify({
        userId: person.id,
        organisationId: facts.referral.organisationId,
        kind: "referral_progress",
        matchId,
        vacancyId: facts.referral.vacancyId,
        data: {
          referralId: facts.referral.id,
          candidateName: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          milestoneNl: phase.label.nl,
          milestoneEn: phase.label.en,
          progress: kind,
          points: String(signed),
        },
        eventKey: event.id,
      });
      if (person.deactivatedAt) return;
      const locale = mailLocale(person.locale);
      await deps.mailer.send({
        to: person.email,
        ...progressMail(kind, {
          locale,
          portalName: mailPortalName(locale, facts),
          name: person.name,
          candidateName: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          milestone: locale === "nl" ? phase.label.nl : phase.label.en,
          points: signed,
          url: new URL("mijn-verwijzingen", mailPortalUrl(deps.publicUrl, facts)).toString(),
        }),
      });
    },
  });

  events.subscribe({
    name: "referrals.new-to-owner",
    types: [REFERRAL_EVENTS.created],
    async handle(event) {
      const matchId = event.subject.matchId;
      if (!matchId) return;
      const repo = notices();
      const facts = await repo.byMatch(matchId);
      if (!facts?.notifyOnReferral) return;
      const ownerId = facts.ownerUserId ?? facts.contactUserId;
      if (!ownerId || ownerId === facts.referral.referrerUserId) return;
      const [owner, referrer] = await Promise.all([
        repo.person(ownerId),
        facts.referral.referrerUserId ? repo.person(facts.referral.referrerUserId) : null,
      ]);
      if (!owner) return;
      await repo.notify({
        userId: owner.id,
        organisationId: facts.referral.organisationId,
        kind: "referral_new",
        matchId,
        vacancyId: facts.referral.vacancyId,
        data: {
          referralId: facts.referral.id,
          candidateName: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          referrerName: referrer?.name ?? "",
        },
        eventKey: event.id,
      });
      if (owner.deactivatedAt) return;
      const locale = mailLocale(owner.locale);
      await deps.mailer.send({
        to: owner.email,
        ...newReferralMail({
          locale,
          portalName: mailPortalName(locale, facts),
          name: owner.name,
          candidateName: facts.candidateName,
          vacancyTitle: facts.vacancyTitle,
          referrerName: referrer?.name ?? "",
          url: new URL(`verwijzingen/${facts.referral.id}`, mailPortalUrl(deps.publicUrl, facts)).toString(),
        }),
      });
    },
  });
}
