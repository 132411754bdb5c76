import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import nl from "../../locales/nl.json";
import { featureSources, type TextTree, textKeys } from "../../texts.testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = [
  ...featureSources(here),
  path.join(here, "../../routes/employers.tsx"),
  path.join(here, "../../router.tsx"),
];

/** Literal keys, and the fixed part of keys with a ${…} at the end (one level of a list). */
function usedKeys(): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/["`](employers\.[A-Za-z0-9_.]+?)(\$\{[^}]+\})?["`]/g)) {
      const [, key, dynamic] = match;
      if (!key) continue;
      if (dynamic) prefixes.add(key);
      else exact.add(key);
    }
  }
  return { exact, prefixes };
}

describe("the employers screens' texts", () => {
  const nlKeys = textKeys(nl.employers as TextTree).map((k) => `employers.${k}`);
  const enKeys = textKeys(en.employers as TextTree).map((k) => `employers.${k}`);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the screens use", () => {
    const { exact, prefixes } = usedKeys();
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    const missing = [...exact].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
    for (const prefix of prefixes) {
      expect(
        nlKeys.some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });
});
