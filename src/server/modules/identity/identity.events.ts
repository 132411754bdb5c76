import { uiLocaleOf } from "../../../contracts/common";
import type { DomainEvent, EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { accessRevoked, mailLocale, resetPassword, verifyEmail } from "../../platform/mail-templates";
import type { Sealer } from "../../platform/secrets";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { type MailPortal, mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { accountsRepository } from "./accounts.repository";
import {
  IDENTITY_EVENTS,
  type LinkMailPayload,
  RESET_LINK_MINUTES,
  VERIFY_LINK_HOURS,
} from "./identity.mail";
import { hashToken, invitationMessage } from "./invitations.mail";
import { INVITATION_MAIL, invitationsRepository } from "./invitations.repository";

export interface IdentitySubscriberDeps {
  store: Store;
  mailer: Mailer;
  sealer: Sealer;
  publicUrl: string;
  log?: (message: string) => void;
}

/** What the access-revoked mail needs, captured when access was revoked. */
export interface AccessRevokedPayload {
  email: string;
  name: string;
  locale: string;
  organisationName: string;
}

/** A link that stopped working while the mail waited (a long outage) is not worth sending. */
function expired(event: DomainEvent, minutes: number): boolean {
  return event.occurredAt.getTime() + minutes * 60_000 < Date.now();
}

/**
 * The identity module's mail (decision 0015): each subscriber throws to be retried, and its mail
 * is keyed by the event, so a retry after a lost answer does not mail twice.
 */
export function registerIdentitySubscribers(events: EventBus, deps: IdentitySubscriberDeps): void {
  const { mailer, sealer } = deps;
  const system = systemScope("events");
  const accounts = deps.store.bind(system, accountsRepository);
  const invitations = deps.store.bind(system, invitationsRepository);
  const log = deps.log ?? (() => {});
  const localeOf = async (userId: string | undefined) =>
    mailLocale(userId ? (await accounts.byId(userId))?.locale : undefined);
  /** The portal the request came in on (the event's portal), if it still exists. */
  const portalOf = async (event: DomainEvent): Promise<MailPortal | null> =>
    event.portalId ? accounts.mailPortal(event.portalId) : null;
  /**
   * better-auth makes its links on the one base URL; they go back to the portal the person
   * asked on, whose host differs only in the subdomain (the path and token stay as they are).
   */
  const onPortal = (link: string, portal: MailPortal | null): string => {
    if (!portal) return link;
    const url = new URL(link);
    const base = new URL(mailPortalUrl(deps.publicUrl, portal));
    url.protocol = base.protocol;
    url.host = base.host;
    return url.toString();
  };
  const nameOf = (locale: string, portal: MailPortal | null) =>
    portal ? mailPortalName(locale, portal) : "Werkbrug";

  events.subscribe({
    name: "identity.password-reset-mail",
    types: [IDENTITY_EVENTS.passwordResetRequested],
    async handle(event) {
      if (expired(event, RESET_LINK_MINUTES)) return log(`reset link of event ${event.id} expired unsent`);
      const p = event.payload as unknown as LinkMailPayload;
      const locale = await localeOf(event.subject.userId);
      const portal = await portalOf(event);
      await mailer.send({
        to: p.email,
        ...resetPassword({
          locale,
          portalName: nameOf(locale, portal),
          name: p.name,
          resetUrl: onPortal(sealer.open(p.sealedUrl), portal),
          expiresInMinutes: RESET_LINK_MINUTES,
        }),
      });
    },
  });

  events.subscribe({
    name: "identity.verification-mail",
    types: [IDENTITY_EVENTS.emailVerificationRequested],
    async handle(event) {
      if (expired(event, VERIFY_LINK_HOURS * 60))
        return log(`verification link of event ${event.id} expired unsent`);
      const p = event.payload as unknown as LinkMailPayload;
      const locale = await localeOf(event.subject.userId);
      const portal = await portalOf(event);
      await mailer.send({
        to: p.email,
        ...verifyEmail({
          locale,
          portalName: nameOf(locale, portal),
          name: p.name,
          verifyUrl: onPortal(sealer.open(p.sealedUrl), portal),
        }),
      });
    },
  });

  events.subscribe({
    name: INVITATION_MAIL,
    types: [IDENTITY_EVENTS.invitationCreated, IDENTITY_EVENTS.invitationResent],
    async handle(event) {
      const id = event.subject.invitationId;
      const row = id ? await invitations.find(id) : null;
      // Accepted or withdrawn meanwhile: nothing to send.
      if (!row || row.invitation.acceptedAt || row.invitation.revokedAt) return;
      const token = sealer.open(String(event.payload.sealedToken));
      // Resent meanwhile: the newer event mails the link that works.
      if (hashToken(token) !== row.invitation.tokenHash) return;
      // Made on a regional portal: the link goes there. Made on the national host: to the
      // organisation's home portal, where its staff work with candidates.
      const madeOn = await portalOf(event);
      const portal = madeOn && madeOn.portalParentId !== null ? madeOn : null;
      await mailer.send(invitationMessage(row, token, deps.publicUrl, portal));
    },
  });

  events.subscribe({
    name: "identity.access-revoked-mail",
    types: [IDENTITY_EVENTS.accessRevoked],
    async handle(event) {
      const p = event.payload as unknown as AccessRevokedPayload;
      await mailer.send({
        to: p.email,
        ...accessRevoked({
          locale: mailLocale(p.locale),
          portalName: "Werkbrug",
          name: p.name,
          organisationName: p.organisationName,
        }),
      });
    },
  });

  events.subscribe({
    name: "identity.contact-language",
    // The employers module's contact_person.updated (named here: employers imports identity, not back).
    types: ["contact_person.updated"],
    async handle(event) {
      const userId = event.subject.userId;
      const language = uiLocaleOf(typeof event.payload.language === "string" ? event.payload.language : null);
      if (!userId || typeof event.payload.language !== "string") return;
      // The account manager chose the contact's language: their account (mails, portal) follows it.
      await accounts.updateProfile(userId, { locale: language });
    },
  });
}
