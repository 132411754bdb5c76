import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const featureDir = path.join(here, "..");
// This feature's files, and the matches and home pages that show its parts.
const sources = [...featureSources(here), path.join(featureDir, "matches", "vacancy-matches.tsx")];

describe("the proposals' texts", () => {
  const of = (texts: { proposals: TextTree }) =>
    textKeys(texts.proposals)
      .map((k) => `proposals.${k}`)
      .sort();

  it("exist in Dutch, English, German and French alike (contacts read them)", () => {
    const dutch = of(nl);
    expect(of(en)).toEqual(dutch);
    expect(of(de)).toEqual(dutch);
    expect(of(fr)).toEqual(dutch);
  });

  it("cover every key the pages use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "proposals");
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const language of ["nl", "en", "de", "fr"])
      expect(known.has(`proposals.languages.${language}`)).toBe(true);
  });
});
