import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EVALUATION_VERDICTS, OUTCOMES, PHASE_MEANINGS } from "../../../contracts/matches";
import en from "../../locales/en.json";
import nl from "../../locales/nl.json";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = featureSources(here);

describe("the matches section's texts", () => {
  const nlKeys = textKeys(nl.matches as TextTree).map((k) => `matches.${k}`);
  const enKeys = textKeys(en.matches as TextTree).map((k) => `matches.${k}`);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the section uses", () => {
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "matches");
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every outcome, state and verdict", () => {
    for (const outcome of OUTCOMES) expect(nl.matches.outcomes, outcome).toHaveProperty(outcome);
    for (const state of PHASE_MEANINGS) expect(en.matches.state, state).toHaveProperty(state);
    for (const verdict of EVALUATION_VERDICTS)
      expect(en.matches.evaluations.verdicts).toHaveProperty(verdict);
  });
});
