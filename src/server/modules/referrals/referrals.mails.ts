import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/** What changed for a referred person, as a referrer should read it: no reasons, no comments. */
export type ProgressKind = "green" | "orange" | "red" | "undone";

interface ProgressMail {
  locale: MailLocale;
  portalName: string;
  name: string;
  candidateName: string;
  vacancyTitle: string;
  milestone: string;
  /** Points given (positive) or taken back (negative) with this step; 0 for none. */
  points: number;
  url: string;
}

type Texts = {
  subject: Record<ProgressKind, (m: ProgressMail) => string>;
  body: Record<ProgressKind, (m: ProgressMail) => string>;
  points: (m: ProgressMail) => string;
  action: string;
};

const NL: Texts = {
  subject: {
    green: (m) => `Goed nieuws over ${m.candidateName}`,
    orange: (m) => `Nieuws over ${m.candidateName}`,
    red: (m) => `${m.candidateName} gaat niet verder`,
    undone: (m) => `De voortgang van ${m.candidateName} is bijgewerkt`,
  },
  body: {
    green: (m) =>
      `${m.candidateName} is een stap verder bij de vacature ${m.vacancyTitle}: "${m.milestone}" is gelukt.`,
    orange: (m) =>
      `Bij ${m.candidateName} (vacature ${m.vacancyTitle}) loopt de stap "${m.milestone}" nog. We laten het je weten zodra er meer bekend is.`,
    red: (m) =>
      `${m.candidateName} gaat niet verder voor de vacature ${m.vacancyTitle}. Bedankt voor je verwijzing! Ken je nog iemand die bij ons past? Verwijs ze gerust.`,
    undone: (m) =>
      `De stap "${m.milestone}" van ${m.candidateName} (vacature ${m.vacancyTitle}) is teruggezet. Bekijk de actuele stand in de app.`,
  },
  points: (m) =>
    m.points > 0
      ? `Je hebt er ${m.points} punten voor gekregen.`
      : `De ${-m.points} punten voor deze stap zijn teruggedraaid.`,
  action: "Bekijk je verwijzingen",
};

const EN: Texts = {
  subject: {
    green: (m) => `Good news about ${m.candidateName}`,
    orange: (m) => `News about ${m.candidateName}`,
    red: (m) => `${m.candidateName} is not going further`,
    undone: (m) => `${m.candidateName}'s progress was updated`,
  },
  body: {
    green: (m) =>
      `${m.candidateName} has taken a step forward for the vacancy ${m.vacancyTitle}: "${m.milestone}" went well.`,
    orange: (m) =>
      `For ${m.candidateName} (vacancy ${m.vacancyTitle}) the step "${m.milestone}" is still in progress. We will let you know as soon as we know more.`,
    red: (m) =>
      `${m.candidateName} is not going further for the vacancy ${m.vacancyTitle}. Thank you for your referral! Do you know someone else who would fit in? Feel free to refer them.`,
    undone: (m) =>
      `The step "${m.milestone}" of ${m.candidateName} (vacancy ${m.vacancyTitle}) was reset. See where things stand in the app.`,
  },
  points: (m) =>
    m.points > 0
      ? `You earned ${m.points} points for it.`
      : `The ${-m.points} points for this step were taken back.`,
  action: "See your referrals",
};

/** To the referrer: a step of someone they referred (in-app the same facts, read on their page). */
export function progressMail(kind: ProgressKind, m: ProgressMail): MailContent {
  const t = m.locale === "nl" ? NL : EN;
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject[kind](m),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.body[kind](m) },
      ...(m.points !== 0 ? [{ kind: "paragraph" as const, text: t.points(m) }] : []),
      { kind: "action", label: t.action, url: m.url, fallback: mailLinkFallback(m.locale) },
    ],
  });
}

interface NewReferralMail {
  locale: MailLocale;
  portalName: string;
  name: string;
  candidateName: string;
  vacancyTitle: string;
  referrerName: string;
  url: string;
}

/** To the vacancy's owner: someone was referred to their vacancy. */
export function newReferralMail(m: NewReferralMail): MailContent {
  const nl = m.locale === "nl";
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: nl
      ? `Nieuwe kandidaat via verwijzing: ${m.candidateName}`
      : `New referred candidate: ${m.candidateName}`,
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `${m.referrerName} heeft ${m.candidateName} verwezen naar de vacature ${m.vacancyTitle}. Neem bij voorkeur eerst telefonisch contact op en houd de mijlpalen bij: de verwijzer krijgt zo bericht over de voortgang.`
          : `${m.referrerName} referred ${m.candidateName} to the vacancy ${m.vacancyTitle}. Preferably make first contact by phone, and keep the milestones up to date: the referrer hears of the progress that way.`,
      },
      {
        kind: "action",
        label: nl ? "Bekijk de kandidaat" : "View the candidate",
        url: m.url,
        fallback: mailLinkFallback(m.locale),
      },
    ],
  });
}
