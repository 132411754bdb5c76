import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import { COLOR_SCHEMES } from "./color-scheme";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// Contacts read the header in German and French too.
const languages = { nl, en, de, fr } as const;

describe("the colour scheme switch's texts", () => {
  const keysOf = (tree: { appearance: TextTree }) => textKeys(tree.appearance).sort();

  it("exist in Dutch, English, German and French alike, translated", () => {
    for (const [lang, tree] of Object.entries(languages)) expect(keysOf(tree), lang).toEqual(keysOf(nl));
    expect(new Set(Object.values(languages).map((tree) => tree.appearance.label)).size).toBe(4);
  });

  it("name every scheme the switch offers, and cover the keys it uses", () => {
    for (const tree of Object.values(languages))
      for (const scheme of COLOR_SCHEMES) expect(tree.appearance.schemes[scheme]).toBeTruthy();
    const known = new Set(keysOf(nl).map((k) => `appearance.${k}`));
    const used = keysUsedIn(featureSources(here), "appearance");
    expect(used).toContain("appearance.label");
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
