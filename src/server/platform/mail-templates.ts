/**
 * Mail for the identity flows and the vacancy jobs, in the recipient's language. Every template
 * describes its content once as a list of blocks; the plain-text and HTML versions are both rendered
 * from that list, so the two can never say different things.
 */

/**
 * Mail languages. Every mail exists in Dutch and English; the invitation also in German and
 * French, for employer contact persons whose language is set to one of those (Carerix: language
 * per contact). Other mails to a de/fr reader are in English.
 */
export type MailLocale = "nl" | "en" | "de" | "fr";

/** Dutch for anything we have no mail texts for yet, because Dutch is the product's default language. */
export function mailLocale(userLocale: string | null | undefined): MailLocale {
  const language = userLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return language === "en" || language === "de" || language === "fr" ? language : "nl";
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Shared by every template. `portalName` is the portal's display name in the recipient's language. */
interface MailBase {
  locale: MailLocale;
  portalName: string;
}

export interface InvitationMail extends MailBase {
  inviterName: string;
  organisationName: string;
  /** The role as the recipient reads it, e.g. "werkgever" or "consulent", already in `locale`. */
  roleLabel: string;
  personalMessage?: string | null;
  acceptUrl: string;
  expiresOn: Date;
}

export interface VerifyEmailMail extends MailBase {
  name: string;
  verifyUrl: string;
}

export interface ResetPasswordMail extends MailBase {
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export interface PasswordChangedMail extends MailBase {
  name: string;
  when: Date;
}

export interface AccessRevokedMail extends MailBase {
  name: string;
  organisationName: string;
}

export interface VacancyClosedMail extends MailBase {
  name: string;
  /** The title candidates saw ("weergavetitel"). */
  vacancyTitle: string;
  organisationName: string;
  /** The last day it was visible, yyyy-mm-dd. */
  closesOn: string;
  /** The vacancy's staff page, `/vacaturebeheer/<id>` on its portal. */
  detailUrl: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type Block =
  | { kind: "paragraph"; text: string }
  /** Someone else's words, shown as a quotation so nobody mistakes them for ours. */
  | { kind: "quote"; intro: string; text: string }
  /** The one call to action: a button, with the address written out for clients that hide buttons. */
  | { kind: "action"; label: string; url: string; fallback: string };

interface Letter {
  locale: MailLocale;
  portalName: string;
  subject: string;
  greeting: string;
  blocks: Block[];
}

/** The product signs every mail; a portal called just "Haaglanden" still reads "Werkbrug Haaglanden". */
function signature(portalName: string): string {
  return /\bwerkbrug\b/i.test(portalName) ? portalName : `Werkbrug ${portalName}`;
}

const closing: Record<MailLocale, string> = {
  nl: "Met vriendelijke groet,",
  en: "Kind regards,",
  de: "Mit freundlichen Grüßen",
  fr: "Cordialement,",
};

/** Amsterdam time whatever the server's clock zone, so an expiry late in the evening shows the right day. */
const TIME_ZONE = "Europe/Amsterdam";
const intlLocale: Record<MailLocale, string> = { nl: "nl-NL", en: "en-GB", de: "de-DE", fr: "fr-FR" };

function longDate(locale: MailLocale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

function time(locale: MailLocale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: "short", timeZone: TIME_ZONE }).format(
    date,
  );
}

/** Links come from our own URL builders; refusing anything but http(s) keeps a `javascript:` out of href. */
function webUrl(url: string): string {
  const protocol = new URL(url).protocol;
  if (protocol !== "https:" && protocol !== "http:") throw new Error(`Mail links must be http(s): ${url}`);
  return url;
}

function renderTextBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "quote":
      return `${block.intro}\n${block.text
        .split(/\r?\n/)
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n")}`;
    case "action":
      return `${block.label}:\n${block.url}`;
  }
}

function renderText(letter: Letter): string {
  const signed = `${closing[letter.locale]}\n${signature(letter.portalName)}`;
  return [letter.greeting, ...letter.blocks.map(renderTextBlock), signed].join("\n\n");
}

// Inline styles only: many mail clients drop <style> elements and external stylesheets.
const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933";
const P = "margin:0 0 16px";
// White on #1d4ed8 has a contrast ratio of about 6.7:1 (WCAG AA asks 4.5:1).
const BUTTON =
  "display:inline-block;padding:12px 24px;background-color:#1d4ed8;color:#ffffff;font-weight:bold;" +
  "text-decoration:none;border-radius:6px";

function renderHtmlBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${P}">${escapeHtml(block.text)}</p>`;
    case "quote":
      return (
        `<p style="${P}">${escapeHtml(block.intro)}</p>` +
        `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #9aa5b1;color:#323f4b">` +
        `${block.text.split(/\r?\n/).map(escapeHtml).join("<br>")}</blockquote>`
      );
    case "action": {
      const href = escapeHtml(block.url);
      return (
        `<p style="margin:24px 0"><a href="${href}" style="${BUTTON}">${escapeHtml(block.label)}</a></p>` +
        `<p style="${P};font-size:14px">${escapeHtml(block.fallback)}<br>` +
        `<a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`
      );
    }
  }
}

function renderHtml(letter: Letter): string {
  // One presentation table: the layout older clients (Outlook) honour, and screen readers skip.
  return [
    "<!doctype html>",
    `<html lang="${letter.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(letter.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:#f5f7fa">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f5f7fa">`,
    `<tr><td style="padding:24px 12px">`,
    `<div style="max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;${FONT}">`,
    `<p style="${P}">${escapeHtml(letter.greeting)}</p>`,
    ...letter.blocks.map(renderHtmlBlock),
    `<p style="margin:24px 0 0">${escapeHtml(closing[letter.locale])}<br>${escapeHtml(signature(letter.portalName))}</p>`,
    "</div>",
    "</td></tr>",
    "</table>",
    "</body>",
    "</html>",
  ].join("\n");
}

function render(letter: Letter): MailContent {
  return { subject: letter.subject, text: renderText(letter), html: renderHtml(letter) };
}

const GREETING: Record<MailLocale, string> = { nl: "Hallo", en: "Hello", de: "Hallo", fr: "Bonjour" };
const hello = (locale: MailLocale, name?: string): string => `${GREETING[locale]}${name ? ` ${name}` : ""},`;

const linkFallback: Record<MailLocale, string> = {
  nl: "Werkt de knop niet? Kopieer dan deze link naar je browser:",
  en: "Button not working? Copy this link into your browser:",
  de: "Funktioniert die Schaltfläche nicht? Kopieren Sie diesen Link in Ihren Browser:",
  fr: "Le bouton ne fonctionne pas ? Copiez ce lien dans votre navigateur :",
};

const INVITATION_TEXT: Record<
  MailLocale,
  {
    intro(i: {
      inviterName: string;
      roleLabel: string;
      organisationName: string;
      portalName: string;
    }): string;
    writes(inviterName: string): string;
    click: string;
    button: string;
    expires(date: string): string;
    subject(portalName: string): string;
  }
> = {
  nl: {
    intro: (i) =>
      `${i.inviterName} nodigt je uit om als ${i.roleLabel} namens ${i.organisationName} mee te doen in ${i.portalName}.`,
    writes: (name) => `${name} schrijft:`,
    click: "Klik op 'Meld je aan' om de uitnodiging te openen en je account aan te maken.",
    button: "Meld je aan",
    expires: (date) => `De uitnodiging verloopt op ${date}.`,
    subject: (portal) => `Je bent uitgenodigd voor ${portal}`,
  },
  en: {
    intro: (i) =>
      `${i.inviterName} has invited you to join ${i.portalName} as ${i.roleLabel} for ${i.organisationName}.`,
    writes: (name) => `${name} writes:`,
    click: "Click 'Sign up' to open the invitation and create your account.",
    button: "Sign up",
    expires: (date) => `This invitation expires on ${date}.`,
    subject: (portal) => `You have been invited to ${portal}`,
  },
  de: {
    intro: (i) =>
      `${i.inviterName} lädt Sie ein, als ${i.roleLabel} für ${i.organisationName} bei ${i.portalName} mitzumachen.`,
    writes: (name) => `${name} schreibt:`,
    click: "Klicken Sie auf „Registrieren“, um die Einladung zu öffnen und Ihr Konto anzulegen.",
    button: "Registrieren",
    expires: (date) => `Die Einladung läuft am ${date} ab.`,
    subject: (portal) => `Sie sind zu ${portal} eingeladen`,
  },
  fr: {
    intro: (i) =>
      `${i.inviterName} vous invite à rejoindre ${i.portalName} en tant que ${i.roleLabel} pour ${i.organisationName}.`,
    writes: (name) => `${name} écrit :`,
    click: "Cliquez sur « S'inscrire » pour ouvrir l'invitation et créer votre compte.",
    button: "S'inscrire",
    expires: (date) => `L'invitation expire le ${date}.`,
    subject: (portal) => `Vous êtes invité(e) sur ${portal}`,
  },
};

export function invitation(input: InvitationMail): MailContent {
  const { locale, portalName, inviterName, organisationName, roleLabel, acceptUrl, expiresOn } = input;
  const message = input.personalMessage?.trim();
  const text = INVITATION_TEXT[locale];
  const blocks: Block[] = [
    { kind: "paragraph", text: text.intro({ inviterName, roleLabel, organisationName, portalName }) },
  ];
  if (message) blocks.push({ kind: "quote", intro: text.writes(inviterName), text: message });
  blocks.push(
    { kind: "paragraph", text: text.click },
    { kind: "action", label: text.button, url: webUrl(acceptUrl), fallback: linkFallback[locale] },
    { kind: "paragraph", text: text.expires(longDate(locale, expiresOn)) },
  );
  return render({ locale, portalName, subject: text.subject(portalName), greeting: hello(locale), blocks });
}

export function verifyEmail({ locale, portalName, name, verifyUrl }: VerifyEmailMail): MailContent {
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl
      ? `Bevestig je e-mailadres voor ${portalName}`
      : `Confirm your email address for ${portalName}`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `Fijn dat je je hebt aangemeld bij ${portalName}. Bevestig je e-mailadres om je account te gebruiken.`
          : `Thank you for registering with ${portalName}. Confirm your email address to start using your account.`,
      },
      {
        kind: "action",
        label: nl ? "E-mailadres bevestigen" : "Confirm email address",
        url: webUrl(verifyUrl),
        fallback: linkFallback[locale],
      },
      {
        kind: "paragraph",
        text: nl
          ? "Heb je je niet aangemeld? Dan kun je deze e-mail negeren."
          : "If you did not register, you can ignore this email.",
      },
    ],
  });
}

export function resetPassword(input: ResetPasswordMail): MailContent {
  const { locale, portalName, name, resetUrl, expiresInMinutes } = input;
  const nl = locale === "nl";
  const minutes = nl
    ? `${expiresInMinutes} ${expiresInMinutes === 1 ? "minuut" : "minuten"}`
    : `${expiresInMinutes} ${expiresInMinutes === 1 ? "minute" : "minutes"}`;
  return render({
    locale,
    portalName,
    subject: nl ? `Nieuw wachtwoord instellen voor ${portalName}` : `Reset your password for ${portalName}`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `We hebben een verzoek gekregen om een nieuw wachtwoord in te stellen voor je account bij ${portalName}.`
          : `We received a request to set a new password for your ${portalName} account.`,
      },
      {
        kind: "action",
        label: nl ? "Nieuw wachtwoord instellen" : "Choose a new password",
        url: webUrl(resetUrl),
        fallback: linkFallback[locale],
      },
      {
        kind: "paragraph",
        text: nl ? `Deze link is ${minutes} geldig.` : `This link is valid for ${minutes}.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? "Heb je dit niet zelf gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde."
          : "If you did not ask for this, you can ignore this email; your password stays the same.",
      },
    ],
  });
}

export function passwordChanged({ locale, portalName, name, when }: PasswordChangedMail): MailContent {
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl ? `Je wachtwoord voor ${portalName} is gewijzigd` : `Your ${portalName} password was changed`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `Het wachtwoord van je account bij ${portalName} is gewijzigd op ${longDate(locale, when)} om ${time(locale, when)}.`
          : `The password of your ${portalName} account was changed on ${longDate(locale, when)} at ${time(locale, when)} (Amsterdam time).`,
      },
      {
        kind: "paragraph",
        text: nl
          ? "Heb je dit zelf gedaan? Dan hoef je niets te doen."
          : "If this was you, there is nothing to do.",
      },
      {
        kind: "paragraph",
        text: nl
          ? "Was jij dit niet? Stel dan meteen een nieuw wachtwoord in via 'Wachtwoord vergeten' op de inlogpagina en laat het de beheerder van je organisatie weten."
          : "If this was not you, set a new password right away with 'Forgot password' on the sign-in page and tell your organisation's administrator.",
      },
    ],
  });
}

export function accessRevoked({
  locale,
  portalName,
  name,
  organisationName,
}: AccessRevokedMail): MailContent {
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl
      ? `Je toegang tot ${organisationName} in ${portalName} is ingetrokken`
      : `Your access to ${organisationName} on ${portalName} has been removed`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `Je hebt geen toegang meer tot ${organisationName} in ${portalName}. Je kunt niet meer namens deze organisatie werken in het portaal.`
          : `You no longer have access to ${organisationName} on ${portalName}. You can no longer work on the portal on behalf of this organisation.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? `Denk je dat dit een vergissing is? Neem dan contact op met een beheerder van ${organisationName}.`
          : `If you think this is a mistake, please contact an administrator of ${organisationName}.`,
      },
    ],
  });
}

/** A calendar day (yyyy-mm-dd) at noon UTC: the same day in Amsterdam, whatever the server's zone. */
function calendarDay(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** To the owner of a vacancy whose closing date has passed; the publication job closed it. */
export function vacancyClosed(input: VacancyClosedMail): MailContent {
  const { locale, portalName, name, vacancyTitle, organisationName, closesOn, detailUrl } = input;
  const nl = locale === "nl";
  const lastDay = longDate(locale, calendarDay(closesOn));
  return render({
    locale,
    portalName,
    subject: nl ? `Je vacature "${vacancyTitle}" is gesloten` : `Your vacancy "${vacancyTitle}" has closed`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `De sluitingsdatum van je vacature "${vacancyTitle}" bij ${organisationName} is verstreken: ${lastDay} was de laatste dag. De vacature is nu gesloten en kandidaten zien haar niet meer in ${portalName}.`
          : `The closing date of your vacancy "${vacancyTitle}" at ${organisationName} has passed: ${lastDay} was the last day. The vacancy is now closed and candidates no longer see it on ${portalName}.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? "Bekijk de vacature om de kandidaten die nog openstaan af te handelen en de vacature daarna te archiveren."
          : "Open the vacancy to deal with the candidates who are still waiting for an answer, then archive it.",
      },
      {
        kind: "action",
        label: nl ? "Vacature bekijken" : "View vacancy",
        url: webUrl(detailUrl),
        fallback: linkFallback[locale],
      },
    ],
  });
}

export interface ApproachMail extends MailBase {
  name: string;
  senderName: string;
  organisationName: string;
  subject: string;
  message: string;
  /** The candidate's inbox on the portal. */
  inboxUrl: string;
}

/** "Benaderen": staff write to a candidate; the message is in the inbox too. */
export function approach(input: ApproachMail): MailContent {
  const { locale, portalName, name, senderName, organisationName, message, inboxUrl } = input;
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl ? `${organisationName}: ${input.subject}` : `${organisationName}: ${input.subject}`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `${senderName} van ${organisationName} heeft je profiel op ${portalName} gezien en wil graag contact met je.`
          : `${senderName} of ${organisationName} saw your profile on ${portalName} and would like to get in touch.`,
      },
      { kind: "quote", intro: nl ? `${senderName} schrijft:` : `${senderName} writes:`, text: message },
      {
        kind: "paragraph",
        text: nl
          ? "Je vindt dit bericht ook in je berichten op het portaal. Je e-mailadres is niet gedeeld."
          : "You can also find this message in your inbox on the portal. Your e-mail address has not been shared.",
      },
      {
        kind: "action",
        label: nl ? "Naar mijn berichten" : "Go to my messages",
        url: webUrl(inboxUrl),
        fallback: linkFallback[locale],
      },
    ],
  });
}

export interface ClaimAccountMail extends MailBase {
  name: string;
  registeredBy: string;
  claimUrl: string;
  expiresOn: Date;
}

/** A job seeker registered by an account manager chooses a password to use the account. */
export function claimAccount(input: ClaimAccountMail): MailContent {
  const { locale, portalName, name, registeredBy, claimUrl, expiresOn } = input;
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl ? `Je account op ${portalName} staat klaar` : `Your account on ${portalName} is ready`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `${registeredBy} heeft een profiel voor je aangemaakt op ${portalName}, zodat werkgevers en je accountmanager je kunnen helpen aan werk.`
          : `${registeredBy} created a profile for you on ${portalName}, so that employers and your account manager can help you find work.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? "Kies een wachtwoord om je account te gebruiken. Daarna bepaal je zelf wat werkgevers van je zien."
          : "Choose a password to start using your account. You then decide yourself what employers see of you.",
      },
      {
        kind: "action",
        label: nl ? "Wachtwoord kiezen" : "Choose a password",
        url: webUrl(claimUrl),
        fallback: linkFallback[locale],
      },
      {
        kind: "paragraph",
        text: nl
          ? `De link werkt tot ${longDate(locale, expiresOn)}.`
          : `The link works until ${longDate(locale, expiresOn)}.`,
      },
    ],
  });
}

export interface ProfileRetentionMail extends MailBase {
  name: string;
  /** The last time the candidate changed their profile. */
  lastUpdated: Date;
  /** The day the profile is anonymised unless the candidate changes it before then. */
  anonymiseOn: Date;
  /** The candidate's profile page, `/profiel` on their portal. */
  profileUrl: string;
}

/**
 * From the retention job: the profile has not changed for the retention period, so it is hidden
 * from employers now and anonymised after the grace period unless the candidate keeps it.
 */
export function profileRetentionReminder(input: ProfileRetentionMail): MailContent {
  const { locale, portalName, name, lastUpdated, anonymiseOn, profileUrl } = input;
  const nl = locale === "nl";
  return render({
    locale,
    portalName,
    subject: nl
      ? `Wil je je profiel op ${portalName} houden?`
      : `Do you want to keep your profile on ${portalName}?`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `Je hebt je profiel op ${portalName} sinds ${longDate(locale, lastUpdated)} niet meer bijgewerkt. We bewaren gegevens niet langer dan nodig, dus werkgevers zien je profiel vanaf nu niet meer.`
          : `You have not updated your profile on ${portalName} since ${longDate(locale, lastUpdated)}. We do not keep data longer than needed, so employers no longer see your profile from now on.`,
      },
      {
        kind: "paragraph",
        text: nl
          ? `Wil je je profiel houden? Open het, kijk of alles nog klopt en sla het op vóór ${longDate(locale, anonymiseOn)}. Zet daarna je zichtbaarheid weer aan als werkgevers je mogen vinden.`
          : `Do you want to keep it? Open your profile, check that everything is still right and save it before ${longDate(locale, anonymiseOn)}. Then turn your visibility back on if employers may find you.`,
      },
      {
        kind: "action",
        label: nl ? "Mijn profiel bekijken" : "View my profile",
        url: webUrl(profileUrl),
        fallback: linkFallback[locale],
      },
      {
        kind: "paragraph",
        text: nl
          ? `Doe je niets, dan verwijderen we op ${longDate(locale, anonymiseOn)} je persoonsgegevens: je account en profiel worden geanonimiseerd.`
          : `If you do nothing, we will remove your personal data on ${longDate(locale, anonymiseOn)}: your account and profile will be anonymised.`,
      },
    ],
  });
}

/** For modules that keep their templates beside them (issue 12: proposals): the same letter, greeting and link fallback. */
export type MailLetter = Letter;
export const renderLetter = (letter: Letter): MailContent => render(letter);
export const mailGreeting = hello;
export const mailLinkFallback = (locale: MailLocale): string => linkFallback[locale];
