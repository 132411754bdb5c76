import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/** To the new employee: learning material waits for them, with the link to their onboarding page. */
export function materialAssignedMail(m: {
  locale: MailLocale;
  portalName: string;
  name: string;
  vacancyTitle: string;
  organisationName: string;
  url: string;
}): MailContent {
  // New employees read Dutch or English.
  const locale: MailLocale = m.locale === "en" ? "en" : "nl";
  const nl = locale === "nl";
  return renderLetter({
    locale,
    portalName: m.portalName,
    subject: nl
      ? `Leermateriaal voor je start bij ${m.organisationName}`
      : `Learning material for your start at ${m.organisationName}`,
    greeting: mailGreeting(locale, m.name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `Welkom bij ${m.organisationName} als ${m.vacancyTitle}. Om je voor te bereiden staat er leermateriaal voor je klaar.`
          : `Welcome to ${m.organisationName} as ${m.vacancyTitle}. Learning material is ready to help you prepare.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? "Sommig materiaal kun je al voor je eerste werkdag bekijken, ander materiaal vanaf je eerste werkdag."
          : "Some material you can open before your first working day, other material from your first day.",
      },
      {
        kind: "action",
        label: nl ? "Mijn leermateriaal" : "My learning material",
        url: m.url,
        fallback: mailLinkFallback(locale),
      },
    ],
  });
}
