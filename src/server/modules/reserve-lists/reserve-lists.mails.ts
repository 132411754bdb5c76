import { dateTimeFormat } from "../../../contracts/intl";
import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/*
 * The mails of reserve lists and of closing a selection procedure (Vlimpers), sent by the
 * subscribers in reserve-lists.events.ts. Applicants and staff read Dutch or English.
 */

type Lang = "nl" | "en";
type Texts = Record<Lang, string>;

export interface ReserveMailBase {
  locale: MailLocale;
  portalName: string;
  /** The recipient's name. */
  name: string;
  vacancyTitle: string;
  organisationName: string;
  url: string;
}

const langOf = (locale: MailLocale): Lang => (locale === "nl" ? "nl" : "en");

/** A day (yyyy-mm-dd) written out in the reader's language: "31 december 2026". */
export function longDay(day: string, locale: MailLocale): string {
  return dateTimeFormat(langOf(locale) === "nl" ? "nl-BE" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

function letter(
  m: ReserveMailBase,
  subject: Texts,
  paragraphs: Record<Lang, string[]>,
  action: Texts,
  quote?: { intro: Texts; text: string },
): MailContent {
  const lang = langOf(m.locale);
  return renderLetter({
    locale: lang,
    portalName: m.portalName,
    subject: subject[lang],
    greeting: mailGreeting(lang, m.name),
    blocks: [
      ...paragraphs[lang].map((text) => ({ kind: "paragraph" as const, text })),
      ...(quote ? [{ kind: "quote" as const, intro: quote.intro[lang], text: quote.text }] : []),
      { kind: "action", label: action[lang], url: m.url, fallback: mailLinkFallback(lang) },
    ],
  });
}

const myApplications: Texts = { nl: "Mijn sollicitaties", en: "My applications" };

/** To a laureate: they are on the reserve list, valid from … to …. */
export function laureateAddedMail(m: ReserveMailBase & { startsOn: string; endsOn: string }): MailContent {
  const from = longDay(m.startsOn, m.locale);
  const to = longDay(m.endsOn, m.locale);
  return letter(
    m,
    {
      nl: `Je bent opgenomen in de werfreserve: ${m.vacancyTitle}`,
      en: `You are on the reserve list: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `Je bent geslaagd voor de selectie voor ${m.vacancyTitle} bij ${m.organisationName} en opgenomen in de werfreserve.`,
        `De werfreserve is geldig van ${from} tot en met ${to}. Komt er in die periode een passende functie vrij, dan kunnen we je oproepen.`,
      ],
      en: [
        `You passed the selection for ${m.vacancyTitle} at ${m.organisationName} and are on its reserve list.`,
        `The reserve list is valid from ${from} to ${to}. If a suitable position opens up in that period, we may call you up.`,
      ],
    },
    myApplications,
  );
}

/** To a laureate: called up from the reserve list for another vacancy. */
export function calledUpMail(m: ReserveMailBase & { fromVacancyTitle: string }): MailContent {
  return letter(
    m,
    {
      nl: `Je wordt opgeroepen uit de werfreserve: ${m.vacancyTitle}`,
      en: `You are called up from the reserve list: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `Je staat in de werfreserve van ${m.fromVacancyTitle}. Daarom roepen we je op voor de vacature ${m.vacancyTitle} bij ${m.organisationName}.`,
        "Je sollicitatie voor deze vacature staat klaar. We nemen contact met je op over de volgende stap.",
      ],
      en: [
        `You are on the reserve list of ${m.fromVacancyTitle}. That is why we are calling you up for the vacancy ${m.vacancyTitle} at ${m.organisationName}.`,
        "Your application for this vacancy is ready. We will contact you about the next step.",
      ],
    },
    myApplications,
  );
}

/** To the vacancy's owner: its reserve list ends soon. */
export function reserveListExpiringMail(m: ReserveMailBase & { endsOn: string }): MailContent {
  const end = longDay(m.endsOn, m.locale);
  return letter(
    m,
    {
      nl: `Werfreserve loopt af op ${end}: ${m.vacancyTitle}`,
      en: `Reserve list ends on ${end}: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `De werfreserve van ${m.vacancyTitle} (${m.organisationName}) is nog geldig tot en met ${end}.`,
        "Wil je nog laureaten oproepen, doe dat dan voor die datum. Daarna kan het niet meer.",
      ],
      en: [
        `The reserve list of ${m.vacancyTitle} (${m.organisationName}) is valid until ${end}.`,
        "If you want to call up laureates, do so before that date. Afterwards it is no longer possible.",
      ],
    },
    { nl: "Werfreserve bekijken", en: "View the reserve list" },
  );
}

/** To an open applicant when the procedure was completed: not retained ("niet weerhouden"). */
export function notRetainedMail(m: ReserveMailBase): MailContent {
  return letter(
    m,
    {
      nl: `Je sollicitatie voor ${m.vacancyTitle}: niet weerhouden`,
      en: `Your application for ${m.vacancyTitle}: not retained`,
    },
    {
      nl: [
        `Bedankt voor je sollicitatie voor ${m.vacancyTitle} bij ${m.organisationName}.`,
        "De selectieprocedure is afgerond. Helaas ben je niet weerhouden voor deze functie en ben je ook niet opgenomen in de werfreserve.",
        "We wensen je veel succes in je verdere zoektocht.",
      ],
      en: [
        `Thank you for applying for ${m.vacancyTitle} at ${m.organisationName}.`,
        "The selection procedure has been completed. Unfortunately you were not retained for this position, nor placed on the reserve list.",
        "We wish you every success in your search.",
      ],
    },
    myApplications,
  );
}

/** To an open applicant when the procedure was cancelled, with the reason. */
export function procedureCancelledMail(m: ReserveMailBase & { reason: string }): MailContent {
  return letter(
    m,
    {
      nl: `Selectieprocedure geannuleerd: ${m.vacancyTitle}`,
      en: `Selection procedure cancelled: ${m.vacancyTitle}`,
    },
    {
      nl: [
        `Bedankt voor je sollicitatie voor ${m.vacancyTitle} bij ${m.organisationName}.`,
        "De selectieprocedure voor deze vacature is geannuleerd. Je sollicitatie wordt daarom niet verder behandeld.",
      ],
      en: [
        `Thank you for applying for ${m.vacancyTitle} at ${m.organisationName}.`,
        "The selection procedure for this vacancy has been cancelled, so your application will not be taken further.",
      ],
    },
    myApplications,
    { intro: { nl: "De reden:", en: "The reason:" }, text: m.reason },
  );
}
