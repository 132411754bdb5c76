import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_SOURCES,
  CORRECTION_FIELDS,
  MAIL_DELIVERY_STATUSES,
  MAIL_LOCALES,
  MERGE_FIELDS,
} from "../../../contracts/applicants";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files, the routes' titles and the link on the vacancy page.
const sources = [
  ...featureSources(here),
  path.join(here, "..", "..", "router.tsx"),
  path.join(here, "..", "vacancies", "vacancy-detail.tsx"),
];
const of = (texts: { applicants: TextTree }) =>
  textKeys(texts.applicants)
    .map((k) => `applicants.${k}`)
    .sort();

describe("the applicants' texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "applicants");
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every source, field, merge field, status and mail language", () => {
    const known = new Set(of(nl));
    for (const s of APPLICANT_SOURCES) expect(known.has(`applicants.source.${s}`), s).toBe(true);
    for (const f of CORRECTION_FIELDS) expect(known.has(`applicants.fields.${f}`), f).toBe(true);
    for (const f of MERGE_FIELDS) expect(known.has(`applicants.merge.fields.${f}`), f).toBe(true);
    for (const s of MAIL_DELIVERY_STATUSES) expect(known.has(`applicants.mail.status.${s}`), s).toBe(true);
    for (const l of MAIL_LOCALES) expect(known.has(`applicants.mail.language.${l}`), l).toBe(true);
  });

  it("use the words of the Vlimpers guidelines", () => {
    expect(nl.applicants.titles.list).toBe("Sollicitanten");
    expect(nl.applicants.list.move).toBe("Fase wijzigen");
    expect(nl.applicants.list.mail).toBe("Mailen");
    expect(nl.applicants.fields.title).toBe("Aanpassingsvelden");
    expect(nl.applicants.fields.national_register_number).toBe("Rijksregisternummer");
  });
});
