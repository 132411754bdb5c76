import { describe, expect, it } from "vitest";
import type { ReferralSettings } from "../../../contracts/referrals";
import {
  activeFilterCount,
  ReferralSearchSchema,
  toReferralQuery,
  withReferralFilter,
} from "./search-params";
import { move, newMilestone, toDraft, toRequest } from "./settings-draft";

const site = "0b6c2a39-3c8f-4f57-9d1e-9a3b2e1f0a11";

describe("the candidates list's address", () => {
  it("keeps valid filters and drops malformed ones", () => {
    const parsed = ReferralSearchSchema.parse({
      archief: "ja",
      sort: "eoi",
      status: "purple",
      siteId: "x",
      page: "2",
    });
    expect(parsed).toEqual({ archief: "ja", sort: "eoi", status: undefined, siteId: undefined, page: 2 });
  });

  it("asks the API for the live candidates, sorted by update, by default", () => {
    expect(toReferralQuery({})).toMatchObject({ archived: "false", sort: "updated", pageSize: 25 });
    expect(toReferralQuery({ archief: "ja", siteId: site, q: " Jan " })).toMatchObject({
      archived: "true",
      siteId: site,
      q: "Jan",
    });
  });

  it("starts again at page 1 when a filter changes and counts the panel's filters", () => {
    const next = withReferralFilter({ page: 3, sort: "name" }, { status: "red" });
    expect(next).toEqual({ sort: "name", status: "red" });
    expect(activeFilterCount(next)).toBe(2);
    expect(activeFilterCount({ sort: "updated", q: "x", siteId: site })).toBe(0);
  });
});

describe("the milestones being edited", () => {
  const settings: ReferralSettings = {
    organisationId: site,
    procedureId: site,
    milestones: [
      {
        phaseId: "1b6c2a39-3c8f-4f57-9d1e-9a3b2e1f0a11",
        key: "contact_made",
        label: { nl: "Contact gemaakt?", en: "Contact made?", de: "", fr: "" },
        points: 0,
        options: [{ key: "reached", colour: "green", label: { nl: "Ja", en: "Yes", de: "", fr: "" } }],
      },
      {
        phaseId: "2b6c2a39-3c8f-4f57-9d1e-9a3b2e1f0a11",
        key: "interview_done",
        label: { nl: "Interview voltooid", en: "Interview completed", de: "", fr: "" },
        points: 25,
        options: [
          { key: "positive", colour: "green", label: { nl: "Positief", en: "Positive", de: "", fr: "" } },
        ],
      },
    ],
  };

  it("moves one place up or down, and not past either end", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(move(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });

  it("sends the whole ordered list: existing milestones by phaseId, new ones without, keys kept", () => {
    const draft = move(toDraft(settings), 1, -1);
    const added = newMilestone();
    added.label = { nl: " Proeftijd ", en: "Probation" };
    added.options = added.options.map((o) => ({ ...o, label: { nl: o.colour, en: o.colour } }));
    const body = toRequest(site, [...draft, added]);
    expect(body.organisationId).toBe(site);
    expect(body.milestones.map((m) => m.phaseId)).toEqual([
      settings.milestones[1]?.phaseId,
      settings.milestones[0]?.phaseId,
      null,
    ]);
    expect(body.milestones[0]).toMatchObject({ points: 25, options: [{ key: "positive", colour: "green" }] });
    expect(body.milestones[2]?.label).toEqual({ nl: "Proeftijd", en: "Probation" });
    expect(body.milestones[2]?.options.map((o) => o.colour)).toEqual(["green", "orange", "red"]);
    expect(body.milestones[2]?.options.every((o) => !("key" in o))).toBe(true);
  });
});
