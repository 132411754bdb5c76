/**
 * The password policy for Werkbrug accounts.
 *
 * The composition rules are the ones the HalloWerk manual gives its users ("Gebruik min. 8 tekens,
 * hoofd/kleine letters en speciale tekens."): people moving over from it expect them, and the manual is
 * our specification. On top of that, following NIST SP 800-63B (5.1.1.2), a password is rejected when it
 * is on a list of commonly used passwords or contains a context-specific word, here the local part of
 * the user's own e-mail address: attackers try both first, and composition rules alone let through
 * "Welkom123!" and "jan.jansen!A".
 *
 * Everything is evaluated on the NFC form of the password, so a letter typed as a base letter plus a
 * combining accent counts as one character and as a letter, exactly like the precomposed letter a
 * different keyboard produces.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { appRootUrl } from "../../platform/app-root";

export type PasswordRule =
  | "min_length"
  | "max_length"
  | "lowercase"
  | "uppercase"
  | "special"
  | "common"
  | "contains_email";

export interface PasswordCheck {
  ok: boolean;
  /** Every rule the password fails, in the order of PASSWORD_RULES. */
  failed: PasswordRule[];
}

export interface PasswordContext {
  email?: string;
  /**
   * Accepted so callers can pass what they know about the account; not checked yet, because a name rule
   * needs its own PasswordRule and message (names are short and shared, so it also needs more thought
   * than the e-mail rule).
   */
  name?: string;
}

export const PASSWORD_MIN_LENGTH = 8;
/**
 * An upper bound keeps hashing cost bounded (argon2 hashes whatever it is given) while leaving room for
 * long passphrases and password-manager output, as NIST asks (at least 64).
 */
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter local parts ("jan", "ab") are too likely to occur in an unrelated password by chance. */
const EMAIL_LOCAL_PART_MIN_LENGTH = 4;

/** The stable order of rules in PasswordCheck.failed and in the schema's issues. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  "min_length",
  "max_length",
  "lowercase",
  "uppercase",
  "special",
  "common",
  "contains_email",
];

const LOWERCASE = /\p{Ll}/u;
const UPPERCASE = /\p{Lu}/u;
/**
 * Special: anything that is not a letter or digit, space included. Combining marks (\p{M}) belong to
 * the letter before them, so an accent does not count as a special character.
 */
const SPECIAL = /[^\p{L}\p{M}\p{N}]/u;
/** Trailing digits, punctuation, symbols and spaces: what people append to a word to pass the rules. */
const TRAILING_NON_LETTERS = /[^\p{L}\p{M}]+$/u;

const COMMON_PASSWORDS_URL = new URL("data/reference/common-passwords.txt", appRootUrl);
let commonPasswords: Set<string> | undefined;

/**
 * Loaded on first use rather than at import, so modules that only need the types or messages (and the
 * web build) do not read a 80 KB file. Synchronous because it happens once and keeps checkPassword
 * usable inside zod refinements. A missing file throws: rejecting sign-ups loudly beats silently
 * accepting "password1!".
 */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const text = readFileSync(COMMON_PASSWORDS_URL, "utf8");
    commonPasswords = new Set(
      text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    );
  }
  return commonPasswords;
}

/**
 * Common: the lower-cased password is on the list, or its "base" is, i.e. the password with trailing
 * digits and punctuation removed ("Welkom123!" -> "welkom", "Zomer2024!" -> "zomer"). Only trailing
 * characters are stripped; that catches the usual way of dressing up a word without rejecting
 * passphrases that merely contain a common word.
 */
function isCommon(lower: string): boolean {
  const list = loadCommonPasswords();
  if (list.has(lower)) return true;
  const base = lower.replace(TRAILING_NON_LETTERS, "");
  return base.length > 0 && base !== lower && list.has(base);
}

/** The part of the address before the "@", without a "+tag" (the tag varies, the person does not). */
function emailLocalPart(email: string): string {
  const at = email.lastIndexOf("@");
  const local = (at >= 0 ? email.slice(0, at) : email).normalize("NFC").toLowerCase().trim();
  const plus = local.indexOf("+");
  return plus > 0 ? local.slice(0, plus) : local;
}

function containsEmail(lower: string, email: string | undefined): boolean {
  if (!email) return false;
  const local = emailLocalPart(email);
  return [...local].length >= EMAIL_LOCAL_PART_MIN_LENGTH && lower.includes(local);
}

export function checkPassword(password: string, context?: PasswordContext): PasswordCheck {
  const normalized = password.normalize("NFC");
  // Code points, not UTF-16 units: "😀" is one character to the person typing it.
  const length = [...normalized].length;
  const lower = normalized.toLowerCase();
  const failedRules = new Set<PasswordRule>();
  if (length < PASSWORD_MIN_LENGTH) failedRules.add("min_length");
  if (length > PASSWORD_MAX_LENGTH) failedRules.add("max_length");
  if (!LOWERCASE.test(normalized)) failedRules.add("lowercase");
  if (!UPPERCASE.test(normalized)) failedRules.add("uppercase");
  if (!SPECIAL.test(normalized)) failedRules.add("special");
  // Skipped for over-long input: no list entry is that long, and it spares work on hostile input.
  if (length <= PASSWORD_MAX_LENGTH && isCommon(lower)) failedRules.add("common");
  if (containsEmail(lower, context?.email)) failedRules.add("contains_email");
  const failed = PASSWORD_RULES.filter((rule) => failedRules.has(rule));
  return { ok: failed.length === 0, failed };
}

/** The languages of the API's own messages (as MessageLocale in platform/i18n.ts). */
export type PasswordLocale = "nl" | "en" | "de" | "fr";

const ruleMessages: Record<PasswordRule, Record<PasswordLocale, string>> = {
  min_length: {
    nl: `Gebruik minimaal ${PASSWORD_MIN_LENGTH} tekens.`,
    en: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    de: `Verwenden Sie mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`,
    fr: `Utilisez au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  },
  max_length: {
    nl: `Gebruik maximaal ${PASSWORD_MAX_LENGTH} tekens.`,
    en: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    de: `Verwenden Sie höchstens ${PASSWORD_MAX_LENGTH} Zeichen.`,
    fr: `Utilisez au maximum ${PASSWORD_MAX_LENGTH} caractères.`,
  },
  lowercase: {
    nl: "Gebruik minstens één kleine letter.",
    en: "Use at least one lowercase letter.",
    de: "Verwenden Sie mindestens einen Kleinbuchstaben.",
    fr: "Utilisez au moins une lettre minuscule.",
  },
  uppercase: {
    nl: "Gebruik minstens één hoofdletter.",
    en: "Use at least one uppercase letter.",
    de: "Verwenden Sie mindestens einen Großbuchstaben.",
    fr: "Utilisez au moins une lettre majuscule.",
  },
  special: {
    nl: "Gebruik minstens één speciaal teken, zoals ! ? # of @.",
    en: "Use at least one special character, such as ! ? # or @.",
    de: "Verwenden Sie mindestens ein Sonderzeichen, etwa ! ? # oder @.",
    fr: "Utilisez au moins un caractère spécial, comme ! ? # ou @.",
  },
  common: {
    nl: "Dit wachtwoord komt te vaak voor. Kies iets dat minder voor de hand ligt.",
    en: "This password is too common. Choose something less obvious.",
    de: "Dieses Passwort ist zu verbreitet. Wählen Sie etwas weniger Naheliegendes.",
    fr: "Ce mot de passe est trop courant. Choisissez quelque chose de moins évident.",
  },
  contains_email: {
    nl: "Gebruik je e-mailadres niet in je wachtwoord.",
    en: "Do not use your e-mail address in your password.",
    de: "Verwenden Sie Ihre E-Mail-Adresse nicht in Ihrem Passwort.",
    fr: "N'utilisez pas votre adresse e-mail dans votre mot de passe.",
  },
};

export function passwordRuleMessage(rule: PasswordRule, locale: PasswordLocale): string {
  return ruleMessages[rule][locale];
}

const explanations: Record<PasswordLocale, string> = {
  nl: `Gebruik minimaal ${PASSWORD_MIN_LENGTH} tekens, met hoofdletters, kleine letters en speciale tekens.`,
  en: `Use at least ${PASSWORD_MIN_LENGTH} characters, with uppercase letters, lowercase letters and special characters.`,
  de: `Verwenden Sie mindestens ${PASSWORD_MIN_LENGTH} Zeichen, mit Großbuchstaben, Kleinbuchstaben und Sonderzeichen.`,
  fr: `Utilisez au moins ${PASSWORD_MIN_LENGTH} caractères, avec des majuscules, des minuscules et des caractères spéciaux.`,
};

/** The one-sentence rule shown next to a password field. */
export function passwordPolicyExplanation(locale: PasswordLocale): string {
  return explanations[locale];
}

/** The zod message key for a rule; the server's i18n turns it into text (see passwordMessages). */
export function passwordMessageKey(rule: PasswordRule): string {
  return `password_${rule}`;
}

/** Message keys used by the schemas below and their texts, for the server's field-message table. */
export const passwordMessages: Record<string, Record<PasswordLocale, string>> = Object.fromEntries(
  PASSWORD_RULES.map((rule) => [passwordMessageKey(rule), ruleMessages[rule]]),
);

/**
 * A password field that checks the whole policy and reports one issue per failed rule, with the message
 * set to a stable key ("password_uppercase"). Pass the account's e-mail address when it is known apart
 * from the request (changing one's own password); when the address is a sibling field of the same body
 * (sign-up), refine the body instead and call checkPassword with it.
 */
export function passwordSchema(context?: PasswordContext) {
  return z
    .string()
    .describe(passwordPolicyExplanation("en"))
    .superRefine((value, ctx) => {
      for (const rule of checkPassword(value, context).failed) {
        ctx.addIssue({ code: "custom", message: passwordMessageKey(rule), params: { rule } });
      }
    });
}

/** The policy without an e-mail address to compare with (contains_email never fails). */
export const PasswordSchema = passwordSchema();
