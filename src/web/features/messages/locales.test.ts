import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = featureSources(here);

describe("the messages feature's texts", () => {
  const of = (tree: { messages: TextTree }) =>
    textKeys(tree.messages)
      .map((k) => `messages.${k}`)
      .sort();

  it("exist in Dutch, English, German and French alike (contact persons read all four)", () => {
    expect(Object.keys(nl)).toEqual(["messages"]);
    for (const other of [en, de, fr]) expect(of(other)).toEqual(of(nl));
  });

  it("cover every key the feature uses", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "messages");
    // Keys built from a value: every side and state exists.
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const side of ["contact", "team"]) expect(known.has(`messages.side.${side}`)).toBe(true);
  });
});
