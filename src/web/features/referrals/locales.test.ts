import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  REFERRAL_CHANNELS,
  REFERRAL_COLOURS,
  REFERRAL_SORTS,
  REFERRAL_STATUSES,
} from "../../../contracts/referrals";
import { featureSources, keysUsedIn, type TextTree, textKeys } from "../../texts.testing";
import en from "./locales/en.json";
import nl from "./locales/nl.json";
import { REFERRAL_SECTIONS } from "./search-params";

const here = path.dirname(fileURLToPath(import.meta.url));
// This feature's files and the routes' titles.
const sources = [...featureSources(here), path.join(here, "..", "..", "router.tsx")];
const of = (texts: { referrals: TextTree }) =>
  textKeys(texts.referrals)
    .map((k) => `referrals.${k}`)
    .sort();

// Recruiters and managers are staff: they read Dutch or English.
describe("the referrals' texts (organisation's side)", () => {
  it("exist in Dutch and English alike", () => {
    expect(of(en)).toEqual(of(nl));
  });

  it("cover every key the screens use", () => {
    const known = new Set(of(nl).map((k) => k.replace(/_(one|other)$/, "")));
    const used = keysUsedIn(sources, "referrals");
    expect(used.length).toBeGreaterThan(80);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("name every status, colour, channel, sort and section", () => {
    // Template keys (`referrals.status.${s}`) are checked by their values.
    const known = new Set(of(nl));
    for (const s of REFERRAL_STATUSES) expect(known.has(`referrals.status.${s}`), s).toBe(true);
    for (const c of REFERRAL_COLOURS) expect(known.has(`referrals.colour.${c}`), c).toBe(true);
    for (const c of REFERRAL_CHANNELS) expect(known.has(`referrals.channel.${c}`), c).toBe(true);
    for (const s of REFERRAL_SORTS) expect(known.has(`referrals.filters.sorts.${s}`), s).toBe(true);
    for (const s of REFERRAL_SECTIONS) expect(known.has(`referrals.nav.${s.key}`), s.key).toBe(true);
    for (const s of ["open", "waiting"]) expect(known.has(`referrals.detail.state.${s}`), s).toBe(true);
  });

  it("use the words of the referral portal's manual", () => {
    expect(nl.referrals.list.live).toBe("Live kandidaten");
    expect(nl.referrals.list.archived).toBe("Gearchiveerde kandidaten");
    expect(nl.referrals.filters.button).toBe("Filter");
    expect(nl.referrals.detail.undoConfirm).toBe("Ongedaan maken");
    expect(nl.referrals.columns.eoi).toBe("Blijk van belangstelling");
  });

  it("say a colour in words wherever it shows", () => {
    // Colour is never the only sign: each status and colour has a word of its own.
    for (const texts of [nl, en]) {
      const words = [...REFERRAL_STATUSES.map((s) => texts.referrals.status[s])];
      expect(new Set(words).size).toBe(words.length);
    }
  });
});
