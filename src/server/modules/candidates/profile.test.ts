import { describe, expect, it } from "vitest";
import { completeness, daypartsOfGrid, embedUrlOf, gridOf, parseGridCell, sortGrid } from "./profile";

describe("the availability grid", () => {
  it("knows only days and dayparts from the reference list", () => {
    expect(parseGridCell("maandag-ochtend")).toEqual({ day: "maandag", daypart: "ochtend" });
    expect(parseGridCell("mon-morning")).toBeNull();
    expect(parseGridCell("maandag")).toBeNull();
    expect(parseGridCell("ochtend-maandag")).toBeNull();
  });

  it("sorts cells in calendar order and derives the explorer's day and daypart facet", () => {
    const grid = ["zondag-nacht", "dinsdag-middag", "maandag-avond", "dinsdag-middag", "maandag-ochtend"];
    expect(sortGrid(grid)).toEqual(["maandag-ochtend", "maandag-avond", "dinsdag-middag", "zondag-nacht"]);
    expect(daypartsOfGrid(grid)).toEqual([
      "maandag",
      "dinsdag",
      "zondag",
      "ochtend",
      "middag",
      "avond",
      "nacht",
    ]);
  });

  it("reads a profile without a grid as every combination of its days and dayparts", () => {
    expect(gridOf({ availabilityGrid: [], dayparts: ["vrijdag", "avond", "maandag"] })).toEqual([
      "maandag-avond",
      "vrijdag-avond",
    ]);
    expect(
      gridOf({ availabilityGrid: ["maandag-ochtend"], dayparts: ["maandag", "ochtend", "avond"] }),
    ).toEqual(["maandag-ochtend"]);
    expect(gridOf({ availabilityGrid: [], dayparts: [] })).toEqual([]);
  });
});

describe("video players", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
    ["https://example.com/watch?v=dQw4w9WgXcQ", null],
    ["https://www.youtube.com/watch?v=<script>", null],
    ["not a url", null],
  ])("%s plays as %s", (url, expected) => {
    expect(embedUrlOf(url)).toBe(expected);
  });
});

describe("completeness", () => {
  const empty = {
    photoFileKey: null,
    headline: "",
    summary: " ",
    placeId: null,
    workLevel: null,
    languages: [],
    desiredOccupationIds: [],
    workTypes: [],
    hoursMin: null,
    hoursMax: null,
    grid: [],
    experience: [],
    education: [],
    hasCv: false,
  };

  it("counts every check equally and lists what is missing in the order to fill it in", () => {
    const none = completeness(empty);
    expect(none.percent).toBe(0);
    expect(none.missing.slice(0, 3)).toEqual([
      { part: "general", key: "photo" },
      { part: "general", key: "headline" },
      { part: "general", key: "summary" },
    ]);
    const some = completeness({ ...empty, headline: "Kok", education: [{}], hasCv: true });
    expect(some.percent).toBe(25);
    expect(some.missing).not.toContainEqual({ part: "experience", key: "experienceOrEducation" });
  });
});
