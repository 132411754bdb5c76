import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/*
 * The mails of the weekly timesheets ("weekstaten"). Only the contact's comment on a rejection is
 * quoted: the candidate's remark on a week stays on the platform.
 */

const INTL_LOCALE: Record<MailLocale, string> = { nl: "nl-NL", en: "en-GB", de: "de-DE", fr: "fr-FR" };

const DAY_MS = 86_400_000;

function mondayOf(weekStart: string): Date {
  const date = new Date(`${weekStart}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart) || Number.isNaN(date.getTime())) {
    throw new Error(`Not a week start: ${weekStart}`);
  }
  return date;
}

/** The ISO 8601 week number: the week belongs to the year of its Thursday. */
function isoWeekNumber(monday: Date): number {
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const januaryFirst = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - januaryFirst) / DAY_MS / 7) + 1;
}

/** "30 november – 6 december 2026": Monday to Sunday, calendar dates (so in UTC, never shifted). */
function weekDates(locale: MailLocale, monday: Date): string {
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  return dateTimeFormat(INTL_LOCALE[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatRange(monday, sunday);
}

interface Week {
  number: number;
  dates: string;
}

function week(locale: MailLocale, weekStart: string): Week {
  const monday = mondayOf(weekStart);
  return { number: isoWeekNumber(monday), dates: weekDates(locale, monday) };
}

/** "38,75 uur", "1 hour", "7,5 Stunden", "1,5 heure". */
function hours(locale: MailLocale, value: number): string {
  const amount = numberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 }).format(value);
  switch (locale) {
    case "nl":
      return `${amount} uur`;
    case "en":
      return `${amount} ${value === 1 ? "hour" : "hours"}`;
    case "de":
      return `${amount} ${value === 1 ? "Stunde" : "Stunden"}`;
    case "fr":
      return `${amount} ${value < 2 ? "heure" : "heures"}`;
  }
}

// --- A week submitted, to a contact who approves it -----------------------------------------------

export interface TimesheetSubmittedMail {
  locale: MailLocale;
  portalName: string;
  /** The contact person. */
  name: string;
  candidateName: string;
  vacancyTitle: string;
  /** The week's Monday, yyyy-mm-dd. */
  weekStart: string;
  totalHours: number;
  /** Submitted again after a rejection. */
  resubmitted: boolean;
  /** The week on the platform, /urenstaten/week/<id>. */
  reviewUrl: string;
}

interface SubmittedFacts extends TimesheetSubmittedMail {
  week: Week;
  hours: string;
}

const SUBMITTED: Record<
  MailLocale,
  { subject: (m: SubmittedFacts) => string; body: (m: SubmittedFacts) => string; action: string }
> = {
  nl: {
    subject: (m) =>
      `${m.resubmitted ? "Gecorrigeerde weekstaat" : "Weekstaat"} week ${m.week.number} van ${m.candidateName} ter beoordeling`,
    body: (m) =>
      `${m.candidateName} heeft de weekstaat van week ${m.week.number} (${m.week.dates}) voor de vacature ${m.vacancyTitle} ${m.resubmitted ? "gecorrigeerd en opnieuw verstuurd" : "verstuurd"}: ${m.hours} in totaal. Keur de week goed of af.`,
    action: "Weekstaat beoordelen",
  },
  en: {
    subject: (m) =>
      `${m.resubmitted ? "Corrected timesheet" : "Timesheet"} for week ${m.week.number} from ${m.candidateName} to review`,
    body: (m) =>
      `${m.candidateName} has ${m.resubmitted ? "corrected and resubmitted" : "submitted"} the timesheet for week ${m.week.number} (${m.week.dates}) for the vacancy ${m.vacancyTitle}: ${m.hours} in total. Please approve or reject the week.`,
    action: "Review the timesheet",
  },
  de: {
    subject: (m) =>
      `${m.resubmitted ? "Korrigierter Stundenzettel" : "Stundenzettel"} KW ${m.week.number} von ${m.candidateName} zur Prüfung`,
    body: (m) =>
      `${m.candidateName} hat den Stundenzettel für Kalenderwoche ${m.week.number} (${m.week.dates}) für die Stelle ${m.vacancyTitle} ${m.resubmitted ? "korrigiert und erneut eingereicht" : "eingereicht"}: insgesamt ${m.hours}. Bitte genehmigen oder lehnen Sie die Woche ab.`,
    action: "Stundenzettel prüfen",
  },
  fr: {
    subject: (m) =>
      `${m.resubmitted ? "Feuille de temps corrigée" : "Feuille de temps"} de la semaine ${m.week.number} de ${m.candidateName} à valider`,
    body: (m) =>
      `${m.candidateName} a ${m.resubmitted ? "corrigé et renvoyé" : "envoyé"} la feuille de temps de la semaine ${m.week.number} (${m.week.dates}) pour le poste ${m.vacancyTitle} : ${m.hours} au total. Veuillez approuver ou refuser la semaine.`,
    action: "Examiner la feuille de temps",
  },
};

/** To a contact person (mail preference "each"): a candidate submitted a week for them to decide. */
export function timesheetSubmittedMail(m: TimesheetSubmittedMail): MailContent {
  const t = SUBMITTED[m.locale];
  const facts: SubmittedFacts = {
    ...m,
    week: week(m.locale, m.weekStart),
    hours: hours(m.locale, m.totalHours),
  };
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(facts),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.body(facts) },
      { kind: "action", label: t.action, url: m.reviewUrl, fallback: mailLinkFallback(m.locale) },
    ],
  });
}

// --- The daily digest, to a contact who asked for one -------------------------------------------

export interface TimesheetDigestWeek {
  candidateName: string;
  vacancyTitle: string;
  weekStart: string;
  totalHours: number;
}

export interface TimesheetDigestMail {
  locale: MailLocale;
  portalName: string;
  name: string;
  /** The weeks submitted since the previous digest; at least one. */
  weeks: TimesheetDigestWeek[];
  /** The contact's timesheets page, /urenstaten. */
  timesheetsUrl: string;
}

const DIGEST: Record<
  MailLocale,
  {
    subject: (count: number) => string;
    intro: string;
    line: (w: TimesheetDigestWeek, week: Week, hours: string) => string;
    outro: string;
    action: string;
  }
> = {
  nl: {
    subject: (n) =>
      n === 1 ? "1 weekstaat wacht op je beoordeling" : `${n} weekstaten wachten op je beoordeling`,
    intro: "Sinds het vorige overzicht zijn deze weekstaten verstuurd:",
    line: (w, week, hours) =>
      `${w.candidateName}, ${w.vacancyTitle}: week ${week.number} (${week.dates}), ${hours}`,
    outro: "Keur ze goed of af op de pagina Urenstaten.",
    action: "Weekstaten beoordelen",
  },
  en: {
    subject: (n) =>
      n === 1 ? "1 timesheet is waiting for your review" : `${n} timesheets are waiting for your review`,
    intro: "These timesheets were submitted since the previous overview:",
    line: (w, week, hours) =>
      `${w.candidateName}, ${w.vacancyTitle}: week ${week.number} (${week.dates}), ${hours}`,
    outro: "Please approve or reject them on the timesheets page.",
    action: "Review the timesheets",
  },
  de: {
    subject: (n) =>
      n === 1 ? "1 Stundenzettel wartet auf Ihre Prüfung" : `${n} Stundenzettel warten auf Ihre Prüfung`,
    intro: "Seit der letzten Übersicht wurden diese Stundenzettel eingereicht:",
    line: (w, week, hours) =>
      `${w.candidateName}, ${w.vacancyTitle}: KW ${week.number} (${week.dates}), ${hours}`,
    outro: "Bitte genehmigen oder lehnen Sie sie auf der Seite mit den Stundenzetteln ab.",
    action: "Stundenzettel prüfen",
  },
  fr: {
    subject: (n) =>
      n === 1
        ? "1 feuille de temps attend votre validation"
        : `${n} feuilles de temps attendent votre validation`,
    intro: "Depuis le dernier récapitulatif, ces feuilles de temps ont été envoyées :",
    line: (w, week, hours) =>
      `${w.candidateName}, ${w.vacancyTitle} : semaine ${week.number} (${week.dates}), ${hours}`,
    outro: "Veuillez les approuver ou les refuser sur la page des feuilles de temps.",
    action: "Examiner les feuilles de temps",
  },
};

/** To a contact person (mail preference "daily"): the weeks submitted since the previous digest. */
export function timesheetDigestMail(m: TimesheetDigestMail): MailContent {
  if (m.weeks.length === 0) throw new Error("A timesheet digest needs at least one week");
  const t = DIGEST[m.locale];
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(m.weeks.length),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.intro },
      ...m.weeks.map((w) => ({
        kind: "paragraph" as const,
        text: t.line(w, week(m.locale, w.weekStart), hours(m.locale, w.totalHours)),
      })),
      { kind: "paragraph", text: t.outro },
      { kind: "action", label: t.action, url: m.timesheetsUrl, fallback: mailLinkFallback(m.locale) },
    ],
  });
}

// --- The decision, to the candidate -------------------------------------------------------------

export interface TimesheetDecidedMail {
  locale: MailLocale;
  portalName: string;
  /** The candidate. */
  name: string;
  vacancyTitle: string;
  weekStart: string;
  /** The contact person (or recruiter) who decided. */
  reviewerName: string;
  decision: "approved" | "rejected";
  /** Required on a rejection; the candidate must read it to correct the week. */
  comment: string | null;
  /** The candidate's week: to view it, or to correct and resubmit it after a rejection. */
  weekUrl: string;
}

interface DecidedFacts extends TimesheetDecidedMail {
  week: Week;
}

const DECIDED: Record<
  MailLocale,
  {
    subject: (m: DecidedFacts) => string;
    body: (m: DecidedFacts) => string;
    comment: string;
    correct: string;
    action: { approved: string; rejected: string };
  }
> = {
  nl: {
    subject: (m) =>
      `Je weekstaat van week ${m.week.number} is ${m.decision === "approved" ? "goedgekeurd" : "afgekeurd"}`,
    body: (m) =>
      `${m.reviewerName} heeft je weekstaat van week ${m.week.number} (${m.week.dates}) voor de vacature ${m.vacancyTitle} ${m.decision === "approved" ? "goedgekeurd" : "afgekeurd"}.`,
    comment: "De toelichting:",
    correct: "Pas de week aan en verstuur hem opnieuw.",
    action: { approved: "Bekijk de week", rejected: "Week aanpassen" },
  },
  en: {
    subject: (m) => `Your timesheet for week ${m.week.number} has been ${m.decision}`,
    body: (m) =>
      `${m.reviewerName} has ${m.decision} your timesheet for week ${m.week.number} (${m.week.dates}) for the vacancy ${m.vacancyTitle}.`,
    comment: "Their explanation:",
    correct: "Please correct the week and submit it again.",
    action: { approved: "View the week", rejected: "Correct the week" },
  },
  de: {
    subject: (m) =>
      `Ihr Stundenzettel für KW ${m.week.number} wurde ${m.decision === "approved" ? "genehmigt" : "abgelehnt"}`,
    body: (m) =>
      `${m.reviewerName} hat Ihren Stundenzettel für Kalenderwoche ${m.week.number} (${m.week.dates}) für die Stelle ${m.vacancyTitle} ${m.decision === "approved" ? "genehmigt" : "abgelehnt"}.`,
    comment: "Die Begründung:",
    correct: "Bitte korrigieren Sie die Woche und reichen Sie sie erneut ein.",
    action: { approved: "Woche ansehen", rejected: "Woche korrigieren" },
  },
  fr: {
    subject: (m) =>
      `Votre feuille de temps de la semaine ${m.week.number} a été ${m.decision === "approved" ? "approuvée" : "refusée"}`,
    body: (m) =>
      `${m.reviewerName} a ${m.decision === "approved" ? "approuvé" : "refusé"} votre feuille de temps de la semaine ${m.week.number} (${m.week.dates}) pour le poste ${m.vacancyTitle}.`,
    comment: "Son explication :",
    correct: "Veuillez corriger la semaine et la renvoyer.",
    action: { approved: "Voir la semaine", rejected: "Corriger la semaine" },
  },
};

/** To the candidate: their week was approved, or rejected with the reviewer's comment. */
export function timesheetDecidedMail(m: TimesheetDecidedMail): MailContent {
  const t = DECIDED[m.locale];
  const facts: DecidedFacts = { ...m, week: week(m.locale, m.weekStart) };
  const comment = m.comment?.trim();
  const rejected = m.decision === "rejected";
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(facts),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.body(facts) },
      ...(rejected && comment ? [{ kind: "quote" as const, intro: t.comment, text: comment }] : []),
      ...(rejected ? [{ kind: "paragraph" as const, text: t.correct }] : []),
      {
        kind: "action",
        label: t.action[m.decision],
        url: m.weekUrl,
        fallback: mailLinkFallback(m.locale),
      },
    ],
  });
}
