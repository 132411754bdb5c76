import { dateTimeFormat } from "../../../contracts/intl";
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

/** To the leader or the mentor: plan an introductory meeting with the new colleague. */
export function actionAssignedMail(m: {
  locale: MailLocale;
  portalName: string;
  name: string;
  role: "leader" | "mentor";
  hireName: string;
  vacancyTitle: string;
  startDate: string | null;
  url: string;
}): MailContent {
  const locale: MailLocale = m.locale === "en" ? "en" : "nl";
  const nl = locale === "nl";
  const as = nl
    ? m.role === "leader"
      ? "als leidinggevende"
      : "als meter of peter"
    : m.role === "leader"
      ? "as their leader"
      : "as their mentor";
  const day = m.startDate
    ? dateTimeFormat(nl ? "nl-BE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${m.startDate}T00:00:00Z`),
      )
    : null;
  const start = day ? (nl ? ` en begint op ${day}` : ` and starts on ${day}`) : "";
  return renderLetter({
    locale,
    portalName: m.portalName,
    subject: nl
      ? `Plan een kennismakingsgesprek met ${m.hireName}`
      : `Plan an introductory meeting with ${m.hireName}`,
    greeting: mailGreeting(locale, m.name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `${m.hireName} is aangenomen als ${m.vacancyTitle}${start}. Plan ${as} een kennismakingsgesprek en markeer de actie daarna als voltooid.`
          : `${m.hireName} has been hired as ${m.vacancyTitle}${start}. Plan an introductory meeting ${as}, then mark the action done.`,
      },
      {
        kind: "action",
        label: nl ? "Naar mijn acties" : "To my actions",
        url: m.url,
        fallback: mailLinkFallback(locale),
      },
    ],
  });
}
