import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files, the sign-in page's button and the route's title.
const sources = [
  ...featureSources(here),
  path.join(here, "..", "..", "routes", "sign-in.tsx"),
  path.join(here, "..", "..", "router.tsx"),
];
const of = (texts: { sso: TextTree }) =>
  textKeys(texts.sso)
    .map((k) => `sso.${k}`)
    .sort();

// Organisation administrators are staff: they read Dutch or English.
describe("the single sign-on screen's texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "sso");
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
