import { describe, expect, it } from "vitest";
import de from "../../locales/de.json";
import en from "../../locales/en.json";
import fr from "../../locales/fr.json";
import nl from "../../locales/nl.json";
import { noManagerTextKey } from "./contact-text";

/** The text a key names in one language ("candidates.profile.contact.noManager"). */
function text(tree: unknown, key: string): string {
  return key.split(".").reduce((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

describe("contact details of a candidate without the account manager they asked for", () => {
  it("does not tell an account manager or org admin to ask for an account manager to be assigned", () => {
    for (const roles of [
      ["account_manager"],
      ["org_admin"],
      ["account_manager", "employer_contact"],
    ] as const) {
      const key = noManagerTextKey(roles);
      expect(text(nl, key)).toContain("Benaderen");
      expect(text(nl, key)).not.toMatch(/beheerder|toe te wijzen|vraag de accountmanager/i);
      expect(text(en, key)).toContain("Approach");
      expect(text(en, key)).not.toMatch(/administrator|assign one|ask your organisation's account manager/i);
    }
  });

  it("points an employer contact to Approach or their own account manager, in their language", () => {
    const key = noManagerTextKey(["employer_contact"]);
    expect(text(nl, key)).toContain("vraag de accountmanager van je organisatie");
    expect(text(en, key)).toContain("ask your organisation's account manager");
    expect(text(de, key)).toContain("„Ansprechen“");
    expect(text(fr, key)).toContain("« Contacter »");
    for (const locale of [nl, en, de, fr])
      expect(text(locale, key)).not.toMatch(/portaal|portal'?s? admin|Portals|portail/i);
  });

  it("names the button the profile page shows in every language", () => {
    for (const [locale, button] of [
      [nl, nl.candidates.profile.approach.button],
      [en, en.candidates.profile.approach.button],
      [de, de.candidates.profile.approach.button],
      [fr, fr.candidates.profile.approach.button],
    ] as const) {
      expect(text(locale, noManagerTextKey(["account_manager"]))).toContain(button);
      expect(text(locale, noManagerTextKey(["employer_contact"]))).toContain(button);
    }
  });
});
