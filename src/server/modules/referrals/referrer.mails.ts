import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

export interface ReferralInvitationMail {
  locale: MailLocale;
  portalName: string;
  firstName: string;
  /** The referrer's first name: the person knows them. */
  referrerFirstName: string;
  vacancyTitle: string;
  organisationName: string;
  confirmUrl: string;
  expiresInDays: number;
}

const INVITED: Record<
  "nl" | "en",
  {
    subject: (m: ReferralInvitationMail) => string;
    body: (m: ReferralInvitationMail) => string;
    ask: (m: ReferralInvitationMail) => string;
    action: string;
  }
> = {
  nl: {
    subject: (m) => `${m.referrerFirstName} heeft je aangemeld voor ${m.vacancyTitle}`,
    body: (m) =>
      `${m.referrerFirstName} werkt bij ${m.organisationName} en denkt dat de vacature "${m.vacancyTitle}" goed bij je past. Met jouw toestemming heeft ${m.referrerFirstName} je daarom aangemeld.`,
    ask: (m) =>
      `Heb je belangstelling? Bevestig dat dan via de knop hieronder en controleer je gegevens, zodat ${m.organisationName} contact met je kan opnemen. De link werkt ${m.expiresInDays} dagen. Geen belangstelling? Dan hoef je niets te doen.`,
    action: "Belangstelling bevestigen",
  },
  en: {
    subject: (m) => `${m.referrerFirstName} referred you for ${m.vacancyTitle}`,
    body: (m) =>
      `${m.referrerFirstName} works at ${m.organisationName} and thinks the vacancy "${m.vacancyTitle}" suits you well. With your permission, ${m.referrerFirstName} has referred you.`,
    ask: (m) =>
      `Interested? Please confirm with the button below and check your details, so that ${m.organisationName} can contact you. The link works for ${m.expiresInDays} days. Not interested? Then you need not do anything.`,
    action: "Confirm my interest",
  },
};

/** To the referred person: confirm the interest and complete the details (a link with a token). */
export function referralInvitationMail(m: ReferralInvitationMail): MailContent {
  const t = INVITED[m.locale === "nl" ? "nl" : "en"];
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(m),
    greeting: mailGreeting(m.locale, m.firstName),
    blocks: [
      { kind: "paragraph", text: t.body(m) },
      { kind: "paragraph", text: t.ask(m) },
      { kind: "action", label: t.action, url: m.confirmUrl, fallback: mailLinkFallback(m.locale) },
    ],
  });
}
