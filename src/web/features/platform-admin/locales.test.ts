import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files and the routes' titles.
const sources = [...featureSources(here), path.join(here, "..", "..", "router.tsx")];
const of = (texts: { platformAdmin: TextTree }) =>
  textKeys(texts.platformAdmin)
    .map((k) => `platformAdmin.${k}`)
    .sort();

// Platform admins are staff: they read Dutch or English.
describe("the platform administration's texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "platformAdmin");
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
