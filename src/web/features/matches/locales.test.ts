import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EVALUATION_VERDICTS, OUTCOMES, PHASE_MEANINGS } from "../../../contracts/matches";
import en from "../../locales/en.json";
import nl from "../../locales/nl.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
  .filter((name) => name.endsWith(".tsx") || (name.endsWith(".ts") && !name.endsWith(".test.ts")))
  .map((name) => path.join(here, name));

describe("the matches section's texts", () => {
  const nlKeys = keys(nl.matches as Tree).map((k) => `matches.${k}`);
  const enKeys = keys(en.matches as Tree).map((k) => `matches.${k}`);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the section uses", () => {
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    const used = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/["`](matches\.[A-Za-z0-9_.]+)["`]/g)].map((m) => m[1] ?? ""),
    );
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
