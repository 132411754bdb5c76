import {
  type Answers,
  CHOICE_KINDS,
  ELIGIBILITY_SECTION,
  type FormDefinition,
  type FormField,
  KNOCK_OUT_KINDS,
} from "../../../contracts/forms";
import type { FieldError } from "../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../platform/i18n";

/** Every field of a definition with where it stands, for messages that name it. */
export function fieldsOf(definition: FormDefinition): { field: FormField; path: string; section: string }[] {
  return definition.sections.flatMap((section, s) =>
    section.fields.map((field, f) => ({
      field,
      section: section.key,
      path: `definition.sections.${s}.fields.${f}`,
    })),
  );
}

/** The answers a knock-out list may hold for a field of this kind. */
export function possibleAnswers(field: FormField): string[] {
  return field.kind === "yes_no" ? ["yes", "no"] : field.options.map((o) => o.key);
}

/**
 * What is wrong with a definition beyond its shape: keys used twice, choice questions without
 * choices, knock-out answers outside the eligibility section or not among the answers.
 */
export function definitionProblems(definition: FormDefinition, locale: MessageLocale): FieldError[] {
  const problems: FieldError[] = [];
  const sectionKeys = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key))
      problems.push({
        path: `definition.sections.${s}.key`,
        message: fieldMessage("form_key_duplicate", locale),
      });
    sectionKeys.add(section.key);
    if (!section.title.nl.trim())
      problems.push({
        path: `definition.sections.${s}.title.nl`,
        message: fieldMessage("form_label_required", locale),
      });
  });
  const fieldKeys = new Set<string>();
  for (const { field, path, section } of fieldsOf(definition)) {
    if (fieldKeys.has(field.key))
      problems.push({ path: `${path}.key`, message: fieldMessage("form_key_duplicate", locale) });
    fieldKeys.add(field.key);
    if (!field.label.nl.trim())
      problems.push({ path: `${path}.label.nl`, message: fieldMessage("form_label_required", locale) });
    if (CHOICE_KINDS.includes(field.kind)) {
      if (field.options.length < 2)
        problems.push({ path: `${path}.options`, message: fieldMessage("form_options_required", locale) });
      const optionKeys = new Set<string>();
      field.options.forEach((option, o) => {
        if (optionKeys.has(option.key))
          problems.push({
            path: `${path}.options.${o}.key`,
            message: fieldMessage("form_key_duplicate", locale),
          });
        optionKeys.add(option.key);
        if (!option.label.nl.trim())
          problems.push({
            path: `${path}.options.${o}.label.nl`,
            message: fieldMessage("form_label_required", locale),
          });
      });
    }
    if (field.knockOut) {
      const allowed = possibleAnswers(field);
      const fits =
        section === ELIGIBILITY_SECTION &&
        KNOCK_OUT_KINDS.includes(field.kind) &&
        field.knockOut.answers.every((a) => allowed.includes(a));
      if (!fits)
        problems.push({ path: `${path}.knockOut`, message: fieldMessage("form_knock_out_invalid", locale) });
      else if (!field.knockOut.message.nl.trim())
        problems.push({
          path: `${path}.knockOut.message.nl`,
          message: fieldMessage("form_label_required", locale),
        });
    }
  }
  return problems;
}

/** What earlier applicants answered: per field key, its kind then and the option keys chosen. */
export interface AnsweredFields {
  kinds: Map<string, FormField["kind"]>;
  chosenOptions: Map<string, Set<string>>;
}

/** Collects the answered fields from versions and the answers given to each. */
export function answeredFields(answered: { definition: FormDefinition; answers: Answers }[]): AnsweredFields {
  const kinds = new Map<string, FormField["kind"]>();
  const chosenOptions = new Map<string, Set<string>>();
  for (const { definition, answers } of answered) {
    for (const { field } of fieldsOf(definition)) {
      const value = answers[field.key];
      if (value === undefined || value === null || value === "") continue;
      kinds.set(field.key, field.kind);
      if (!CHOICE_KINDS.includes(field.kind)) continue;
      const chosen = chosenOptions.get(field.key) ?? new Set<string>();
      for (const key of Array.isArray(value) ? value : [value]) if (typeof key === "string") chosen.add(key);
      chosenOptions.set(field.key, chosen);
    }
  }
  return { kinds, chosenOptions };
}

/**
 * The changes that would orphan given answers: a field answered before under this key with
 * another kind now, or a chosen option gone (removed or given another key). Labels, help,
 * order, new fields and removing a whole field are fine: old answers stay in their version.
 */
export function orphaningChanges(
  definition: FormDefinition,
  answered: AnsweredFields,
  locale: MessageLocale,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const { field, path } of fieldsOf(definition)) {
    const before = answered.kinds.get(field.key);
    if (before === undefined) continue;
    if (before !== field.kind) {
      problems.push({
        path: `${path}.kind`,
        message: `${fieldMessage("form_kind_changed", locale)} (${field.key})`,
      });
      continue;
    }
    const chosen = answered.chosenOptions.get(field.key);
    if (!chosen) continue;
    const keys = new Set(field.options.map((o) => o.key));
    for (const option of chosen)
      if (!keys.has(option))
        problems.push({
          path: `${path}.options`,
          message: `${fieldMessage("form_option_answered", locale)} (${field.key}: ${option})`,
        });
  }
  return problems;
}
