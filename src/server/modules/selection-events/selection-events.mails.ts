import { dateTimeFormat } from "../../../contracts/intl";
import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/*
 * The applicant's mails of a selection event: the invitation to book, and each booking, change
 * and cancellation (which carry the calendar invitation). Applicants read Dutch or English.
 */

interface MailFacts {
  locale: MailLocale;
  portalNameNl: string;
  portalNameEn: string;
  firstName: string;
  eventName: string;
  vacancyTitle: string;
  organisationName: string;
  location: string | null;
  onlineUrl: string | null;
  bookingDeadline: Date;
  timeZone: string;
  url: string;
}

type Lang = "nl" | "en";
const langOf = (locale: MailLocale): Lang => (locale === "nl" ? "nl" : "en");
const INTL: Record<Lang, string> = { nl: "nl-BE", en: "en-GB" };

function deadline(lang: Lang, f: MailFacts): string {
  return dateTimeFormat(INTL[lang], { dateStyle: "long", timeStyle: "short", timeZone: f.timeZone }).format(
    f.bookingDeadline,
  );
}

/** "donderdag 10 december 2026" from "2026-12-10", read as a calendar day. */
function longDay(lang: Lang, day: string): string {
  return dateTimeFormat(INTL[lang], { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function place(lang: Lang, f: MailFacts): string[] {
  const lines: string[] = [];
  if (f.location) lines.push(lang === "nl" ? `Plaats: ${f.location}` : `Place: ${f.location}`);
  if (f.onlineUrl) lines.push(lang === "nl" ? `Online: ${f.onlineUrl}` : `Online: ${f.onlineUrl}`);
  return lines;
}

function letter(f: MailFacts, subject: string, paragraphs: string[], action: string): MailContent {
  const lang = langOf(f.locale);
  return renderLetter({
    locale: lang,
    portalName: lang === "nl" ? f.portalNameNl : f.portalNameEn,
    subject,
    greeting: mailGreeting(lang, f.firstName),
    blocks: [
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "action", label: action, url: f.url, fallback: mailLinkFallback(lang) },
    ],
  });
}

/** You are invited: choose a moment before the deadline. */
export function invitationMail(f: MailFacts): MailContent {
  const lang = langOf(f.locale);
  const until = deadline(lang, f);
  return lang === "nl"
    ? letter(
        f,
        `Kies je moment: ${f.eventName} (${f.vacancyTitle})`,
        [
          `${f.organisationName} nodigt je uit voor "${f.eventName}" in de selectie voor ${f.vacancyTitle}.`,
          ...place(lang, f),
          `Kies een moment dat je past. Je kunt je inschrijving wijzigen of annuleren tot ${until}.`,
        ],
        "Moment kiezen",
      )
    : letter(
        f,
        `Choose your time: ${f.eventName} (${f.vacancyTitle})`,
        [
          `${f.organisationName} invites you to "${f.eventName}" in the selection for ${f.vacancyTitle}.`,
          ...place(lang, f),
          `Choose a time that suits you. You can change or cancel your booking until ${until}.`,
        ],
        "Choose a time",
      );
}

/** Booked, changed or cancelled: the mail that carries the calendar invitation. */
export function bookingMail(
  f: MailFacts & { day: string; start: string; end: string; kind: "booked" | "changed" | "cancelled" },
): MailContent {
  const lang = langOf(f.locale);
  const when = `${longDay(lang, f.day)}, ${f.start}–${f.end}`;
  const until = deadline(lang, f);
  const texts = {
    nl: {
      booked: [`Ingeschreven: ${f.eventName}`, `Je bent ingeschreven voor "${f.eventName}" op ${when}.`],
      changed: [
        `Gewijzigd: ${f.eventName}`,
        `Je inschrijving voor "${f.eventName}" is gewijzigd naar ${when}.`,
      ],
      cancelled: [
        `Geannuleerd: ${f.eventName}`,
        `Je inschrijving voor "${f.eventName}" op ${when} is geannuleerd.`,
      ],
      calendar: "De uitnodiging voor je agenda zit bij deze mail.",
      change: `Wijzigen of annuleren kan tot ${until}.`,
      action: "Inschrijving bekijken",
    },
    en: {
      booked: [`Booked: ${f.eventName}`, `You are booked for "${f.eventName}" on ${when}.`],
      changed: [`Changed: ${f.eventName}`, `Your booking for "${f.eventName}" has changed to ${when}.`],
      cancelled: [`Cancelled: ${f.eventName}`, `Your booking for "${f.eventName}" on ${when} is cancelled.`],
      calendar: "The invitation for your calendar comes with this mail.",
      change: `You can change or cancel until ${until}.`,
      action: "View your booking",
    },
  }[lang];
  const [subject, intro] = texts[f.kind] as [string, string];
  return letter(
    f,
    `${subject} (${f.vacancyTitle})`,
    [intro, ...(f.kind === "cancelled" ? [] : place(lang, f)), texts.calendar, texts.change],
    texts.action,
  );
}
