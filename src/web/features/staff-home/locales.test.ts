import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STAFF_FIGURE_SERIES } from "../../../contracts/staff-home";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import { STAFF_HOME_BLOCKS } from "./blocks";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const languages = { nl, en } as const;

describe("the staff home's texts", () => {
  const keysOf = (tree: { staffHome: TextTree }) => textKeys(tree.staffHome).sort();
  // Plural forms (`_one`, `_other`) are one key to the code.
  const baseKeys = (tree: { staffHome: TextTree }) =>
    new Set(keysOf(tree).map((k) => `staffHome.${k.replace(/_(one|other)$/, "")}`));

  it("exist in Dutch and English alike, translated", () => {
    expect(keysOf(en)).toEqual(keysOf(nl));
    expect(en.staffHome.title).not.toBe(nl.staffHome.title);
    expect(en.staffHome.blocks.applications.link).not.toBe(nl.staffHome.blocks.applications.link);
  });

  it("cover every key the dashboard uses, and name every series of the figures", () => {
    const used = keysUsedIn(featureSources(here), "staffHome");
    expect(used.length).toBeGreaterThan(5);
    for (const tree of Object.values(languages)) {
      const known = baseKeys(tree);
      expect(used.filter((k) => !known.has(k))).toEqual([]);
      // The blocks' keys are made from their names.
      for (const block of STAFF_HOME_BLOCKS)
        for (const part of ["title", "link"])
          expect(known.has(`staffHome.blocks.${block}.${part}`), `${block}.${part}`).toBe(true);
      for (const series of STAFF_FIGURE_SERIES) expect(tree.staffHome.figures).toHaveProperty(series);
    }
  });

  it("count in both languages: one vacancy, several vacancies", () => {
    expect(nl.staffHome.blocks.applications.text_one).toContain("{{count}} vacature,");
    expect(en.staffHome.blocks.applications.text_other).toContain("{{count}} vacancies");
  });
});
