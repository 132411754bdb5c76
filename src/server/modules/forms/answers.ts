import type { LocalizedText } from "../../../contracts/common";
import {
  type Answers,
  type AnswerValue,
  CEFR_LEVELS,
  ELIGIBILITY_SECTION,
  type FormDefinition,
  type FormField,
  isValidNationalRegisterNumber,
} from "../../../contracts/forms";
import type { FieldError } from "../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../platform/i18n";
import { getEducationLevels, getLanguages } from "../taxonomy";
import { fieldsOf } from "./definition";

export interface KnockedOut {
  key: string;
  message: LocalizedText;
}

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Whether a non-empty answer is of the field's kind and among its choices; the message key if not. */
function problemOf(field: FormField, value: AnswerValue, fileIds: ReadonlySet<string>): string | null {
  const options = new Set(field.options.map((o) => o.key));
  switch (field.kind) {
    case "short_text":
      return typeof value === "string" && value.length <= 500 ? null : "answer_invalid";
    case "long_text":
      return typeof value === "string" ? null : "answer_invalid";
    case "single_choice":
      return typeof value === "string" && options.has(value) ? null : "answer_invalid";
    case "multiple_choice":
      return Array.isArray(value) && value.every((v) => typeof v === "string" && options.has(v))
        ? null
        : "answer_invalid";
    case "yes_no":
      return typeof value === "boolean" ? null : "answer_invalid";
    case "date":
      return typeof value === "string" && isDate(value) ? null : "answer_invalid";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "answer_invalid";
    case "file":
      if (typeof value !== "object" || Array.isArray(value) || value === null) return "answer_invalid";
      return fileIds.has(value.fileId) ? null : "file_missing";
    case "diploma_level":
      return typeof value === "string" && getEducationLevels().some((l) => l.id === value)
        ? null
        : "answer_invalid";
    case "languages": {
      if (!Array.isArray(value)) return "answer_invalid";
      const known = new Set(getLanguages().map((l) => l.id));
      return value.every(
        (v) =>
          typeof v === "object" &&
          v !== null &&
          known.has(v.code) &&
          (CEFR_LEVELS as readonly string[]).includes(v.level),
      )
        ? null
        : "answer_invalid";
    }
    case "national_register_number":
      return typeof value === "string" && isValidNationalRegisterNumber(value)
        ? null
        : "national_register_number_invalid";
  }
}

/** The knock-out an eligibility answer hits, if any. */
export function knockOutOf(definition: FormDefinition, answers: Answers): KnockedOut | null {
  for (const { field, section } of fieldsOf(definition)) {
    if (section !== ELIGIBILITY_SECTION || !field.knockOut) continue;
    const value = answers[field.key];
    const given =
      typeof value === "boolean" ? (value ? "yes" : "no") : typeof value === "string" ? value : null;
    if (given !== null && field.knockOut.answers.includes(given))
      return { key: field.key, message: field.knockOut.message };
  }
  return null;
}

/**
 * What is wrong with a whole application's answers: unknown questions, required questions left
 * open, answers that do not fit their question (a file that is not the applicant's, an invalid
 * register number).
 */
export function answerProblems(
  definition: FormDefinition,
  answers: Answers,
  fileIds: ReadonlySet<string>,
  locale: MessageLocale,
): FieldError[] {
  const problems: FieldError[] = [];
  const fields = fieldsOf(definition).map((f) => f.field);
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(answers))
    if (!known.has(key))
      problems.push({ path: `answers.${key}`, message: fieldMessage("answer_unknown_field", locale) });
  for (const field of fields) {
    const value = answers[field.key];
    if (isEmpty(value)) {
      if (field.required)
        problems.push({ path: `answers.${field.key}`, message: fieldMessage("required", locale) });
      continue;
    }
    const problem = problemOf(field, value as AnswerValue, fileIds);
    if (problem) problems.push({ path: `answers.${field.key}`, message: fieldMessage(problem, locale) });
  }
  return problems;
}

/** The file ids the answers refer to. */
export function fileIdsIn(definition: FormDefinition, answers: Answers): string[] {
  return fieldsOf(definition).flatMap(({ field }) => {
    const value = answers[field.key];
    return field.kind === "file" && value && typeof value === "object" && !Array.isArray(value)
      ? [value.fileId]
      : [];
  });
}

/**
 * An application's answers as text, question by question in the form's order, in Dutch or
 * English: what the person's privacy export shows. Files are named by `fileName`.
 */
export function answersAsText(
  definition: FormDefinition,
  answers: Answers,
  lang: "nl" | "en",
  fileName: (fileId: string) => string | undefined,
): { question: string; answer: string }[] {
  const yes = lang === "nl" ? "Ja" : "Yes";
  const no = lang === "nl" ? "Nee" : "No";
  const text = (field: FormDefinition["sections"][number]["fields"][number]): string | null => {
    const value = answers[field.key];
    if (value === undefined || value === null || value === "") return null;
    switch (field.kind) {
      case "yes_no":
        return value === true ? yes : value === false ? no : String(value);
      case "single_choice":
      case "multiple_choice":
        return (Array.isArray(value) ? value : [value])
          .map((k) => field.options.find((o) => o.key === k)?.label[lang] ?? String(k))
          .join(", ");
      case "diploma_level":
        return getEducationLevels().find((l) => l.id === value)?.label[lang] ?? String(value);
      case "languages":
        return Array.isArray(value)
          ? value
              .map((l) =>
                typeof l === "object" && l !== null && "code" in l
                  ? `${getLanguages().find((x) => x.id === l.code)?.label[lang] ?? l.code} (${l.level})`
                  : String(l),
              )
              .join(", ")
          : String(value);
      case "file":
        return typeof value === "object" && !Array.isArray(value) && value !== null && "fileId" in value
          ? (fileName(value.fileId) ?? value.fileId)
          : String(value);
      default:
        return String(value);
    }
  };
  return definition.sections.flatMap((section) =>
    section.fields.flatMap((field) => {
      const answer = text(field);
      return answer === null ? [] : [{ question: field.label[lang] || field.label.nl, answer }];
    }),
  );
}
