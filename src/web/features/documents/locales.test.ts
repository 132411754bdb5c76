import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPES } from "../../../contracts/documents";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = [...featureSources(here), path.join(here, "../../routes/settings.tsx")];

describe("the documents section's texts", () => {
  const languages = { nl, en, de, fr } as Record<string, { documents: TextTree }>;
  const keysOf = (lang: string) => textKeys(languages[lang]!.documents).map((k) => `documents.${k}`);

  it("exist in Dutch, English, German and French alike, none empty", () => {
    const dutch = keysOf("nl").sort();
    for (const lang of ["en", "de", "fr"]) expect(keysOf(lang).sort(), lang).toEqual(dutch);
    for (const lang of Object.keys(languages)) {
      const text = JSON.stringify(languages[lang]);
      expect(text, lang).not.toMatch(/""/);
    }
  });

  it("cover every key the section uses, and name every type and source", () => {
    const known = new Set(keysOf("nl"));
    const used = keysUsedIn(sources, "documents");
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const type of DOCUMENT_TYPES) {
      for (const lang of Object.keys(languages))
        expect(known.has(`documents.types.${type}`), lang).toBe(true);
    }
    for (const source of ["candidate", "application", "match"])
      expect(known.has(`documents.sources.${source}`)).toBe(true);
  });

  it("speaks formally in German and French", () => {
    const german = JSON.stringify(de);
    expect(german).toMatch(/\bSie\b/);
    expect(german).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
    const french = JSON.stringify(fr);
    expect(french).toMatch(/\bvous\b/);
    expect(french).not.toMatch(/\b(tu|ton|ta|tes|toi)\b/i);
  });
});
