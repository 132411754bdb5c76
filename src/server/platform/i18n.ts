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
  date_invalid: { nl: "Vul een datum in als 2026-12-31.", en: "Enter a date such as 2026-12-31." },
  range_min_above_max: {
    nl: "Het minimum is hoger dan het maximum.",
    en: "The minimum is higher than the maximum.",
  },
  closes_before_publication: {
    nl: "De sluitingsdatum ligt vóór een publicatiedatum.",
    en: "The closing date is before a publication date.",
  },
  end_date_required: {
    nl: "Vul de einddatum in van een tijdelijke functie.",
    en: "Enter the end date of a temporary position.",
  },
  contact_other_organisation: {
    nl: "De contactpersoon hoort niet bij deze organisatie.",
    en: "The contact person does not belong to this organisation.",
  },
  department_other_organisation: {
    nl: "Deze afdeling hoort niet bij deze organisatie.",
    en: "This department does not belong to this organisation.",
  },
  person_not_allowed: {
    nl: "Deze persoon kan hier niet gekozen worden.",
    en: "This person cannot be chosen here.",
  },
  unknown_occupation: { nl: "Dit beroep kennen we niet.", en: "This occupation is unknown." },
  unknown_place: { nl: "Deze plaats kennen we niet.", en: "This place is unknown." },
  unknown_option: { nl: "Kies een waarde uit de lijst.", en: "Choose a value from the list." },
  required_for_publication: {
    nl: "Nodig om te publiceren.",
    en: "Needed to publish.",
  },
  audience_required: {
    nl: "Kies voor minstens één doelgroep een publicatiedatum.",
    en: "Choose a publication date for at least one audience.",
  },
  file_type_not_allowed: {
    nl: "Alleen PDF, DOCX of een afbeelding (PNG, JPG, WebP).",
    en: "Only PDF, DOCX or an image (PNG, JPG, WebP).",
  },
  document_type_not_allowed: { nl: "Alleen PDF of DOCX.", en: "Only PDF or DOCX." },
  image_type_not_allowed: { nl: "Alleen PNG, JPG of WebP.", en: "Only PNG, JPG or WebP." },
  file_too_large: { nl: "Het bestand is groter dan 10 MB.", en: "The file is larger than 10 MB." },
  photo_too_large: { nl: "De foto is groter dan 5 MB.", en: "The photo is larger than 5 MB." },
  end_before_start: {
    nl: "De einddatum ligt vóór de begindatum.",
    en: "The end date is before the start date.",
  },
  birth_date_invalid: {
    nl: "Vul een geboortedatum in die in het verleden ligt.",
    en: "Enter a date of birth in the past.",
  },
  url_invalid: {
    nl: "Vul een webadres in dat begint met https://.",
    en: "Enter a web address starting with https://.",
  },
  email_invalid: {
    nl: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    en: "Enter a valid e-mail address, e.g. name@example.com.",
  },
  unknown_language: { nl: "Deze taal kennen we niet.", en: "This language is unknown." },
  too_many_files: {
    nl: "Je hebt het maximale aantal bestanden bereikt. Verwijder er eerst een.",
    en: "You have reached the maximum number of files. Remove one first.",
  },
  password_incorrect: { nl: "Dit wachtwoord klopt niet.", en: "This password is not correct." },
  unknown_chip: {
    nl: "Deze zoekterm kennen we niet. Kies een suggestie uit de lijst.",
    en: "This search term is unknown. Choose a suggestion from the list.",
  },
  radius_without_place: {
    nl: "Kies eerst een plaats om in een straal te zoeken.",
    en: "Choose a place first to search within a radius.",
  },
  radius_invalid: {
    nl: "Kies een straal van 5, 10, 25, 50 of 100 km.",
    en: "Choose a radius of 5, 10, 25, 50 or 100 km.",
  },
  unknown_filter: { nl: "Dit filter kennen we niet.", en: "This filter is unknown." },
  too_many_words: {
    nl: "Zoek met hoogstens 8 woorden; gebruik filters om verder te verfijnen.",
    en: "Search with at most 8 words; use filters to narrow down further.",
  },
  page_too_deep: {
    nl: "Zo ver bladeren kan niet: verfijn je zoekopdracht met filters.",
    en: "You cannot page this far: narrow your search with filters.",
  },
  document_type_unknown: {
    nl: "Kies het soort document (cv, certificaat, diploma, referentie, contract, identiteitsbewijs of ander document).",
    en: "Choose the kind of document (CV, certificate, diploma, reference, contract, identity document or other).",
  },
  document_type_hidden: {
    nl: "Dit soort document is niet zichtbaar voor contactpersonen.",
    en: "This kind of document is not visible to contact persons.",
  },
  match_document_file_not_allowed: {
    nl: "Alleen PDF, DOCX, JPEG of PNG.",
    en: "Only PDF, DOCX, JPEG or PNG.",
  },
  department_outside_relation: {
    nl: "Deze afdeling valt buiten je relatie met de werkgever. Kies een afdeling uit de lijst.",
    en: "This department is outside your relation with the employer. Choose a department from the list.",
  },
  department_required_for_relation: {
    nl: "Kies de afdeling waarvoor je de vacature aanmaakt.",
    en: "Choose the department you are creating the vacancy for.",
  },
  locale_contacts_only: {
    nl: "Kies Nederlands of Engels; Duits en Frans zijn er voor contactpersonen van werkgevers.",
    en: "Choose Dutch or English; German and French are for employers' contact persons.",
  },
  attachment_type_not_allowed: {
    nl: "Alleen PDF, DOCX, JPG of PNG.",
    en: "Only PDF, DOCX, JPG or PNG.",
  },
  message_too_long: {
    nl: "Een bericht is hoogstens 10.000 tekens lang.",
    en: "A message is at most 10,000 characters long.",
  },
  too_many_attachments: {
    nl: "Voeg hoogstens 5 bijlagen toe.",
    en: "Add at most 5 attachments.",
  },
  message_match_by_contact: {
    nl: "Alleen de contactpersoon kiest een kandidaat als onderwerp; antwoord in diens gesprek.",
    en: "Only the contact person chooses a candidate as the subject; reply in their conversation.",
  },
};

/** The text of one of our field message keys (for checks made in services, not in zod). */
export function fieldMessage(key: string, locale: Locale): string {
  return (fieldMessages[key] ?? fieldMessages.required!)[locale];
}

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
