import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { LOCALES, type Locale } from "../../contracts/common";
import { passwordMessages } from "../modules/identity/password-policy";

export type { Locale };
export const DEFAULT_LOCALE: Locale = "nl";

/**
 * Picks the first supported language from an Accept-Language header, honouring q-values;
 * Dutch when nothing matches, because Dutch is the product's default language.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if ((LOCALES as readonly string[]).includes(entry.lang)) return entry.lang as Locale;
  }
  return DEFAULT_LOCALE;
}

export function requestLocale(request: FastifyRequest): Locale {
  return negotiateLocale(request.headers["accept-language"]);
}

const zodLocales = { nl: z.locales.nl(), en: z.locales.en() } as const;

/** Our own validation message keys (used as zod custom messages) and their texts. */
const fieldMessages: Record<string, Record<Locale, string>> = {
  kvk_invalid: {
    nl: "Een KvK-nummer bestaat uit 8 cijfers.",
    en: "A Chamber of Commerce number has 8 digits.",
  },
  required: { nl: "Dit veld is verplicht.", en: "This field is required." },
  phone_invalid: {
    nl: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
    en: "Enter a valid phone number, e.g. +31 6 12345678.",
  },
  postcode_invalid: { nl: "Vul een postcode in zoals 2511 AB.", en: "Enter a postcode such as 2511 AB." },
  terms_required: {
    nl: "Ga akkoord met de gebruiksvoorwaarden om verder te gaan.",
    en: "Please accept the terms of use to continue.",
  },
};

type ZodIssue = z.core.$ZodIssue;

/** Type names as a person reads them, for "must be …" messages. */
const typeNames: Record<string, Record<Locale, string>> = {
  string: { nl: "tekst", en: "text" },
  number: { nl: "een getal", en: "a number" },
  int: { nl: "een geheel getal", en: "a whole number" },
  boolean: { nl: "ja of nee (true/false)", en: "yes or no (true/false)" },
  array: { nl: "een lijst", en: "a list" },
  object: { nl: "een object met velden", en: "an object with fields" },
  date: { nl: "een datum", en: "a date" },
};

/** Turns one zod issue into a sentence in the user's language. */
export function translateIssue(issue: ZodIssue, locale: Locale): string {
  // Looked up at call time: the identity module's messages import this module in turn.
  const own = fieldMessages[issue.message] ?? passwordMessages[issue.message];
  if (own) return own[locale];
  if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) {
    return fieldMessages.required![locale];
  }
  if (issue.code === "invalid_type") {
    const name = typeNames[issue.expected];
    if (name) return locale === "nl" ? `Moet ${name.nl} zijn.` : `Must be ${name.en}.`;
  }
  const localeError = zodLocales[locale].localeError as (
    i: ZodIssue,
  ) => string | { message: string } | undefined;
  const text = localeError(issue);
  if (typeof text === "string") return text;
  return text?.message ?? issue.message;
}
