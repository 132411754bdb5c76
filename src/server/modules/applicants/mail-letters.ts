import type { TemplateText } from "../../../contracts/applicants";
import { type ApplicantMailLocale, MAIL_LOCALES, type MergeField } from "../../../contracts/applicants";
import { dateTimeFormat } from "../../../contracts/intl";
import type { Labels } from "../../../contracts/matches";
import { escapeHtml } from "../../platform/mail-templates";
import { fillMergeFields } from "./merge-fields";

/** The language of mail to an applicant: their account's, Dutch without one (or for another). */
export function mailLocaleOf(userLocale: string | null | undefined): ApplicantMailLocale {
  const language = userLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(language ?? "")
    ? (language as ApplicantMailLocale)
    : "nl";
}

/**
 * The template's language for a reader: their own when the template has it; German and French
 * readers get English when it has neither; everyone else Dutch.
 */
export function templateLocale(
  texts: Partial<Record<ApplicantMailLocale, TemplateText>>,
  reader: ApplicantMailLocale,
): ApplicantMailLocale {
  const has = (l: ApplicantMailLocale) => Boolean(texts[l]?.subject && texts[l]?.body);
  if (has(reader)) return reader;
  if ((reader === "de" || reader === "fr") && has("en")) return "en";
  return "nl";
}

const INTL: Record<ApplicantMailLocale, string> = { nl: "nl-BE", en: "en-GB", de: "de-BE", fr: "fr-BE" };

export interface LetterFacts {
  locale: ApplicantMailLocale;
  firstName: string;
  lastName: string;
  vacancyTitle: string;
  phase: Labels;
  now: Date;
}

/** What the merge fields say for one recipient, in their language. */
export function mergeValues(facts: LetterFacts): Record<MergeField, string> {
  return {
    voornaam: facts.firstName,
    naam: `${facts.firstName} ${facts.lastName}`.trim(),
    vacature: facts.vacancyTitle,
    fase: facts.phase[facts.locale],
    datum: dateTimeFormat(INTL[facts.locale], { dateStyle: "long", timeZone: "Europe/Brussels" }).format(
      facts.now,
    ),
  };
}

export function writeLetter(text: TemplateText, facts: LetterFacts): TemplateText {
  const values = mergeValues(facts);
  return {
    subject: fillMergeFields(text.subject, values).replace(/\s+/g, " "),
    body: fillMergeFields(text.body, values),
  };
}

/** The HTML part of an applicant mail: the body's paragraphs, escaped, in the reader's language. */
export function letterHtml(locale: ApplicantMailLocale, subject: string, body: string): string {
  const paragraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p style="margin:0 0 16px">${p.split(/\r?\n/).map(escapeHtml).join("<br>")}</p>`);
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933">`,
    ...paragraphs,
    "</body>",
    "</html>",
  ].join("\n");
}
