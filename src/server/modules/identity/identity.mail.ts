import type { Sealer } from "../../platform/secrets";
import type { Store } from "../../platform/store";

/** Minutes a password-reset link works; auth.ts gives better-auth the same figure. */
export const RESET_LINK_MINUTES = 60;
/** Hours a link that confirms an e-mail address works; auth.ts gives better-auth the same figure. */
export const VERIFY_LINK_HOURS = 24;

/** The events of the identity module whose subscribers mail (identity.events.ts). */
export const IDENTITY_EVENTS = {
  passwordResetRequested: "identity.password_reset_requested",
  emailVerificationRequested: "identity.email_verification_requested",
  accessRevoked: "identity.access_revoked",
  invitationCreated: "invitation.created",
  invitationResent: "invitation.resent",
  /** An employer contact chose another language for their account (subject.userId). */
  languageChanged: "identity.language_changed",
} as const;

export interface LanguageChangedPayload {
  locale: "nl" | "en" | "de" | "fr";
}

export interface LinkMail {
  userId: string;
  email: string;
  name: string;
  url: string;
  /** The portal the request came in on (its Host); the link goes back there. Null: national. */
  portalId: string | null;
}

/** What a link event carries: the link itself only sealed with the app secret (decision 0015). */
export interface LinkMailPayload {
  email: string;
  name: string;
  sealedUrl: string;
}

/**
 * better-auth's mail callbacks (password reset, e-mail confirmation). Each writes its event in a
 * transaction of its own and returns; the subscriber mails, retrying while the SMTP server is
 * down. So the request answers the same whether or not mail can go out right now.
 */
export function createLinkMailRequests({ store, sealer }: { store: Store; sealer: Sealer }) {
  const request = (type: string) => (input: LinkMail) =>
    store.transaction((tx) =>
      tx.emit({
        type,
        organisationId: null,
        // The subscriber builds the link on this portal, so the person lands where they asked.
        portalId: input.portalId,
        subject: { userId: input.userId },
        // A visitor asks for a reset link; nobody is signed in.
        actorUserId: null,
        payload: {
          email: input.email,
          name: input.name,
          sealedUrl: sealer.seal(input.url),
        } satisfies LinkMailPayload,
      }),
    );
  return {
    passwordReset: request(IDENTITY_EVENTS.passwordResetRequested),
    verification: request(IDENTITY_EVENTS.emailVerificationRequested),
  };
}
