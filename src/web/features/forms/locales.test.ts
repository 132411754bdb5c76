import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APPLY_STEPS, FORM_FIELD_KINDS } from "../../../contracts/forms";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = [
  ...featureSources(here),
  path.join(here, "..", "..", "router.tsx"),
  path.join(here, "..", "vacancies", "candidate-vacancy.tsx"),
  path.join(here, "..", "vacancies", "vacancy-detail.tsx"),
];
const of = (texts: { forms: TextTree }) =>
  textKeys(texts.forms)
    .map((k) => `forms.${k}`)
    .sort();

describe("the application forms' texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "forms");
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every kind of question and every step", () => {
    const known = new Set(of(nl));
    for (const k of FORM_FIELD_KINDS) expect(known.has(`forms.kind.${k}`), k).toBe(true);
    for (const s of APPLY_STEPS) expect(known.has(`forms.apply.step.${s}`), s).toBe(true);
  });

  it("use the words of the Vlimpers guidelines", () => {
    expect(nl.forms.builder.title).toBe("Sollicitatieformulier");
    expect(nl.forms.apply.saveDraft).toBe("Concept opslaan");
  });
});
