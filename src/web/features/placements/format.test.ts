import { describe, expect, it } from "vitest";
import { formatHours, formatMoney, isoWeek, parseRate, previousMonth, rateInput } from "./format";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("the rate field", () => {
  it("reads euros with a comma or a point as cents", () => {
    expect(parseRate("25,50")).toEqual({ ok: true, cents: 2550 });
    expect(parseRate("25.50")).toEqual({ ok: true, cents: 2550 });
    expect(parseRate("€ 25,5")).toEqual({ ok: true, cents: 2550 });
    expect(parseRate("25")).toEqual({ ok: true, cents: 2500 });
    expect(parseRate(" 0,99 ")).toEqual({ ok: true, cents: 99 });
  });

  it("reads thousands as people write them", () => {
    expect(parseRate("1.025,50")).toEqual({ ok: true, cents: 102550 });
    expect(parseRate("1,025.50")).toEqual({ ok: true, cents: 102550 });
    expect(parseRate("1.025")).toEqual({ ok: true, cents: 102500 });
  });

  it("takes empty as no rate and refuses what is not an amount", () => {
    expect(parseRate("")).toEqual({ ok: true, cents: null });
    expect(parseRate("   ")).toEqual({ ok: true, cents: null });
    for (const bad of ["abc", "-5", "25,5055", "1.02,50", "25,5,5", "100001"])
      expect(parseRate(bad), bad).toEqual({ ok: false });
  });

  it("shows a stored rate back in the reader's notation", () => {
    expect(rateInput(2550, "nl-NL")).toBe("25,50");
    expect(rateInput(102550, "nl-NL")).toBe("1025,50");
    expect(rateInput(2550, "en-GB")).toBe("25.50");
    expect(rateInput(null, "nl-NL")).toBe("");
    expect(parseRate(rateInput(102550, "nl-NL"))).toEqual({ ok: true, cents: 102550 });
  });
});

describe("hours and money", () => {
  it("format hours with two decimals in the reader's notation", () => {
    expect(formatHours(7.75, "nl-NL")).toBe("7,75");
    expect(formatHours(7.75, "en-GB")).toBe("7.75");
    expect(formatHours(40, "nl-NL")).toBe("40,00");
  });

  it("format a rate in cents as euros", () => {
    expect(plain(formatMoney(2550, "nl-NL"))).toBe("€ 25,50");
    expect(formatMoney(2550, "en-GB")).toBe("€25.50");
  });
});

describe("periods", () => {
  it("default the export to the previous calendar month", () => {
    expect(previousMonth("2026-03-15")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousMonth("2026-01-01")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousMonth("2024-03-31")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("read ISO weeks", () => {
    expect(isoWeek("2026-W09")).toEqual({ year: 2026, week: 9 });
    expect(isoWeek("nonsense")).toBeNull();
  });
});
