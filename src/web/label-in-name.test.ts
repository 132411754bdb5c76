import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const web = path.dirname(fileURLToPath(import.meta.url));

function localeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return localeFiles(full);
    return path.basename(dir) === "locales" && entry.name.endsWith(".json") ? [full] : [];
  });
}

function flatten(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") texts.set(`${prefix}${key}`, value);
    else if (value && typeof value === "object")
      for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) texts.set(k, v);
  }
  return texts;
}

// A button that shows "Add to talent pool" and is named "Add Kim to a talent pool" for screen
// readers fails WCAG 2.5.3 (label in name): a voice-control user says what they see. The
// accessible names that add a person (`<key>For`) must hold the visible text (`<key>`).
describe("accessible names that add a person keep the visible text", () => {
  it("holds in every language of every feature", () => {
    const mismatches: string[] = [];
    for (const file of localeFiles(web)) {
      const texts = flatten(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
      for (const [key, named] of texts) {
        const base = /^(.*)For$/.exec(key)?.[1];
        if (!base || !named.includes("{{name}}")) continue;
        const shown = texts.get(base) ?? texts.get(`${base}.action`);
        if (shown !== undefined && !named.toLowerCase().includes(shown.toLowerCase()))
          mismatches.push(`${path.relative(web, file)} ${key}: "${named}" lacks "${shown}"`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
