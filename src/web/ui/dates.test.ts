import { describe, expect, it } from "vitest";
import {
  dateFormatter,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonthYear,
  parseTypedDay,
} from "./dates";

// The test process's own locale must not matter: only the tag passed in does.
describe("dates in the screen's language", () => {
  const moment = "2026-12-07T15:05:00.000Z";

  it("writes a Dutch date the Dutch way, an English one the British way", () => {
    expect(formatDate(moment, "nl-NL")).toBe("7 dec 2026");
    expect(formatDate(moment, "en-GB")).toBe("7 Dec 2026");
    expect(formatDate(moment, "de-DE")).toBe("07.12.2026");
    expect(formatDate(moment, "fr-FR")).toBe("7 déc. 2026");
    expect(formatDate(moment, "nl-NL", "long")).toBe("7 december 2026");
  });

  it("adds the time of day in 24 hours for Dutch", () => {
    expect(formatDateTime(moment, "nl-NL")).toMatch(/^7 dec 2026,? \d{2}:05$/);
  });

  it("writes a calendar day as that day, whatever the time zone", () => {
    expect(formatDay("2026-12-22", "nl-NL")).toBe("22 dec 2026");
    expect(formatDay("2026-12-22", "en-GB")).toBe("22 Dec 2026");
    expect(formatDay("2026-12", "nl-NL")).toBe("2026-12");
  });

  it("writes months of a career as month and year, whatever the time zone", () => {
    expect(formatMonthYear("2013-03-01", "nl-NL")).toBe("mrt 2013");
    expect(formatMonthYear("2013-03", "en-GB")).toBe("Mar 2013");
  });

  it("shows what it cannot read as it came", () => {
    expect(formatDate("geen datum", "nl-NL")).toBe("geen datum");
    expect(formatMonthYear("", "nl-NL")).toBe("");
  });

  it("makes each formatter once per language and style", () => {
    expect(dateFormatter("nl-NL", "medium")).toBe(dateFormatter("nl-NL", "medium"));
    expect(dateFormatter("nl-NL", "medium")).not.toBe(dateFormatter("en-GB", "medium"));
    expect(dateFormatter("nl-NL", "medium")).not.toBe(dateFormatter("nl-NL", "long"));
  });
});

describe("a typed calendar day", () => {
  it("is read day first, whatever separates the parts", () => {
    expect(parseTypedDay("7-12-2026")).toBe("2026-12-07");
    expect(parseTypedDay("07/12/2026")).toBe("2026-12-07");
    expect(parseTypedDay(" 7.12.2026 ")).toBe("2026-12-07");
    expect(parseTypedDay("7 12 2026")).toBe("2026-12-07");
  });

  it("also accepts the ISO form a paste or an older browser gives", () => {
    expect(parseTypedDay("2026-12-07")).toBe("2026-12-07");
    expect(parseTypedDay("2026-2-3")).toBe("2026-02-03");
  });

  it("refuses days that do not exist, two-digit years and other text", () => {
    expect(parseTypedDay("31-02-2026")).toBeNull();
    expect(parseTypedDay("29-02-2025")).toBeNull();
    expect(parseTypedDay("29-02-2024")).toBe("2024-02-29");
    expect(parseTypedDay("13-13-2026")).toBeNull();
    expect(parseTypedDay("01-02-03")).toBeNull();
    expect(parseTypedDay("morgen")).toBeNull();
    expect(parseTypedDay("")).toBeNull();
  });
});
