import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const here = path.dirname(fileURLToPath(import.meta.url));
const featureDir = path.join(here, "..");
// This feature's files, and the matches and home pages that show its parts.
const sources = [
  ...readdirSync(here)
    .filter((name) => name.endsWith(".tsx") || (name.endsWith(".ts") && !name.endsWith(".test.ts")))
    .map((name) => path.join(here, name)),
  path.join(featureDir, "matches", "vacancy-matches.tsx"),
];

describe("the proposals' texts", () => {
  const of = (texts: { proposals: Tree }) =>
    keys(texts.proposals)
      .map((k) => `proposals.${k}`)
      .sort();

  it("exist in Dutch, English, German and French alike (contacts read them)", () => {
    const dutch = of(nl);
    expect(of(en)).toEqual(dutch);
    expect(of(de)).toEqual(dutch);
    expect(of(fr)).toEqual(dutch);
  });

  it("cover every key the pages use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/["`](proposals\.[A-Za-z0-9_.]+)["`]/g)].map((m) => m[1] ?? ""),
    );
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const language of ["nl", "en", "de", "fr"])
      expect(known.has(`proposals.languages.${language}`)).toBe(true);
  });
});
