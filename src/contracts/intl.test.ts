import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl";

describe("Intl formatters made once", () => {
  it("gives the same formatter for the same language and options, another for other ones", () => {
    const a = dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });
    expect(dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" })).toBe(a);
    expect(dateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" })).not.toBe(a);
    expect(dateTimeFormat("nl-NL", { dateStyle: "short", timeZone: "UTC" })).not.toBe(a);
    expect(a.format(new Date("2026-12-07T12:00:00Z"))).toBe("7 december 2026");
    const euro = numberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    expect(numberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 })).toBe(
      euro,
    );
    expect(euro.format(2800)).toBe("€\u00a02.800");
  });
});
