import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULES,
  type PasswordRule,
  PasswordSchema,
  passwordMessages,
  passwordPolicyExplanation,
  passwordRuleMessage,
  passwordSchema,
} from "./password-policy";

describe("password policy: the HalloWerk manual's rule (min. 8 tekens, hoofd/kleine letters, speciale tekens)", () => {
  it.each([
    ["Zon&Zee-Scheveningen", []],
    ["Tulp#Molen7", []],
    ["Fiets!Kaas", []],
    ["kort!A", ["min_length"]],
    ["alleenklein!", ["uppercase"]],
    ["ALLEENGROOT!", ["lowercase"]],
    ["GeenSpeciaal7", ["special"]],
    ["12345678", ["lowercase", "uppercase", "special", "common"]],
    ["abc", ["min_length", "uppercase", "special"]],
  ] as [string, PasswordRule[]][])("%j fails %j", (password, failed) => {
    expect(checkPassword(password)).toEqual({ ok: failed.length === 0, failed });
  });

  it("fails each rule alone", () => {
    const alone: [string, PasswordRule][] = [
      ["Ab!defg", "min_length"],
      [`Ab!${"x".repeat(PASSWORD_MAX_LENGTH - 2)}`, "max_length"],
      ["ABCD!EFGH", "lowercase"],
      ["abcd!efgh", "uppercase"],
      ["AbcdEfgh7", "special"],
      ["Wachtwoord1!", "common"],
    ];
    for (const [password, rule] of alone) {
      expect(checkPassword(password), password).toEqual({ ok: false, failed: [rule] });
    }
    expect(checkPassword("Marieke!Vos-2024", { email: "marieke@example.nl" })).toEqual({
      ok: false,
      failed: ["contains_email"],
    });
  });

  it("lists every failed rule in a stable order", () => {
    const everything = checkPassword("jansen", { email: "jansen@example.nl" });
    expect(everything.failed).toEqual(["min_length", "uppercase", "special", "contains_email"]);
    expect(PASSWORD_RULES).toEqual([
      "min_length",
      "max_length",
      "lowercase",
      "uppercase",
      "special",
      "common",
      "contains_email",
    ]);
  });

  it("counts length in code points, not UTF-16 units", () => {
    // Seven characters, nine UTF-16 units: the emoji are outside the BMP.
    const seven = "Ab!d😀😀g";
    expect(seven.length).toBe(9);
    expect(checkPassword(seven).failed).toEqual(["min_length"]);
    expect(checkPassword(`${seven}h`).ok).toBe(true);
    // Exactly the maximum is allowed, one more is not.
    const max = `Ab!${"😀".repeat(PASSWORD_MAX_LENGTH - 3)}`;
    expect(checkPassword(max).ok).toBe(true);
    expect(checkPassword(`${max}x`).failed).toEqual(["max_length"]);
    expect(PASSWORD_MIN_LENGTH).toBe(8);
  });

  it("knows upper and lower case beyond ASCII", () => {
    expect(checkPassword("Ĳsbeer-Één!")).toEqual({ ok: true, failed: [] });
    expect(checkPassword("ĳsbeer-één!").failed).toEqual(["uppercase"]);
    expect(checkPassword("ĲSBEER-ÉÉN!").failed).toEqual(["lowercase"]);
    expect(checkPassword("Straße-Öl-Σοφία").ok).toBe(true);
  });

  it("does not count an accent typed as a combining mark as a special character", () => {
    // "Één" as E + U+0301 …: NFC makes it the same letters a Dutch keyboard produces.
    const decomposed = "E\u0301e\u0301nTweeDrie";
    expect(checkPassword(decomposed).failed).toEqual(["special"]);
    expect(checkPassword("Ééntweedrie!").ok).toBe(true);
  });

  it("counts a space and any non-alphanumeric character as special", () => {
    expect(checkPassword("Zon en Zee").ok).toBe(true);
    expect(checkPassword("Zon€Zee€Zand").ok).toBe(true);
    expect(checkPassword("ZonenZee42").failed).toEqual(["special"]);
  });
});

describe("password policy: common passwords", () => {
  it.each([
    "Wachtwoord1!",
    "Welkom123!",
    "Welkom01!",
    "Zomer2024!",
    "Voorjaar2025!",
    "Feyenoord1!",
    "Ajax1900!",
    "Geheim123!",
    "Password1!",
    "P@ssword",
    "P@ssw0rd!",
    "W@chtwoord1",
    "Monkey123!",
    "Iloveyou!!",
    "Qwerty123!",
  ])("rejects %j", (password) => {
    expect(checkPassword(password).failed).toContain("common");
  });

  it("compares case-insensitively and strips only trailing digits and punctuation", () => {
    expect(checkPassword("WELKOM123!").failed).toContain("common");
    expect(checkPassword("wElKoM-2025 ").failed).toContain("common");
    // A common word inside a passphrase is fine; only the word plus decoration is rejected.
    expect(checkPassword("Welkom-bij-de-Zee!").failed).not.toContain("common");
    expect(checkPassword("!2025Welkom").failed).not.toContain("common");
  });

  it("ships a list that is lower-cased, sorted, without duplicates and small", () => {
    const text = readFileSync(
      new URL("../../../../data/reference/common-passwords.txt", import.meta.url),
      "utf8",
    );
    expect(text.length).toBeLessThan(200 * 1024);
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(5000);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toEqual([...lines].sort());
    for (const line of lines) expect(line).toBe(line.toLowerCase());
    for (const dutch of ["welkom", "wachtwoord", "wachtwoord1!", "welkom123!", "feyenoord1", "ajax1900"]) {
      expect(lines).toContain(dutch);
    }
  });
});

describe("password policy: the e-mail address (a context word, NIST SP 800-63B)", () => {
  it("rejects a password containing the local part, in any case", () => {
    const email = "Jan.Jansen@gemeente.nl";
    expect(checkPassword("Mijn-jan.jansen-2024", { email }).failed).toEqual(["contains_email"]);
    expect(checkPassword("JAN.JANSEN!x", { email }).failed).toEqual(["contains_email"]);
    expect(checkPassword("Jan-Jansen!x", { email }).ok).toBe(true);
  });

  it("ignores a +tag and local parts shorter than 4 characters", () => {
    expect(checkPassword("Pietje!Puk7", { email: "pietje+werk@example.nl" }).failed).toEqual([
      "contains_email",
    ]);
    expect(checkPassword("Bob!Bouwer7", { email: "bob@example.nl" }).ok).toBe(true);
    expect(checkPassword("Bob!Bouwer7", {}).ok).toBe(true);
  });
});

describe("password policy: messages and schema", () => {
  it("explains the rule the way the manual does", () => {
    expect(passwordPolicyExplanation("nl")).toBe(
      "Gebruik minimaal 8 tekens, met hoofdletters, kleine letters en speciale tekens.",
    );
    expect(passwordPolicyExplanation("en")).toMatch(/^Use at least 8 characters/);
    expect(passwordPolicyExplanation("de")).toMatch(/^Verwenden Sie mindestens 8 Zeichen/);
    expect(passwordPolicyExplanation("fr")).toMatch(/^Utilisez au moins 8 caractères/);
  });

  it("has a Dutch, English, German and French message for every rule, and a key for each", () => {
    expect(passwordRuleMessage("min_length", "nl")).toBe("Gebruik minimaal 8 tekens.");
    expect(passwordRuleMessage("uppercase", "nl")).toBe("Gebruik minstens één hoofdletter.");
    expect(passwordRuleMessage("special", "nl")).toBe(
      "Gebruik minstens één speciaal teken, zoals ! ? # of @.",
    );
    expect(passwordRuleMessage("common", "nl")).toBe(
      "Dit wachtwoord komt te vaak voor. Kies iets dat minder voor de hand ligt.",
    );
    for (const rule of PASSWORD_RULES) {
      expect(passwordMessages[`password_${rule}`]).toEqual({
        nl: passwordRuleMessage(rule, "nl"),
        en: passwordRuleMessage(rule, "en"),
        de: passwordRuleMessage(rule, "de"),
        fr: passwordRuleMessage(rule, "fr"),
      });
      expect(passwordRuleMessage(rule, "en")).not.toBe(passwordRuleMessage(rule, "nl"));
      expect(passwordRuleMessage(rule, "de")).not.toBe(passwordRuleMessage(rule, "en"));
      expect(passwordRuleMessage(rule, "fr")).not.toBe(passwordRuleMessage(rule, "en"));
    }
    expect(Object.keys(passwordMessages)).toHaveLength(PASSWORD_RULES.length);
  });

  it("adds one issue per failed rule with a stable message key", () => {
    expect(PasswordSchema.safeParse("Zon&Zee-Scheveningen").success).toBe(true);
    const result = PasswordSchema.safeParse("welkom");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "password_min_length",
      "password_uppercase",
      "password_special",
      "password_common",
    ]);
    expect(PasswordSchema.safeParse(42).success).toBe(false);
  });

  it("checks the e-mail address when the factory is given one", () => {
    const schema = passwordSchema({ email: "marieke@example.nl" });
    const result = schema.safeParse("Marieke!Vos-2024");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["password_contains_email"]);
    expect(PasswordSchema.safeParse("Marieke!Vos-2024").success).toBe(true);
  });
});
