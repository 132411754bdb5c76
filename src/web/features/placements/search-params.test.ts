import { describe, expect, it } from "vitest";
import { PlacementSearchSchema, toPlacementQuery, withPlacementFilter } from "./search-params";

describe("the placements list's address", () => {
  it("keeps only what differs from the default and ignores what is malformed", () => {
    expect(
      PlacementSearchSchema.parse({ status: "everything", page: "-3", employerId: "x", q: "  " }),
    ).toEqual({});
    expect(PlacementSearchSchema.parse({ status: "ended", page: "2" })).toEqual({ status: "ended", page: 2 });
  });

  it("starts again at page 1 when a filter changes, and drops the default status", () => {
    expect(withPlacementFilter({ status: "ended", page: 4 }, { status: "active" })).toEqual({});
    expect(withPlacementFilter({ page: 4 }, { q: "jansen" })).toEqual({ q: "jansen" });
  });

  it("asks the API for active placements by default, a page at a time", () => {
    expect(toPlacementQuery({})).toEqual({
      status: "active",
      employerId: undefined,
      q: undefined,
      page: undefined,
      pageSize: 25,
    });
    expect(toPlacementQuery({ status: "all", page: 3 })).toMatchObject({ status: "all", page: 3 });
  });
});
