import { describe, expect, it } from "vitest";
import { SaveTimesheetRequestSchema } from "../../../contracts/placements";
import {
  cellOfPath,
  cellProblem,
  dayTotal,
  emptyGrid,
  entriesOf,
  formatDayShort,
  formatWeekRange,
  gridOf,
  hasOtherKinds,
  hoursFormat,
  isoWeek,
  kindTotal,
  mondayOf,
  parseHours,
  weekDays,
} from "./week";

describe("weeks", () => {
  it("numbers weeks the ISO way, also around the turn of the year", () => {
    expect(isoWeek("2026-12-07")).toEqual({ year: 2026, week: 50 });
    expect(isoWeek("2026-11-30")).toEqual({ year: 2026, week: 49 });
    // 29 Dec 2025 is a Monday in the week of 1 Jan 2026 (a Thursday): week 1 of 2026.
    expect(isoWeek("2025-12-29")).toEqual({ year: 2026, week: 1 });
    // 1 Jan 2027 is a Friday: it belongs to the last week of 2026, week 53.
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeek("2026-02-30")).toBeNull();
  });

  it("finds the Monday of any day and lists the seven days from it", () => {
    expect(mondayOf("2026-12-09")).toBe("2026-12-07");
    expect(mondayOf("2026-12-13")).toBe("2026-12-07");
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
    expect(mondayOf("not-a-date")).toBeNull();
    expect(weekDays("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it("writes days and weeks as people read them", () => {
    expect(formatDayShort("2026-12-07", "nl-NL")).toBe("ma 7 dec");
    expect(formatWeekRange("2026-12-07", "nl-NL")).toBe("7–13 dec 2026");
    // Intl puts thin spaces around the dash between two months.
    expect(formatWeekRange("2026-11-30", "nl-NL").replace(/\s/g, " ")).toBe("30 nov – 6 dec 2026");
  });
});

describe("hours", () => {
  it("reads a comma and a point alike, and says what is wrong with a cell", () => {
    expect(parseHours("7,75")).toBe(7.75);
    expect(parseHours("7.5")).toBe(7.5);
    expect(parseHours("")).toBe(0);
    expect(parseHours(8)).toBe(8);
    expect(cellProblem("7,75")).toBeNull();
    expect(cellProblem("")).toBeNull();
    expect(cellProblem("7,3")).toBe("quarter");
    expect(cellProblem(25)).toBe("tooMany");
    expect(cellProblem("zeven")).toBe("invalid");
    expect(cellProblem("-1")).toBe("invalid");
  });

  it("shows hours with the reader's decimal sign", () => {
    expect(hoursFormat("nl-NL").format(7.75)).toBe("7,75");
    expect(hoursFormat("de-DE").format(7.5)).toBe("7,5");
    expect(hoursFormat("en-GB").format(7.75)).toBe("7.75");
    expect(hoursFormat("nl-NL").format(8)).toBe("8");
    expect(hoursFormat("nl-NL")).toBe(hoursFormat("nl-NL"));
  });
});

describe("the week's grid", () => {
  const weekStart = "2026-12-07";

  it("turns filled cells into the entries the contract accepts, and back", () => {
    const grid = emptyGrid();
    grid.normal[0] = "8";
    grid.normal[1] = 7.75;
    grid.overtime[1] = "1,5";
    grid.travel[4] = "0";
    const { entries, cells } = entriesOf(weekStart, grid);
    expect(entries).toEqual([
      { date: "2026-12-07", kind: "normal", hours: 8 },
      { date: "2026-12-08", kind: "normal", hours: 7.75 },
      { date: "2026-12-08", kind: "overtime", hours: 1.5 },
    ]);
    expect(SaveTimesheetRequestSchema.safeParse({ entries, remark: "" }).success).toBe(true);
    expect(cells[2]).toEqual({ day: 1, kind: "overtime" });

    const again = gridOf(weekStart, entries);
    expect(again.normal.slice(0, 2)).toEqual([8, 7.75]);
    expect(again.overtime[1]).toBe(1.5);
    expect(hasOtherKinds(again)).toBe(true);
    expect(dayTotal(again, 1)).toBe(9.25);
    expect(kindTotal(again, "normal")).toBe(15.75);
  });

  it("finds the cell a server message is about by the entry's place in the request", () => {
    const cells = [
      { day: 0, kind: "normal" as const },
      { day: 3, kind: "travel" as const },
    ];
    expect(cellOfPath("entries.1.hours", cells)).toEqual({ day: 3, kind: "travel" });
    expect(cellOfPath("entries.1", cells)).toEqual({ day: 3, kind: "travel" });
    expect(cellOfPath("entries.7.hours", cells)).toBeNull();
    expect(cellOfPath("remark", cells)).toBeNull();
    expect(cellOfPath("entries.10.hours", cells)).toBeNull();
  });
});
