import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import nl from "../../locales/nl.json";
import { featureSources, type TextTree, textKeys } from "../../texts.testing";

const BLOCKS = ["profile", "privacy", "candidates"] as const;
const here = path.dirname(fileURLToPath(import.meta.url));
const sources = [
  ...featureSources(here),
  path.join(here, "../../routes/candidates.tsx"),
  path.join(here, "../../router.tsx"),
];

/** Literal keys, and the fixed part of keys with a ${…} in them. */
function usedKeys(): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const pattern = new RegExp(
    `["\`]((?:${BLOCKS.join("|")})\\.[A-Za-z0-9_.]+)(\\$\\{[^}]+\\})?[A-Za-z0-9_.]*["\`]`,
    "g",
  );
  for (const file of sources) {
    for (const [, key, dynamic] of readFileSync(file, "utf8").matchAll(pattern)) {
      if (!key) continue;
      if (dynamic) prefixes.add(key);
      else exact.add(key);
    }
  }
  return { exact, prefixes };
}

describe("the candidate screens' texts", () => {
  const all = (tree: Record<string, unknown>) =>
    BLOCKS.flatMap((block) => textKeys(tree[block] as TextTree).map((k) => `${block}.${k}`));
  const nlKeys = all(nl);
  const enKeys = all(en);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the screens use", () => {
    const { exact, prefixes } = usedKeys();
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    expect([...exact].filter((k) => !known.has(k))).toEqual([]);
    for (const prefix of prefixes) {
      expect(
        nlKeys.some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it("name every item the completeness meter can miss", () => {
    const missing = ["photo", "headline", "summary", "place", "workLevel", "languages"];
    for (const key of [
      ...missing,
      "desiredOccupations",
      "workTypes",
      "hours",
      "grid",
      "experienceOrEducation",
      "cv",
    ]) {
      expect(nl.profile.missing, key).toHaveProperty(key);
    }
  });
});
