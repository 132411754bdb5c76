import { describe, expect, it } from "vitest";
import { z } from "zod";
import { passwordMessages } from "../modules/identity/password-policy";
import { ERROR_CODES } from "./errors";
import {
  fieldMessages,
  MESSAGE_LOCALES,
  type MessageLocale,
  negotiateLocale,
  negotiateMessageLocale,
  translateIssue,
} from "./i18n";

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

describe("message language negotiation", () => {
  it.each([
    [undefined, "nl"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["fr-CH, fr;q=0.9", "fr"],
    ["fr, nl;q=0.5, en;q=0.7", "fr"],
    ["en;q=0.5, de", "de"],
    ["de;q=0, fr;q=0.2, en;q=0.1", "fr"],
    ["nl-BE", "nl"],
    ["zh", "nl"],
  ])("Accept-Language %j gives messages in %s", (header, expected) => {
    expect(negotiateMessageLocale(header)).toBe(expected);
  });

  it("keeps content in Dutch or English for a German or French reader", () => {
    expect(negotiateLocale("de")).toBe("nl");
    expect(negotiateLocale("fr, en;q=0.5")).toBe("en");
  });
});

/** Every message table the API answers from, by name, for the completeness checks below. */
const messageTables: Record<string, Record<string, Record<MessageLocale, string>>> = {
  errors: ERROR_CODES,
  fields: fieldMessages,
  passwords: passwordMessages,
};

describe.each(Object.entries(messageTables))("the %s messages", (_name, table) => {
  it.each(Object.keys(table))(
    "%s has a text in every message language, and real German and French",
    (key) => {
      const entry = table[key]!;
      for (const locale of MESSAGE_LOCALES) expect(entry[locale]?.trim(), locale).toBeTruthy();
      expect(entry.de).not.toBe(entry.en);
      expect(entry.fr).not.toBe(entry.en);
      expect(entry.de).not.toBe(entry.fr);
    },
  );
});

describe("zod issues in German and French", () => {
  const issues = z
    .object({ count: z.number(), name: z.string().min(3) })
    .safeParse({ count: "drei", name: "ab" }, { reportInput: true }).error!.issues;

  it.each([
    ["nl", "Moet een getal zijn."],
    ["en", "Must be a number."],
    ["de", "Muss eine Zahl sein."],
    ["fr", "Doit être un nombre."],
  ] as const)("names the expected type in %s", (locale, text) => {
    expect(translateIssue(issues[0]!, locale)).toBe(text);
  });

  it("falls back to zod's own German and French texts", () => {
    const de = translateIssue(issues[1]!, "de");
    const fr = translateIssue(issues[1]!, "fr");
    const en = translateIssue(issues[1]!, "en");
    expect(de).toMatch(/3/);
    expect(fr).toMatch(/3/);
    expect(new Set([de, fr, en]).size).toBe(3);
  });

  it("uses our own field and password messages", () => {
    const kvk = z
      .string()
      .regex(/^\d{8}$/, "kvk_invalid")
      .safeParse("12").error!.issues[0]!;
    expect(translateIssue(kvk, "de")).toBe(fieldMessages.kvk_invalid!.de);
    expect(translateIssue(kvk, "fr")).toBe(fieldMessages.kvk_invalid!.fr);
  });
});
