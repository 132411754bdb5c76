import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONTACT_FIGURE_SERIES } from "../../../contracts/contact-home";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// The contact's page, and the vacancy form's department field, which uses these texts too.
const sources = [...featureSources(here), path.join(here, "../vacancies/vacancy-form.tsx")];

const languages = { nl, en, de, fr } as const;

describe("the contact home's texts", () => {
  const keysOf = (tree: { contactHome: TextTree }) => textKeys(tree.contactHome).sort();

  it("exist in Dutch, English, German and French alike", () => {
    for (const [lang, tree] of Object.entries(languages)) expect(keysOf(tree), lang).toEqual(keysOf(nl));
  });

  it("are translated, not copied: German and French differ from English", () => {
    const texts = (tree: { contactHome: TextTree }) =>
      textKeys(tree.contactHome).map((k) => JSON.stringify(k));
    expect(texts(de)).toEqual(texts(en));
    expect(de.contactHome.title).not.toBe(en.contactHome.title);
    expect(fr.contactHome.blocks.proposed.text).not.toBe(en.contactHome.blocks.proposed.text);
    // Contacts are addressed formally in German and French.
    expect(de.contactHome.title).toContain("Sie");
    expect(fr.contactHome.title).toContain("vous");
  });

  it("cover every key the pages use, and name every series of the figures", () => {
    const known = new Set(keysOf(nl).map((k) => `contactHome.${k}`));
    const used = keysUsedIn(sources, "contactHome");
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    for (const series of CONTACT_FIGURE_SERIES)
      for (const tree of Object.values(languages)) expect(tree.contactHome.figures).toHaveProperty(series);
  });
});
