import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HOUR_KINDS, PLACEMENT_STATES, TIMESHEET_STATUSES } from "../../../contracts/placements";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";
import { PLACEMENT_STATUS_FILTERS } from "./search-params";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files, the vacancy's matches where "Plaatsing vastleggen" sits, and the routes' titles.
const sources = [
  ...featureSources(here),
  path.join(here, "..", "matches", "vacancy-matches.tsx"),
  path.join(here, "..", "..", "router.tsx"),
];
const of = (texts: { placements: TextTree }) =>
  textKeys(texts.placements)
    .map((k) => `placements.${k}`)
    .sort();

// Recruiters are staff: they read Dutch or English.
describe("the placements' texts", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "placements");
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every state, week status, kind of hours, filter and export format", () => {
    // Template keys (`placements.state.${state}`) are checked by their values.
    const known = new Set(of(nl));
    for (const state of PLACEMENT_STATES) expect(known.has(`placements.state.${state}`), state).toBe(true);
    for (const status of [...TIMESHEET_STATUSES, "none"])
      expect(known.has(`placements.weekStatus.${status}`), status).toBe(true);
    for (const kind of HOUR_KINDS) expect(known.has(`placements.hours.${kind}`), kind).toBe(true);
    for (const filter of PLACEMENT_STATUS_FILTERS) {
      expect(known.has(`placements.filters.statuses.${filter}`), filter).toBe(true);
      expect(known.has(`placements.list.caption.${filter}`), filter).toBe(true);
    }
    for (const format of ["xlsx", "csv"]) expect(known.has(`placements.export.formats.${format}`)).toBe(true);
  });

  it("use the words of the manual", () => {
    expect(nl.placements.record.button).toBe("Plaatsing vastleggen");
    expect(nl.placements.form.needsClientApproval).toBe("Goedkeuring weekstaten door opdrachtgever nodig");
    expect(nl.placements.form.nonBillable).toBe("Niet factureerbaar");
  });
});
