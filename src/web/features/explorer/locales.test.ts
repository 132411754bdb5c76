import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHIP_KINDS } from "../../../contracts/explorer";
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

describe("the candidate explorer's texts", () => {
  const nlKeys = keys(nl.explorer as Tree).map((k) => `explorer.${k}`);
  const enKeys = keys(en.explorer as Tree).map((k) => `explorer.${k}`);

  it("exist in Dutch and English alike", () => {
    expect(enKeys.sort()).toEqual(nlKeys.sort());
  });

  it("cover every key the explorer uses", () => {
    const known = new Set(nlKeys.map((k) => k.replace(/_(one|other)$/, "")));
    const used = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/["`](explorer\.[A-Za-z0-9_.]+)["`]/g)].map((m) => m[1] ?? ""),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every kind of suggestion", () => {
    for (const kind of CHIP_KINDS) expect(nl.explorer.kinds, kind).toHaveProperty(kind);
  });
});
