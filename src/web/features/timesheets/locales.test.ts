import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  HOUR_KINDS,
  PLACEMENT_STATES,
  TIMESHEET_ACTIONS,
  TIMESHEET_MAIL_MODES,
  TIMESHEET_STATUSES,
} from "../../../contracts/placements";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import de from "./locales/de.json";
import en from "./locales/en.json";
import fr from "./locales/fr.json";
import nl from "./locales/nl.json";

const here = path.dirname(fileURLToPath(import.meta.url));
const languages = { nl, en, de, fr } as const;

describe("the timesheets' texts", () => {
  const of = (texts: { timesheets: TextTree }) =>
    textKeys(texts.timesheets)
      .map((k) => `timesheets.${k}`)
      .sort();
  const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));

  it("exist in Dutch, English, German and French alike (contacts read them)", () => {
    for (const [lang, tree] of Object.entries(languages)) expect(of(tree), lang).toEqual(of(nl));
  });

  it("cover every key the pages use, also those built from a status, kind or action", () => {
    const used = keysUsedIn(featureSources(here), "timesheets");
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    const built = [
      ...TIMESHEET_STATUSES.map((s) => `timesheets.status.${s}`),
      ...HOUR_KINDS.map((k) => `timesheets.kinds.${k}`),
      ...TIMESHEET_ACTIONS.map((a) => `timesheets.log.${a}`),
      ...TIMESHEET_MAIL_MODES.map((m) => `timesheets.mail.${m}`),
      ...PLACEMENT_STATES.map((s) => `timesheets.mine.state.${s}`),
      ...["fill", "continue", "correct", "view"].map((a) => `timesheets.mine.actions.${a}`),
      ...["invalid", "quarter", "tooMany"].map((p) => `timesheets.editor.problems.${p}`),
      ...["candidate", "contact", "recruiter"].map((v) => `timesheets.intro.${v}`),
    ];
    expect(built.filter((k) => !known.has(k))).toEqual([]);
  });

  it("are translated, and address contacts formally in German and French", () => {
    expect(de.timesheets.intro.contact).not.toBe(en.timesheets.intro.contact);
    expect(fr.timesheets.intro.contact).not.toBe(en.timesheets.intro.contact);
    expect(de.timesheets.review.noneWaiting).toContain("Ihre");
    expect(fr.timesheets.review.noneWaiting).toContain("votre");
    expect(nl.timesheets.status.none).toBe("Nog niet ingevuld");
  });
});
