import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files and the routes' titles.
const sources = [...featureSources(here), path.join(here, "..", "..", "router.tsx")];
const of = (texts: { setup: TextTree }) =>
  textKeys(texts.setup)
    .map((k) => `setup.${k}`)
    .sort();

// The operator who installs Werkbrug reads Dutch or English.
describe("the first-run setup page's texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the page uses", () => {
    const known = new Set(of(nl));
    const used = keysUsedIn(sources, "setup");
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
