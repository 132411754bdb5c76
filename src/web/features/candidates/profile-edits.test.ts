import { describe, expect, it } from "vitest";
import { profile } from "./profile.testing";
import { emptyExperience, rowKey } from "./profile-draft";
import {
  afterSave,
  changedSections,
  combinedPatch,
  type Edits,
  neighbours,
  savedDrafts,
  sectionOfPath,
  sectionState,
  sentRows,
} from "./profile-edits";

const saved = savedDrafts(profile);
const state = (
  section: Parameters<typeof sectionState>[0],
  extra: Partial<Parameters<typeof sectionState>[1]> = {},
) =>
  sectionState(section, {
    profile,
    missing: [],
    changed: new Set(),
    invalid: new Set(),
    ...extra,
  });

describe("the profile editor's unsaved changes", () => {
  it("counts a section as changed only when it would send something else than the saved profile", () => {
    expect(changedSections({}, profile)).toEqual([]);
    // Opened and left as it was, or a space the server trims: nothing to save.
    const untouched: Edits = {
      algemeen: { ...saved.algemeen, headline: "   " },
      werkervaring: saved.werkervaring.map((row) => ({ ...row, key: rowKey() })),
      hobbys: "",
    };
    expect(changedSections(untouched, profile)).toEqual([]);

    const edits: Edits = {
      hobbys: "Zwemmen",
      algemeen: { ...saved.algemeen, headline: "Handige monteur" },
      werkervaring: [...saved.werkervaring, emptyExperience()],
    };
    // In the order of the side list, whatever the order of typing.
    expect(changedSections(edits, profile)).toEqual(["algemeen", "werkervaring", "hobbys"]);
  });

  it("a media row left empty is no change", () => {
    const edits: Edits = { media: { videos: [{ key: rowKey(), url: " ", label: "" }], links: [] } };
    expect(changedSections(edits, profile)).toEqual([]);
  });

  it("joins the changed sections into one request, Algemeen's and Voorkeuren's general fields together", () => {
    const edits: Edits = {
      algemeen: { ...saved.algemeen, firstName: " Samira " },
      voorkeuren: { ...saved.voorkeuren, drivingLicences: ["B", "C"] },
      beschikbaarheid: { ...saved.beschikbaarheid, hoursMax: "36" },
      hobbys: " Tuinieren ",
    };
    const sections = changedSections(edits, profile);
    const patch = combinedPatch(sections, edits, profile);
    expect(patch.general).toMatchObject({ firstName: "Samira", drivingLicences: ["B", "C"] });
    expect(patch.general?.languages).toEqual([{ code: "nl", level: "native" }]);
    expect(patch.preferences?.desiredOccupationIds).toEqual(["8332.2"]);
    expect(patch.availability?.hoursMax).toBe(36);
    expect(patch.hobbies).toBe("Tuinieren");
    // Parts nobody touched are not sent, so nothing else is overwritten.
    expect(Object.keys(patch).sort()).toEqual(["availability", "general", "hobbies", "preferences"]);
  });

  it("leaves out a section that is edited but not among those being saved", () => {
    const edits: Edits = {
      contact: { ...saved.contact, phone: "06 12345678" },
      hobbys: "Lezen",
    };
    expect(combinedPatch(["hobbys"], edits, profile)).toEqual({ hobbies: "Lezen" });
  });

  it("remembers the sent rows by key, so a refusal names the right row after rows moved", () => {
    const first = { ...emptyExperience(), title: "Heftruckchauffeur" };
    const edits: Edits = {
      werkervaring: [...saved.werkervaring, first],
      media: {
        videos: [],
        links: [
          { key: "leeg", url: "", label: "" },
          { key: "site", url: "https://voorbeeld.nl", label: "Site" },
        ],
      },
    };
    const rows = sentRows(["werkervaring", "media"], edits);
    expect(rows.werkervaring).toEqual([saved.werkervaring[0]?.key, first.key]);
    // The empty link row is not sent: the server's "media.links.0" is the second row.
    expect(rows.links.get(0)).toBe("site");
    expect(sentRows(["hobbys"], edits).werkervaring).toEqual([]);
  });

  it("keeps a draft typed in while the save was under way, and drops the saved ones", () => {
    const snapshot: Edits = { hobbys: "Lezen", contact: { ...saved.contact, phone: "06 12345678" } };
    const typedOn: Edits = { ...snapshot, hobbys: "Lezen en zwemmen" };
    const left = afterSave(typedOn, snapshot, ["contact", "hobbys"]);
    expect(left).toEqual({ hobbys: "Lezen en zwemmen" });
    // A section that was not part of the save stays as it is.
    expect(afterSave({ ...snapshot }, snapshot, ["contact"])).toEqual({ hobbys: "Lezen" });
  });
});

describe("the side list's marks", () => {
  it("finds the section of a server message, also for general fields asked under Voorkeuren", () => {
    expect(sectionOfPath("general.firstName")).toBe("algemeen");
    expect(sectionOfPath("general.languages.0.code")).toBe("voorkeuren");
    expect(sectionOfPath("preferences.maxTravelKm")).toBe("voorkeuren");
    expect(sectionOfPath("availability.hoursMax")).toBe("beschikbaarheid");
    expect(sectionOfPath("experience.1.to")).toBe("werkervaring");
    expect(sectionOfPath("media.links.0.url")).toBe("media");
    expect(sectionOfPath("hobbies")).toBe("hobbys");
    expect(sectionOfPath("")).toBeNull();
    expect(sectionOfPath("unknown.field")).toBeNull();
  });

  it("marks a refused section before an unsaved one, and that before what the meter misses", () => {
    const missing = [{ part: "general" as const, key: "headline" }];
    expect(state("algemeen", { missing })).toBe("todo");
    expect(state("algemeen", { missing, changed: new Set(["algemeen"]) })).toBe("unsaved");
    expect(
      state("algemeen", { missing, changed: new Set(["algemeen"]), invalid: new Set(["algemeen"]) }),
    ).toBe("invalid");
    // "Talen" is asked under Voorkeuren.
    expect(state("voorkeuren", { missing: [{ part: "general", key: "languages" }] })).toBe("todo");
  });

  it("checks a filled-in section and leaves an optional empty one unmarked", () => {
    expect(state("werkervaring")).toBe("complete");
    expect(state("beschikbaarheid")).toBe("complete");
    expect(state("cursussen")).toBe("empty");
    expect(state("hobbys")).toBe("empty");
    expect(state("contact")).toBe("empty");
  });

  it("steps from the first section to the last", () => {
    expect(neighbours("algemeen")).toEqual({ previous: undefined, next: "voorkeuren" });
    expect(neighbours("werkervaring")).toEqual({ previous: "contact", next: "opleidingen" });
    expect(neighbours("hobbys")).toEqual({ previous: "documenten", next: undefined });
  });
});
