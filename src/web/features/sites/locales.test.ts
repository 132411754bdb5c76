import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = featureSources(here);
const of = (texts: { sites: TextTree }) =>
  textKeys(texts.sites)
    .map((k) => `sites.${k}`)
    .sort();

describe("the sites' texts", () => {
  it("exist in Dutch, English, German and French alike (contact persons read all four)", () => {
    expect(of(en)).toEqual(of(nl));
    expect(of(de)).toEqual(of(nl));
    expect(of(fr)).toEqual(of(nl));
  });

  it("cover every key the feature uses", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "sites");
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("address contact persons formally in German and French", () => {
    const texts = (t: TextTree) =>
      textKeys(t).map((k) => k.split(".").reduce<string | TextTree>((n, p) => (n as TextTree)[p]!, t));
    expect(texts(de.sites).join(" ")).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
    expect(texts(fr.sites).join(" ")).not.toMatch(/\b(tu|ton|ta|tes|toi)\b/i);
  });
});
