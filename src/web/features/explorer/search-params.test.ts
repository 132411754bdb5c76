import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  cleanExplorerUrl,
  ExplorerUrlSchema,
  toggleFilter,
  toSearchRequest,
  withoutMatched,
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
    expect(activeFilterCount(on.filters)).toBe(1);
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
