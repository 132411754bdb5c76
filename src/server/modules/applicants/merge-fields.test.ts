import { describe, expect, it } from "vitest";
import { fillMergeFields, unknownMergeFields } from "./merge-fields";

const values = {
  voornaam: "An",
  naam: "An Peeters",
  vacature: "Jurist",
  fase: "Uitgenodigd",
  datum: "7 december 2026",
};

describe("merge fields", () => {
  it("fills the canonical fields, spaces inside the braces allowed", () => {
    expect(
      fillMergeFields(
        "Beste {{voornaam}}, je bent {{ fase }} voor {{vacature}} ({{datum}}). {{naam}}",
        values,
      ),
    ).toBe("Beste An, je bent Uitgenodigd voor Jurist (7 december 2026). An Peeters");
  });

  it("names every unknown field once, English names included (one canonical set)", () => {
    expect(unknownMergeFields("{{firstName}} {{voornaam}} {{ firstName }} {{}} {{Voornaam}}")).toEqual([
      "firstName",
      "",
      "Voornaam",
    ]);
    expect(unknownMergeFields("Geen velden, wel {enkele} accolades")).toEqual([]);
  });
});
