import { dateTimeFormat } from "../../../contracts/intl";
import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/** To an organisation's admins: a single sign-on client secret expires within 30 days. */
export function ssoSecretExpiringMail(m: {
  locale: MailLocale;
  name: string;
  organisationName: string;
  emailDomain: string;
  /** yyyy-mm-dd */
  expiresOn: string;
  /** The waiting (rotated-in) secret rather than the one in use. */
  pending: boolean;
  url: string;
}): MailContent {
  const lang = m.locale === "nl" ? "nl" : "en";
  const day = dateTimeFormat(lang === "nl" ? "nl-BE" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${m.expiresOn}T12:00:00Z`));
  const which =
    lang === "nl"
      ? m.pending
        ? "Het nieuwe (nog niet gebruikte) clientgeheim"
        : "Het clientgeheim"
      : m.pending
        ? "The new (not yet used) client secret"
        : "The client secret";
  const paragraphs =
    lang === "nl"
      ? [
          `${which} van de Microsoft-koppeling (SSO) voor ${m.emailDomain} (${m.organisationName}) verloopt op ${day}.`,
          "Daarna kan niemand van dit domein nog met Microsoft inloggen. Maak in Microsoft Entra een nieuw clientgeheim aan en voeg het in Werkbrug toe bij Eenmalige aanmelding (SSO). Het oude blijft werken tot het nieuwe gewerkt heeft.",
        ]
      : [
          `${which} of the Microsoft (single sign-on) connection for ${m.emailDomain} (${m.organisationName}) expires on ${day}.`,
          "After that nobody of this domain can sign in with Microsoft. Create a new client secret in Microsoft Entra and add it in Werkbrug under Single sign-on (SSO). The old one keeps working until the new one has worked.",
        ];
  return renderLetter({
    locale: lang,
    portalName: "Werkbrug",
    subject:
      lang === "nl"
        ? `SSO-clientgeheim voor ${m.emailDomain} verloopt op ${day}`
        : `SSO client secret for ${m.emailDomain} expires on ${day}`,
    greeting: mailGreeting(lang, m.name),
    blocks: [
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      {
        kind: "action",
        label: lang === "nl" ? "SSO-koppelingen openen" : "Open the SSO connections",
        url: m.url,
        fallback: mailLinkFallback(lang),
      },
    ],
  });
}
