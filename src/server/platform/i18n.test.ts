import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./i18n";

describe("language negotiation", () => {
  it.each([
    [undefined, "nl"],
    ["", "nl"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "en"],
    ["fr, nl;q=0.5, en;q=0.7", "en"],
    ["nl-BE", "nl"],
    ["en;q=0, nl;q=0.1", "nl"],
    ["zh", "nl"],
  ])("Accept-Language %j gives %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
