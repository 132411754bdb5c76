import { describe, expect, it } from "vitest";
import { MAX_CHIPS, type Suggestion } from "../../../contracts/explorer";
import {
  activeFilterCount,
  cleanExplorerUrl,
  clearFilters,
  ExplorerUrlSchema,
  selectedOptions,
  toggleFilter,
  toSearchRequest,
  type UrlChip,
  withoutMatched,
  withRecognised,
} from "./search-params";

describe("the explorer's address bar", () => {
  it("keeps a whole search and drops what is malformed", () => {
    const search = ExplorerUrlSchema.parse({
      q: "heftruck",
      chips: [{ kind: "occupation", id: "occ-1", label: "Chauffeur vrachtwagen" }],
      place: "nl-gm0518",
      placeName: "Den Haag",
      radius: 25,
      filters: { licence: ["CE"] },
      page: 2,
      candidate: "not-a-uuid",
    });
    expect(search.candidate).toBeUndefined();
    expect(toSearchRequest(search)).toEqual({
      q: "heftruck",
      chips: [{ kind: "occupation", id: "occ-1" }],
      placeId: "nl-gm0518",
      radiusKm: 25,
      filters: { licence: ["CE"] },
      page: 2,
    });
    expect(ExplorerUrlSchema.parse({ radius: 7 }).radius).toBeUndefined();
  });

  it("sends no radius without a place (the whole country)", () => {
    expect(toSearchRequest({ radius: 25 })).toEqual({ q: "", chips: [], filters: {}, page: 1 });
  });

  it("starts at page 1 when a filter changes and forgets empty categories", () => {
    const on = toggleFilter({ page: 3, filters: {} }, "licence", "CE", true);
    expect(on).toEqual({ filters: { licence: ["CE"] } });
    expect(activeFilterCount(on)).toBe(1);
    expect(toggleFilter(on, "licence", "CE", false)).toEqual({});
    expect(cleanExplorerUrl({ q: "  ", chips: [], page: 1 })).toEqual({});
  });
});

describe("accepting a suggestion", () => {
  it("takes its words out of the text, whatever their case or accents", () => {
    expect(withoutMatched("chauffeur vrachtwagen Den Haag", "Chauffeur vrachtwagen")).toBe("Den Haag");
    expect(withoutMatched("logopédist engels", "Logopedist")).toBe("engels");
    expect(withoutMatched("engels", "Duits")).toBe("engels");
  });
});

describe("chips as filters", () => {
  const chips: UrlChip[] = [
    { kind: "occupation", id: "7212.3", label: "lasser" },
    { kind: "licence", id: "C", label: "Rijbewijs C" },
    { kind: "hours", id: "fulltime", label: "Voltijd" },
  ];

  it("counts every chip of a filter kind, and a chip and the option it ticks once", () => {
    expect(activeFilterCount({ chips })).toBe(2);
    expect(activeFilterCount({ chips, filters: { licence: ["C", "CE"] } })).toBe(3);
    expect(selectedOptions({ chips, filters: { licence: ["CE"] } }, "licence")).toEqual(["CE", "C"]);
    expect(selectedOptions({ chips }, "language")).toEqual([]);
  });

  it("takes a chip away with its option, and everything the counter counts with 'Alles wissen'", () => {
    const search = { q: "Westland", chips, filters: { licence: ["CE"] }, page: 2 };
    expect(toggleFilter(search, "licence", "C", false)).toEqual({
      q: "Westland",
      chips: [chips[0], chips[2]],
      filters: { licence: ["CE"] },
    });
    expect(clearFilters(search)).toEqual({ q: "Westland", chips: [chips[0]] });
  });
});

describe("Enter on a typed sentence", () => {
  const recognised: Suggestion[] = [
    { kind: "occupation", id: "7212.3", label: "lasser", matched: "lasser" },
    { kind: "language", id: "de", label: "Duits", matched: "Duits" },
  ];

  it("adds the recognised chips once and keeps the rest as text", () => {
    const lasser: UrlChip = { kind: "occupation", id: "7212.3", label: "lasser" };
    expect(withRecognised([lasser], recognised, "Westland")).toEqual({
      chips: [lasser, { kind: "language", id: "de", label: "Duits" }],
      q: "Westland",
    });
  });

  it("puts the words of chips that do not fit back in the text", () => {
    const full: UrlChip[] = Array.from({ length: MAX_CHIPS }, (_, i) => ({
      kind: "licence",
      id: `L${i}`,
      label: `L${i}`,
    }));
    expect(withRecognised(full, recognised, "")).toEqual({ chips: full, q: "lasser Duits" });
  });
});
