import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const routes = path.join(here, "..", "..", "routes");
// This feature's files and the pages that show the SMS set-up.
const sources = [
  ...featureSources(here),
  path.join(routes, "two-factor-setup.tsx"),
  path.join(routes, "settings.tsx"),
];

describe("the SMS set-up's texts", () => {
  const of = (texts: { smsSetup: TextTree }) =>
    textKeys(texts.smsSetup)
      .map((k) => `smsSetup.${k}`)
      .sort();

  it("exist in Dutch, English, German and French alike (contacts are staff and read them)", () => {
    const dutch = of(nl);
    expect(of(en)).toEqual(dutch);
    expect(of(de)).toEqual(dutch);
    expect(of(fr)).toEqual(dutch);
  });

  it("cover every key the pages use", () => {
    const known = new Set(of(nl));
    const used = keysUsedIn(sources, "smsSetup");
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });
});
