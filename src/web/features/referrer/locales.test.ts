import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = featureSources(here);
const of = (texts: { referrer: TextTree }) =>
  textKeys(texts.referrer)
    .map((k) => `referrer.${k}`)
    .sort();

describe("the referrer's texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the feature uses", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "referrer");
    // Template keys (`referrer.colour.${colour}`) are checked by their values.
    for (const colour of ["green", "orange", "red", "none"])
      expect(known.has(`referrer.colour.${colour}`)).toBe(true);
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
