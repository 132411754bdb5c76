import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { ssoSecretExpiringMail } from "./sso.mails";
import { ssoJobRepository } from "./sso.repository";

/**
 * The events of single sign-on management (decision 0033).
 * - sso.secret_expiring: subject { ssoConnectionId }; payload { slot: "current" | "pending", expiresOn }
 */
export const SSO_EVENTS = { secretExpiring: "sso.secret_expiring" } as const;

/** The management screen; the mail links to it on the national portal. */
export const SSO_SCREEN_PATH = "/sso-koppelingen";

export function registerSsoSubscribers(
  events: EventBus,
  deps: { store: Store; mailer: Mailer; publicUrl: string },
): void {
  const facts = () => deps.store.bind(systemScope("events"), ssoJobRepository);
  events.subscribe({
    name: "sso.secret-expiry-mail",
    types: [SSO_EVENTS.secretExpiring],
    /** The organisation's admins (else the platform admins): a client secret expires soon. */
    async handle(event) {
      const id = event.subject.ssoConnectionId;
      const expiresOn = event.payload.expiresOn;
      if (!id || typeof expiresOn !== "string" || !event.organisationId) return;
      const connection = await facts().connection(id);
      if (!connection) return;
      for (const admin of await facts().recipients(event.organisationId)) {
        await deps.mailer.send({
          to: admin.email,
          ...ssoSecretExpiringMail({
            locale: mailLocale(admin.locale),
            name: admin.name,
            organisationName: connection.organisationName,
            emailDomain: connection.emailDomain,
            expiresOn,
            pending: event.payload.slot === "pending",
            url: new URL(SSO_SCREEN_PATH, deps.publicUrl).toString(),
          }),
        });
      }
    },
  });
}
