import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/*
 * The mails of a selection procedure (Vlimpers) that the subscribers in vacancies.events.ts
 * send: a request filed and decided, an application received (applicant and owner). Staff and
 * applicants read Dutch or English.
 */

interface SelectionMailBase {
  locale: MailLocale;
  portalName: string;
  /** The recipient's name. */
  name: string;
  vacancyTitle: string;
  organisationName: string;
  url: string;
}

const dutch = (locale: MailLocale) => locale === "nl";
/** German and French readers are contact persons; selection mails are in Dutch or English. */
const staffLocale = (locale: MailLocale): MailLocale => (dutch(locale) ? "nl" : "en");

function letter(
  m: SelectionMailBase,
  subject: Record<"nl" | "en", string>,
  paragraphs: Record<"nl" | "en", string[]>,
  action: Record<"nl" | "en", string>,
  quote?: { intro: Record<"nl" | "en", string>; text: string },
): MailContent {
  const locale = staffLocale(m.locale);
  const lang = locale === "nl" ? "nl" : "en";
  return renderLetter({
    locale,
    portalName: m.portalName,
    subject: subject[lang],
    greeting: mailGreeting(locale, m.name),
    blocks: [
      ...paragraphs[lang].map((text) => ({ kind: "paragraph" as const, text })),
      ...(quote ? [{ kind: "quote" as const, intro: quote.intro[lang], text: quote.text }] : []),
      { kind: "action", label: action[lang], url: m.url, fallback: mailLinkFallback(locale) },
    ],
  });
}

/** To the selection officers: an HR officer asked for a vacancy. */
export function requestFiledMail(m: SelectionMailBase & { requesterName: string }): MailContent {
  return letter(
    m,
    {
      nl: `Nieuwe vacature-aanvraag: ${m.vacancyTitle}`,
      en: `New vacancy request: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `${m.requesterName} vraagt een vacature aan voor ${m.organisationName}: ${m.vacancyTitle}.`,
        "Bekijk de aanvraag en keur ze goed of af. Na goedkeuring werk je verder aan de vacature.",
      ],
      en: [
        `${m.requesterName} requests a vacancy for ${m.organisationName}: ${m.vacancyTitle}.`,
        "Review the request and approve or reject it. Once approved, you carry on with the vacancy.",
      ],
    },
    { nl: "Aanvraag bekijken", en: "View the request" },
  );
}

/** To the HR officer who asked: the request was approved or rejected, with the remarks. */
export function requestDecidedMail(
  m: SelectionMailBase & { approved: boolean; comment: string | null },
): MailContent {
  const quote = m.comment
    ? {
        intro: {
          nl: "De opmerkingen van de selectieverantwoordelijke:",
          en: "The selection officer's remarks:",
        },
        text: m.comment,
      }
    : undefined;
  return letter(
    m,
    m.approved
      ? {
          nl: `Vacature-aanvraag goedgekeurd: ${m.vacancyTitle}`,
          en: `Vacancy request approved: ${m.vacancyTitle}`,
        }
      : {
          nl: `Vacature-aanvraag afgekeurd: ${m.vacancyTitle}`,
          en: `Vacancy request rejected: ${m.vacancyTitle}`,
        },
    m.approved
      ? {
          nl: [
            `Je aanvraag voor de vacature ${m.vacancyTitle} (${m.organisationName}) is goedgekeurd. De selectieverantwoordelijke werkt de vacature verder uit en publiceert ze.`,
          ],
          en: [
            `Your request for the vacancy ${m.vacancyTitle} (${m.organisationName}) was approved. The selection officer will complete and publish the vacancy.`,
          ],
        }
      : {
          nl: [`Je aanvraag voor de vacature ${m.vacancyTitle} (${m.organisationName}) is afgekeurd.`],
          en: [`Your request for the vacancy ${m.vacancyTitle} (${m.organisationName}) was rejected.`],
        },
    { nl: "Vacature bekijken", en: "View the vacancy" },
    quote,
  );
}

/** To the applicant: the application arrived. */
export function applicationReceivedMail(m: SelectionMailBase): MailContent {
  return letter(
    m,
    {
      nl: `We hebben je sollicitatie ontvangen: ${m.vacancyTitle}`,
      en: `We received your application: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `Bedankt voor je sollicitatie voor ${m.vacancyTitle} bij ${m.organisationName}. We hebben ze goed ontvangen.`,
        "Op je pagina met sollicitaties volg je de stand van zaken. Daar kun je je sollicitatie ook intrekken.",
      ],
      en: [
        `Thank you for applying for ${m.vacancyTitle} at ${m.organisationName}. Your application has arrived.`,
        "Follow how it stands on your applications page, where you can also withdraw it.",
      ],
    },
    { nl: "Mijn sollicitaties", en: "My applications" },
  );
}

/** To the vacancy's owner: someone applied. */
export function newApplicationMail(m: SelectionMailBase & { candidateName: string }): MailContent {
  return letter(
    m,
    {
      nl: `Nieuwe sollicitatie voor ${m.vacancyTitle}`,
      en: `New application for ${m.vacancyTitle}`,
    },
    {
      nl: [
        `${m.candidateName} heeft gesolliciteerd op de vacature ${m.vacancyTitle} (${m.organisationName}).`,
      ],
      en: [`${m.candidateName} applied for the vacancy ${m.vacancyTitle} (${m.organisationName}).`],
    },
    { nl: "Sollicitanten bekijken", en: "View the applicants" },
  );
}
