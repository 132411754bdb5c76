import { describe, expect, it } from "vitest";
import { profile } from "./profile.testing";
import {
  availabilityPatch,
  coursesPatch,
  emptyExperience,
  experiencePatch,
  experienceRows,
  generalDraft,
  generalPatch,
  gridLines,
  mediaPatch,
  preferencesDraft,
  preferencesPatch,
  rowKey,
  sectionOfMissing,
  sentIndexes,
  toggleCells,
} from "./profile-draft";

describe("the profile editor's drafts", () => {
  it("sends empty fields as null and keeps a place typed by hand until another is chosen", () => {
    const draft = { ...generalDraft(profile), headline: "  Handige monteur ", postcode: " " };
    const patch = generalPatch(draft, profile);
    expect(patch.general).toMatchObject({
      headline: "Handige monteur",
      postcode: null,
      educationLevel: "mbo-2",
    });
    expect(patch.general).not.toHaveProperty("placeId");
    const chosen = generalPatch({ ...draft, place: { value: "nl-gm0518", label: "Den Haag" } }, profile);
    expect(chosen.general?.placeId).toBe("nl-gm0518");
  });

  it("puts languages and licences in the general part and leaves out a language not chosen yet", () => {
    const draft = preferencesDraft(profile);
    draft.languages.push({ key: rowKey(), code: "", level: "good" });
    const patch = preferencesPatch({ ...draft, maxTravelKm: "" });
    expect(patch.general?.languages).toEqual([{ code: "nl", level: "native" }]);
    expect(patch.general?.drivingLicences).toEqual(["B"]);
    expect(patch.preferences).toMatchObject({ desiredOccupationIds: ["8332.2"], maxTravelKm: null });
  });

  it("turns hours into numbers and an open end into null", () => {
    expect(
      availabilityPatch({ hoursMin: "24", hoursMax: "", grid: [], availableFrom: "" }).availability,
    ).toEqual({
      hoursMin: 24,
      hoursMax: null,
      grid: [],
      availableFrom: null,
    });
    const rows = [
      ...experienceRows(profile.experience),
      { ...emptyExperience(), title: " Chauffeur ", from: "2019-01-01", to: "2019-12-31" },
    ];
    expect(experiencePatch(rows).experience).toEqual([
      expect.objectContaining({ title: "Orderpicker", to: null }),
      expect.objectContaining({ title: "Chauffeur", to: "2019-12-31" }),
    ]);
    expect(
      coursesPatch([{ key: "a", title: "VCA", provider: "", year: "2021", certificate: true }]).courses,
    ).toEqual([{ title: "VCA", provider: "", year: 2021, certificate: true }]);
  });

  it("ticks a whole day, and clears it when it was ticked already", () => {
    const day = ["maandag-ochtend", "maandag-middag"];
    expect(toggleCells(["maandag-ochtend"], day)).toEqual(day);
    expect(toggleCells([...day, "dinsdag-avond"], day)).toEqual(["dinsdag-avond"]);
  });

  it("leaves empty media rows out and maps the server's row numbers back to the rows shown", () => {
    const rows = [
      { key: "a", url: "", label: "" },
      { key: "b", url: "https://vimeo.com/123456", label: "Over mij" },
    ];
    expect(mediaPatch(rows, []).media).toEqual({
      videos: [{ url: "https://vimeo.com/123456", title: "Over mij" }],
      links: [],
    });
    expect(sentIndexes(rows)).toEqual(new Map([[0, "b"]]));
  });
});

describe("where the editor asks for something", () => {
  it("sends a missing item to its section", () => {
    expect(sectionOfMissing({ part: "general", key: "photo" })).toBe("algemeen");
    expect(sectionOfMissing({ part: "general", key: "languages" })).toBe("voorkeuren");
    expect(sectionOfMissing({ part: "experience", key: "experienceOrEducation" })).toBe("werkervaring");
    expect(sectionOfMissing({ part: "documents", key: "cv" })).toBe("documenten");
  });
});

describe("the availability grid in words", () => {
  const days = ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"].map(
    (label) => ({
      id: label.toLowerCase(),
      label,
    }),
  );
  const parts = ["Ochtend", "Middag", "Avond"].map((label) => ({ id: label.toLowerCase(), label }));
  const through = (a: string, b: string) => `${a} t/m ${b}`;

  it("takes consecutive days with the same parts of the day together", () => {
    const grid = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"].flatMap((d) => [
      `${d}-ochtend`,
      `${d}-middag`,
    ]);
    expect(gridLines([...grid, "zaterdag-avond"], days, parts, through)).toEqual([
      "Maandag t/m vrijdag: ochtend, middag",
      "Zaterdag: avond",
    ]);
  });

  it("keeps days apart when a day in between differs or is missing", () => {
    expect(
      gridLines(
        ["maandag-ochtend", "dinsdag-ochtend", "donderdag-ochtend", "vrijdag-avond"],
        days,
        parts,
        through,
      ),
    ).toEqual(["Maandag, dinsdag: ochtend", "Donderdag: ochtend", "Vrijdag: avond"]);
    expect(gridLines([], days, parts, through)).toEqual([]);
  });
});
