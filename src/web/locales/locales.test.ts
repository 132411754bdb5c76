import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UI_LOCALES } from "../../contracts/common";

type Tree = { [key: string]: string | Tree };

const here = path.dirname(fileURLToPath(import.meta.url));
const features = path.join(here, "..", "features");

function read(file: string): Tree {
  return JSON.parse(readFileSync(file, "utf8")) as Tree;
}

/** Every text as "dotted.key" -> text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The {{placeholders}} and <tags> a text must keep in every language. */
function slots(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|<\/?([a-z]+)>/g)]
    .map((m) => m[0].replace(/\s/g, ""))
    .sort();
}

function expectSameTexts(reference: Tree, other: Tree, label: string) {
  const ref = flatten(reference);
  const got = flatten(other);
  expect([...got.keys()].sort(), `${label}: keys`).toEqual([...ref.keys()].sort());
  const wrong = [...ref]
    .filter(([key, text]) => got.has(key) && slots(got.get(key)!).join() !== slots(text).join())
    .map(([key]) => key);
  expect(wrong, `${label}: placeholders differ`).toEqual([]);
  const empty = [...got].filter(([, text]) => text.trim() === "").map(([key]) => key);
  expect(empty, `${label}: empty texts`).toEqual([]);
}

describe("the shared UI texts", () => {
  const nl = read(path.join(here, "nl.json"));
  for (const locale of UI_LOCALES.filter((l) => l !== "nl")) {
    it(`${locale}.json has exactly the keys and placeholders of nl.json`, () => {
      expectSameTexts(nl, read(path.join(here, `${locale}.json`)), `${locale}.json`);
    });
  }

  it("German and French are translations, not copies of Dutch or English", () => {
    const nlTexts = flatten(nl);
    const en = flatten(read(path.join(here, "en.json")));
    for (const locale of ["de", "fr"]) {
      const texts = flatten(read(path.join(here, `${locale}.json`)));
      // Short words (names, "Status", "Video") may be the same; long sentences may not.
      const copied = [...texts].filter(
        ([key, text]) => text.length > 25 && (text === nlTexts.get(key) || text === en.get(key)),
      );
      expect(
        copied.map(([key]) => key),
        locale,
      ).toEqual([]);
    }
  });
});

describe("the feature folders' texts", () => {
  const folders = readdirSync(features).filter((name) => {
    try {
      return readdirSync(path.join(features, name, "locales")).includes("nl.json");
    } catch {
      return false;
    }
  });

  it.each(folders.length > 0 ? folders : ["(none yet)"])("%s: every language has the keys of nl", (name) => {
    if (name === "(none yet)") return;
    const dir = path.join(features, name, "locales");
    const nl = read(path.join(dir, "nl.json"));
    const present = readdirSync(dir).filter((f) => f.endsWith(".json"));
    // Dutch and English always; German and French where the feature reaches contact persons.
    expect(present).toContain("en.json");
    for (const file of present.filter((f) => f !== "nl.json"))
      expectSameTexts(nl, read(path.join(dir, file)), `${name}/${file}`);
  });
});
