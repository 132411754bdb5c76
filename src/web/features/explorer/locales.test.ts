import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHIP_KINDS } from "../../../contracts/explorer";
import sharedEn from "../../locales/en.json";
import sharedNl from "../../locales/nl.json";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import ownEn from "./locales/en.json";
import ownNl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = featureSources(here);

/** The explorer's texts: the shared file's, with the feature's own merged over them (as i18n.ts does). */
function merged(shared: TextTree, own: TextTree): TextTree {
  const out: TextTree = { ...shared };
  for (const [key, value] of Object.entries(own)) {
    const there = out[key];
    out[key] = typeof value === "object" && typeof there === "object" ? merged(there, value) : value;
  }
  return out;
}
const nl = { explorer: merged(sharedNl.explorer, ownNl.explorer) as typeof sharedNl.explorer };
const en = { explorer: merged(sharedEn.explorer, ownEn.explorer) as typeof sharedEn.explorer };

describe("the candidate explorer's texts", () => {
  const nlKeys = textKeys(nl.explorer as TextTree).map((k) => `explorer.${k}`);
  const enKeys = textKeys(en.explorer as TextTree).map((k) => `explorer.${k}`);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the explorer uses", () => {
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "explorer");
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every kind of suggestion", () => {
    for (const kind of CHIP_KINDS) expect(nl.explorer.kinds, kind).toHaveProperty(kind);
  });
});
