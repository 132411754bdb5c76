import { describe, expect, it } from "vitest";
import {
  activeStaffFilterCount,
  CandidateSearchSchema,
  cleanCandidateSearch,
  clearStaffFilters,
  StaffSearchSchema,
  toggleSort,
  withStaffFilter,
} from "./search-params";

describe("the overview's address bar", () => {
  it("keeps valid values and drops anything malformed", () => {
    expect(
      StaffSearchSchema.parse({
        q: "  heftruck ",
        status: "archived",
        closing: "someday",
        sort: "company",
        order: "sideways",
        page: "3",
        organisationId: "not-a-uuid",
      }),
    ).toEqual({ q: "heftruck", status: "archived", sort: "company", page: 3 });
    expect(StaffSearchSchema.parse({ page: "0", q: "" })).toEqual({});
  });

  it("counts active filters, leaves defaults out of the address and starts again at page 1", () => {
    const search = StaffSearchSchema.parse({ q: "chauffeur", page: "4", sort: "title", order: "asc" });
    const filtered = withStaffFilter(search, { status: "archived", closing: "all", proposed: "no" });
    expect(filtered).toEqual({
      q: "chauffeur",
      sort: "title",
      order: "asc",
      status: "archived",
      proposed: "no",
    });
    // The view (active, archive, requests) is a tab, not a filter: only "proposed" counts.
    expect(activeStaffFilterCount(filtered)).toBe(1);
    expect(activeStaffFilterCount({ status: "requested" })).toBe(0);
    // Clearing the filters stays in the archive.
    expect(clearStaffFilters(filtered)).toEqual({
      q: "chauffeur",
      sort: "title",
      order: "asc",
      status: "archived",
    });
    expect(withStaffFilter(filtered, { status: "active" })).toEqual({
      q: "chauffeur",
      sort: "title",
      order: "asc",
      proposed: "no",
    });
  });

  it("sorts by a clicked column and reverses on a second click", () => {
    expect(toggleSort({}, "company")).toEqual({ sort: "company", order: "asc" });
    expect(toggleSort({ sort: "company", order: "asc", page: 3 }, "company")).toEqual({ sort: "company" });
    // The default (newest first) is not spelled out; clicking it again gives oldest first.
    expect(toggleSort({ sort: "title" }, "created")).toEqual({});
    expect(toggleSort({}, "created")).toEqual({ order: "asc" });
  });
});

describe("the candidate's search", () => {
  it("parses numbers from the address and drops page 1 and empty values", () => {
    const search = CandidateSearchSchema.parse({
      distanceKm: "25",
      hoursMin: "24",
      functionGroup: "8",
      page: "1",
    });
    expect(search).toEqual({ distanceKm: 25, hoursMin: 24, page: 1 });
    expect(cleanCandidateSearch({ ...search, q: undefined })).toEqual({ distanceKm: 25, hoursMin: 24 });
  });
});
