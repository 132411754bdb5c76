import { createHash } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { approach, claimAccount, mailLocale, profileRetentionReminder } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { portalUrl } from "../../platform/tenancy";
import { candidateMailRepository } from "./candidate-mail.repository";

/**
 * The events of the candidates module (decision 0015). Payloads hold ids, dates and names of
 * fields, never what a person wrote or how to reach them: an erased person's data must not
 * survive in the outbox, so subscribers read the rows when they deliver.
 */
export const CANDIDATE_EVENTS = {
  /** The candidate changed their profile; `parts` are the parts (general, photo, documents, ...). */
  profileUpdated: "candidate.profile_updated",
  /** Shown or hidden on a portal's candidates overview; `source` candidate or system. */
  visibilityChanged: "candidate.visibility_changed",
  /** Research consent given or withdrawn. */
  consentChanged: "candidate.consent_changed",
  /** A candidate of another portal joined this one (its intake). */
  joinedPortal: "candidate.joined_portal",
  /** Staff opened the candidate's contact details (also in the candidate's own log). */
  contactDetailsViewed: "candidate.contact_details_viewed",
  /** "Benaderen": staff wrote to the candidate; the mail goes out from here. */
  approached: "candidate.approached",
  /** The retention job hid an unchanged profile; the reminder mail goes out from here. */
  retentionReminded: "candidate.retention_reminded",
  /** A profile was anonymised ("delete my account" or retention). */
  erased: "candidate.erased",
  /** The candidate saved or forgot a vacancy. */
  vacancySaved: "candidate.vacancy_saved",
  vacancyUnsaved: "candidate.vacancy_unsaved",
  /** An account manager registered a job seeker. */
  jobSeekerRegistered: "job_seeker.registered",
  /** A (new) link to claim the account was made; the mail goes out from here. */
  jobSeekerInvited: "job_seeker.invited",
  /** The job seeker chose a password through the link. */
  jobSeekerClaimed: "job_seeker.claimed",
} as const;

export interface CandidateSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
  /** The app's secret: claim links travel through the outbox encrypted with it. */
  secret: string;
}

/*
 * A claim link holds a single-use token that only its hash in account_claims stands for. The
 * token travels to the mail subscriber inside the event, encrypted with the app's secret (a key
 * of its own for this purpose), so a retried delivery sends the same working link and the outbox
 * never holds it readable.
 */
const claimKey = (secret: string) => `werkbrug:account-claim-link:${secret}`;
export const sealClaimToken = (secret: string, token: string) =>
  symmetricEncrypt({ key: claimKey(secret), data: token });
export const openClaimToken = (secret: string, sealed: string) =>
  symmetricDecrypt({ key: claimKey(secret), data: sealed });
export const hashClaimToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Portal = { slug: string; parentId: string | null; nameNl: string; nameEn: string };
const portalName = (portal: Portal | null, locale: string) =>
  portal ? (locale === "nl" ? portal.nameNl : portal.nameEn) : "Werkbrug";
const portalBase = (publicUrl: string, portal: Portal | null) =>
  portalUrl(publicUrl, portal && portal.parentId !== null ? portal.slug : null);

/** The mails of the candidates module, each sent when its event is delivered. */
export function registerCandidateSubscribers(events: EventBus, deps: CandidateSubscriberDeps): void {
  const mail = deps.store.bind(systemScope("events"), candidateMailRepository);

  events.subscribe({
    name: "candidates.approach-mail",
    types: [CANDIDATE_EVENTS.approached],
    async handle(event) {
      const found = await mail.approachMail(String(event.payload.messageId));
      if (!found?.to) return;
      const locale = mailLocale(found.locale);
      await deps.mailer.send({
        to: found.to,
        // The candidate can answer the person who approached them.
        ...(found.senderEmail ? { replyTo: found.senderEmail } : {}),
        ...approach({
          locale,
          portalName: portalName(found.portal, locale),
          name: found.candidate.firstName,
          senderName: found.senderName ?? "",
          organisationName: found.organisationName ?? "Werkbrug",
          subject: found.subject,
          message: found.body,
          inboxUrl: new URL("/berichten", portalBase(deps.publicUrl, found.portal)).toString(),
        }),
      });
    },
  });

  events.subscribe({
    name: "candidates.claim-mail",
    types: [CANDIDATE_EVENTS.jobSeekerInvited],
    async handle(event) {
      const found = await mail.claimMail(String(event.payload.claimId));
      if (!found) return; // replaced by a newer link, used, or the person was erased
      const token = await openClaimToken(deps.secret, String(event.payload.link));
      if (hashClaimToken(token) !== found.claim.tokenHash) return;
      const locale = mailLocale(found.user.locale);
      const claimUrl = new URL(
        `/account-activeren?token=${encodeURIComponent(token)}`,
        portalBase(deps.publicUrl, found.portal),
      ).toString();
      await deps.mailer.send({
        to: found.user.email,
        ...claimAccount({
          locale,
          portalName: portalName(found.portal, locale),
          name: found.firstName,
          registeredBy: found.registeredBy,
          claimUrl,
          expiresOn: found.claim.expiresAt,
        }),
      });
    },
  });

  events.subscribe({
    name: "candidates.retention-reminder-mail",
    types: [CANDIDATE_EVENTS.retentionReminded],
    async handle(event) {
      const found = await mail.reminderMail(String(event.subject.candidateId));
      // Changed since (the reminder no longer holds), anonymised, or nowhere to write to.
      if (!found?.to || !found.portal) return;
      const { row } = found;
      if (row.profileUpdatedAt > row.retentionRemindedAt!) return;
      const locale = mailLocale(found.locale);
      await deps.mailer.send({
        to: found.to,
        ...profileRetentionReminder({
          locale,
          portalName: portalName(found.portal, locale),
          name: found.userName ?? `${row.firstName} ${row.lastName}`.trim(),
          lastUpdated: new Date(String(event.payload.lastUpdated)),
          anonymiseOn: new Date(String(event.payload.anonymiseOn)),
          profileUrl: new URL("profiel", portalBase(deps.publicUrl, found.portal)).toString(),
        }),
      });
    },
  });
}
