/**
 * Mail for the identity flows and the vacancy jobs, in the recipient's language. Every template
 * describes its content once as a list of blocks; the plain-text and HTML versions are both rendered
 * from that list, so the two can never say different things.
 */

import { dateTimeFormat } from "../../contracts/intl";

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
  return dateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

function time(locale: MailLocale, date: Date): string {
  return dateTimeFormat(intlLocale[locale], { timeStyle: "short", timeZone: TIME_ZONE }).format(date);
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

const VERIFY_TEXT: Record<
  MailLocale,
  { subject: (p: string) => string; intro: (p: string) => string; action: string; ignore: string }
> = {
  nl: {
    subject: (p) => `Bevestig je e-mailadres voor ${p}`,
    intro: (p) =>
      `Fijn dat je je hebt aangemeld bij ${p}. Bevestig je e-mailadres om je account te gebruiken.`,
    action: "E-mailadres bevestigen",
    ignore: "Heb je je niet aangemeld? Dan kun je deze e-mail negeren.",
  },
  en: {
    subject: (p) => `Confirm your email address for ${p}`,
    intro: (p) =>
      `Thank you for registering with ${p}. Confirm your email address to start using your account.`,
    action: "Confirm email address",
    ignore: "If you did not register, you can ignore this email.",
  },
  de: {
    subject: (p) => `Bestätigen Sie Ihre E-Mail-Adresse für ${p}`,
    intro: (p) =>
      `Vielen Dank für Ihre Anmeldung bei ${p}. Bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto zu nutzen.`,
    action: "E-Mail-Adresse bestätigen",
    ignore: "Wenn Sie sich nicht angemeldet haben, können Sie diese E-Mail ignorieren.",
  },
  fr: {
    subject: (p) => `Confirmez votre adresse e-mail pour ${p}`,
    intro: (p) =>
      `Merci de vous être inscrit(e) sur ${p}. Confirmez votre adresse e-mail pour utiliser votre compte.`,
    action: "Confirmer l'adresse e-mail",
    ignore: "Si vous ne vous êtes pas inscrit(e), vous pouvez ignorer cet e-mail.",
  },
};

export function verifyEmail({ locale, portalName, name, verifyUrl }: VerifyEmailMail): MailContent {
  const text = VERIFY_TEXT[locale];
  return render({
    locale,
    portalName,
    subject: text.subject(portalName),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.intro(portalName) },
      { kind: "action", label: text.action, url: webUrl(verifyUrl), fallback: linkFallback[locale] },
      { kind: "paragraph", text: text.ignore },
    ],
  });
}

const RESET_TEXT: Record<
  MailLocale,
  {
    subject: (p: string) => string;
    intro: (p: string) => string;
    action: string;
    minutes: (n: number) => string;
    valid: (minutes: string) => string;
    ignore: string;
  }
> = {
  nl: {
    subject: (p) => `Nieuw wachtwoord instellen voor ${p}`,
    intro: (p) =>
      `We hebben een verzoek gekregen om een nieuw wachtwoord in te stellen voor je account bij ${p}.`,
    action: "Nieuw wachtwoord instellen",
    minutes: (n) => `${n} ${n === 1 ? "minuut" : "minuten"}`,
    valid: (m) => `Deze link is ${m} geldig.`,
    ignore: "Heb je dit niet zelf gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.",
  },
  en: {
    subject: (p) => `Reset your password for ${p}`,
    intro: (p) => `We received a request to set a new password for your ${p} account.`,
    action: "Choose a new password",
    minutes: (n) => `${n} ${n === 1 ? "minute" : "minutes"}`,
    valid: (m) => `This link is valid for ${m}.`,
    ignore: "If you did not ask for this, you can ignore this email; your password stays the same.",
  },
  de: {
    subject: (p) => `Neues Passwort für ${p} festlegen`,
    intro: (p) => `Wir haben eine Anfrage erhalten, ein neues Passwort für Ihr Konto bei ${p} festzulegen.`,
    action: "Neues Passwort festlegen",
    minutes: (n) => `${n} ${n === 1 ? "Minute" : "Minuten"}`,
    valid: (m) => `Dieser Link ist ${m} gültig.`,
    ignore:
      "Wenn Sie dies nicht selbst angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.",
  },
  fr: {
    subject: (p) => `Définir un nouveau mot de passe pour ${p}`,
    intro: (p) =>
      `Nous avons reçu une demande de définition d'un nouveau mot de passe pour votre compte ${p}.`,
    action: "Définir un nouveau mot de passe",
    minutes: (n) => `${n} ${n === 1 ? "minute" : "minutes"}`,
    valid: (m) => `Ce lien est valable ${m}.`,
    ignore:
      "Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail ; votre mot de passe reste inchangé.",
  },
};

export function resetPassword(input: ResetPasswordMail): MailContent {
  const { locale, portalName, name, resetUrl, expiresInMinutes } = input;
  const text = RESET_TEXT[locale];
  return render({
    locale,
    portalName,
    subject: text.subject(portalName),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.intro(portalName) },
      { kind: "action", label: text.action, url: webUrl(resetUrl), fallback: linkFallback[locale] },
      { kind: "paragraph", text: text.valid(text.minutes(expiresInMinutes)) },
      { kind: "paragraph", text: text.ignore },
    ],
  });
}

const CHANGED_TEXT: Record<
  MailLocale,
  {
    subject: (p: string) => string;
    changed: (p: string, day: string, at: string) => string;
    you: string;
    notYou: string;
  }
> = {
  nl: {
    subject: (p) => `Je wachtwoord voor ${p} is gewijzigd`,
    changed: (p, day, at) => `Het wachtwoord van je account bij ${p} is gewijzigd op ${day} om ${at}.`,
    you: "Heb je dit zelf gedaan? Dan hoef je niets te doen.",
    notYou:
      "Was jij dit niet? Stel dan meteen een nieuw wachtwoord in via 'Wachtwoord vergeten' op de inlogpagina en laat het de beheerder van je organisatie weten.",
  },
  en: {
    subject: (p) => `Your ${p} password was changed`,
    changed: (p, day, at) =>
      `The password of your ${p} account was changed on ${day} at ${at} (Amsterdam time).`,
    you: "If this was you, there is nothing to do.",
    notYou:
      "If this was not you, set a new password right away with 'Forgot password' on the sign-in page and tell your organisation's administrator.",
  },
  de: {
    subject: (p) => `Ihr Passwort für ${p} wurde geändert`,
    changed: (p, day, at) =>
      `Das Passwort Ihres Kontos bei ${p} wurde am ${day} um ${at} (Amsterdamer Zeit) geändert.`,
    you: "Wenn Sie das selbst waren, müssen Sie nichts tun.",
    notYou:
      "Wenn Sie das nicht waren, legen Sie sofort über „Passwort vergessen“ auf der Anmeldeseite ein neues Passwort fest und informieren Sie die Administration Ihrer Organisation.",
  },
  fr: {
    subject: (p) => `Votre mot de passe ${p} a été modifié`,
    changed: (p, day, at) =>
      `Le mot de passe de votre compte ${p} a été modifié le ${day} à ${at} (heure d'Amsterdam).`,
    you: "Si c'était vous, vous n'avez rien à faire.",
    notYou:
      "Si ce n'était pas vous, définissez immédiatement un nouveau mot de passe via « Mot de passe oublié » sur la page de connexion et prévenez l'administrateur de votre organisation.",
  },
};

export function passwordChanged({ locale, portalName, name, when }: PasswordChangedMail): MailContent {
  const text = CHANGED_TEXT[locale];
  return render({
    locale,
    portalName,
    subject: text.subject(portalName),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.changed(portalName, longDate(locale, when), time(locale, when)) },
      { kind: "paragraph", text: text.you },
      { kind: "paragraph", text: text.notYou },
    ],
  });
}

const REVOKED_TEXT: Record<
  MailLocale,
  {
    subject: (o: string, p: string) => string;
    gone: (o: string, p: string) => string;
    mistake: (o: string) => string;
  }
> = {
  nl: {
    subject: (o, p) => `Je toegang tot ${o} in ${p} is ingetrokken`,
    gone: (o, p) =>
      `Je hebt geen toegang meer tot ${o} in ${p}. Je kunt niet meer namens deze organisatie werken in het portaal.`,
    mistake: (o) => `Denk je dat dit een vergissing is? Neem dan contact op met een beheerder van ${o}.`,
  },
  en: {
    subject: (o, p) => `Your access to ${o} on ${p} has been removed`,
    gone: (o, p) =>
      `You no longer have access to ${o} on ${p}. You can no longer work on the portal on behalf of this organisation.`,
    mistake: (o) => `If you think this is a mistake, please contact an administrator of ${o}.`,
  },
  de: {
    subject: (o, p) => `Ihr Zugang zu ${o} in ${p} wurde entzogen`,
    gone: (o, p) =>
      `Sie haben keinen Zugang mehr zu ${o} in ${p}. Sie können im Portal nicht mehr im Namen dieser Organisation arbeiten.`,
    mistake: (o) =>
      `Wenn Sie glauben, dass es sich um einen Irrtum handelt, wenden Sie sich bitte an eine Administratorin oder einen Administrator von ${o}.`,
  },
  fr: {
    subject: (o, p) => `Votre accès à ${o} sur ${p} a été retiré`,
    gone: (o, p) =>
      `Vous n'avez plus accès à ${o} sur ${p}. Vous ne pouvez plus travailler sur le portail au nom de cette organisation.`,
    mistake: (o) => `Si vous pensez qu'il s'agit d'une erreur, veuillez contacter un administrateur de ${o}.`,
  },
};

export function accessRevoked({
  locale,
  portalName,
  name,
  organisationName,
}: AccessRevokedMail): MailContent {
  const text = REVOKED_TEXT[locale];
  return render({
    locale,
    portalName,
    subject: text.subject(organisationName, portalName),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.gone(organisationName, portalName) },
      { kind: "paragraph", text: text.mistake(organisationName) },
    ],
  });
}

/** A calendar day (yyyy-mm-dd) at noon UTC: the same day in Amsterdam, whatever the server's zone. */
function calendarDay(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

const CLOSED_TEXT: Record<
  MailLocale,
  {
    subject: (v: string) => string;
    passed: (v: string, o: string, day: string, p: string) => string;
    next: string;
    action: string;
  }
> = {
  nl: {
    subject: (v) => `Je vacature "${v}" is gesloten`,
    passed: (v, o, day, p) =>
      `De sluitingsdatum van je vacature "${v}" bij ${o} is verstreken: ${day} was de laatste dag. De vacature is nu gesloten en kandidaten zien haar niet meer in ${p}.`,
    next: "Bekijk de vacature om de kandidaten die nog openstaan af te handelen en de vacature daarna te archiveren.",
    action: "Vacature bekijken",
  },
  en: {
    subject: (v) => `Your vacancy "${v}" has closed`,
    passed: (v, o, day, p) =>
      `The closing date of your vacancy "${v}" at ${o} has passed: ${day} was the last day. The vacancy is now closed and candidates no longer see it on ${p}.`,
    next: "Open the vacancy to deal with the candidates who are still waiting for an answer, then archive it.",
    action: "View vacancy",
  },
  de: {
    subject: (v) => `Ihre Stellenanzeige „${v}“ ist geschlossen`,
    passed: (v, o, day, p) =>
      `Die Bewerbungsfrist Ihrer Stellenanzeige „${v}“ bei ${o} ist abgelaufen: Der ${day} war der letzte Tag. Die Stelle ist jetzt geschlossen, und Kandidatinnen und Kandidaten sehen sie in ${p} nicht mehr.`,
    next: "Öffnen Sie die Stellenanzeige, um die Kandidaten zu bearbeiten, die noch auf eine Antwort warten, und archivieren Sie sie anschließend.",
    action: "Stellenanzeige ansehen",
  },
  fr: {
    subject: (v) => `Votre offre « ${v} » est clôturée`,
    passed: (v, o, day, p) =>
      `La date de clôture de votre offre « ${v} » chez ${o} est dépassée : le ${day} était le dernier jour. L'offre est désormais clôturée et les candidats ne la voient plus sur ${p}.`,
    next: "Ouvrez l'offre pour traiter les candidats qui attendent encore une réponse, puis archivez-la.",
    action: "Voir l'offre",
  },
};

/** To the owner of a vacancy whose closing date has passed; the publication job closed it. */
export function vacancyClosed(input: VacancyClosedMail): MailContent {
  const { locale, portalName, name, vacancyTitle, organisationName, closesOn, detailUrl } = input;
  const text = CLOSED_TEXT[locale];
  const lastDay = longDate(locale, calendarDay(closesOn));
  return render({
    locale,
    portalName,
    subject: text.subject(vacancyTitle),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.passed(vacancyTitle, organisationName, lastDay, portalName) },
      { kind: "paragraph", text: text.next },
      { kind: "action", label: text.action, url: webUrl(detailUrl), fallback: linkFallback[locale] },
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

export interface TalentPoolMatchedMail extends MailBase {
  name: string;
  /** The contact person who matched the candidate. */
  contactName: string;
  organisationName: string;
  candidateName: string;
  vacancyTitle: string;
  /** The vacancy's staff page, `/vacaturebeheer/<id>` on its portal. */
  detailUrl: string;
}

/** To the client's account manager: a contact matched a talent-pool candidate to their vacancy. */
export function talentPoolMatched(input: TalentPoolMatchedMail): MailContent {
  const { locale, portalName, name, contactName, organisationName, candidateName, vacancyTitle } = input;
  const nl = locale === "nl";
  const who = contactName || organisationName;
  return render({
    locale,
    portalName,
    subject: nl
      ? `${organisationName} koos ${candidateName} uit de talentpool`
      : `${organisationName} chose ${candidateName} from the talent pool`,
    greeting: hello(locale, name),
    blocks: [
      {
        kind: "paragraph",
        text: nl
          ? `${who} van ${organisationName} heeft ${candidateName} uit de talentpool gematcht met de vacature "${vacancyTitle}". De kandidaat blijft in de talentpool staan.`
          : `${who} of ${organisationName} matched ${candidateName} from the talent pool to the vacancy "${vacancyTitle}". The candidate stays in the talent pool.`,
      },
      {
        kind: "action",
        label: nl ? "Bekijk de vacature" : "View the vacancy",
        url: webUrl(input.detailUrl),
        fallback: linkFallback[locale],
      },
    ],
  });
}

export interface MessageReceivedMail extends MailBase {
  name: string;
  /** Who wrote: the team's name for a contact, "contact (employer)" for the account manager. */
  from: string;
  /** The messages page on the employer's portal. */
  url: string;
}

const MESSAGE_RECEIVED: Record<
  MailLocale,
  {
    subject: (from: string) => string;
    notice: (from: string, portal: string) => string;
    privacy: string;
    button: string;
  }
> = {
  nl: {
    subject: (from) => `Nieuw bericht van ${from}`,
    notice: (from, portal) => `${from} heeft je een bericht gestuurd in ${portal}.`,
    privacy:
      "Om je privacy te beschermen staat de inhoud niet in deze e-mail. Log in om het bericht te lezen.",
    button: "Bericht lezen",
  },
  en: {
    subject: (from) => `New message from ${from}`,
    notice: (from, portal) => `${from} has sent you a message on ${portal}.`,
    privacy:
      "To protect your privacy, the content is not included in this e-mail. Please sign in to read the message.",
    button: "Read the message",
  },
  de: {
    subject: (from) => `Neue Nachricht von ${from}`,
    notice: (from, portal) => `${from} hat Ihnen in ${portal} eine Nachricht gesendet.`,
    privacy:
      "Zum Schutz Ihrer Privatsphäre steht der Inhalt nicht in dieser E-Mail. Bitte melden Sie sich an, um die Nachricht zu lesen.",
    button: "Nachricht lesen",
  },
  fr: {
    subject: (from) => `Nouveau message de ${from}`,
    notice: (from, portal) => `${from} vous a envoyé un message sur ${portal}.`,
    privacy:
      "Pour protéger votre vie privée, le contenu ne figure pas dans cet e-mail. Veuillez vous connecter pour lire le message.",
    button: "Lire le message",
  },
};

/** A short notice of a new portal message (Carerix "RPO messages"): never the message itself. */
export function messageReceived({ locale, portalName, name, from, url }: MessageReceivedMail): MailContent {
  const text = MESSAGE_RECEIVED[locale];
  return render({
    locale,
    portalName,
    subject: text.subject(from),
    greeting: hello(locale, name),
    blocks: [
      { kind: "paragraph", text: text.notice(from, signature(portalName)) },
      { kind: "paragraph", text: text.privacy },
      { kind: "action", label: text.button, url: webUrl(url), fallback: linkFallback[locale] },
    ],
  });
}
/** For modules that keep their templates beside them (issue 12: proposals): the same letter, greeting and link fallback. */
export type MailLetter = Letter;
export const renderLetter = (letter: Letter): MailContent => render(letter);
export const mailGreeting = hello;
export const mailLinkFallback = (locale: MailLocale): string => linkFallback[locale];
