import { describe, expect, it } from "vitest";
import { ApplicantSearchSchema, toApplicantQuery, withApplicantFilter } from "./search-params";

describe("the applicants list's address", () => {
  it("keeps valid filters and drops malformed ones", () => {
    const search = ApplicantSearchSchema.parse({
      q: " peeters ",
      fase: "not-a-uuid",
      bron: "applied",
      van: "2026-12-01",
      tot: "gisteren",
      page: "2",
    });
    expect(search).toEqual({ q: "peeters", bron: "applied", van: "2026-12-01", page: 2 });
    expect(toApplicantQuery(search)).toMatchObject({
      q: "peeters",
      source: "applied",
      from: "2026-12-01",
      page: 2,
    });
  });

  it("starts again at page 1 when a filter changes", () => {
    expect(withApplicantFilter({ q: "an", page: 3 }, { bron: "saved" })).toEqual({ q: "an", bron: "saved" });
  });
});
