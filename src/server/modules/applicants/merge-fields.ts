import { MERGE_FIELD_PATTERN, MERGE_FIELDS, type MergeField } from "../../../contracts/applicants";

/** The {{names}} in a text that are not merge fields, each once, in order of appearance. */
export function unknownMergeFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name = ""] of text.matchAll(MERGE_FIELD_PATTERN))
    if (!(MERGE_FIELDS as readonly string[]).includes(name)) unknown.add(name);
  return [...unknown];
}

/** The text with every merge field filled; an unknown one stays as written (refused before). */
export function fillMergeFields(text: string, values: Record<MergeField, string>): string {
  return text.replace(MERGE_FIELD_PATTERN, (whole, name: string) =>
    (MERGE_FIELDS as readonly string[]).includes(name) ? values[name as MergeField] : whole,
  );
}
