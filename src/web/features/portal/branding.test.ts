import { describe, expect, it } from "vitest";
import { contrastWithWhite, DEFAULT_PRIMARY_COLOR, portalShades, usablePrimaryColor } from "./branding";

describe("portal branding", () => {
  it("keeps the seeded portal colours, which carry white text", () => {
    for (const color of ["#1c4f7c", "#1b6b3a", "#8b1e3f"]) {
      expect(usablePrimaryColor(color)).toBe(color);
      expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("falls back when a colour is unreadable with white text or malformed", () => {
    expect(usablePrimaryColor("#ffe066")).toBe(DEFAULT_PRIMARY_COLOR);
    expect(usablePrimaryColor("red")).toBe(DEFAULT_PRIMARY_COLOR);
    expect(usablePrimaryColor(null)).toBe(DEFAULT_PRIMARY_COLOR);
  });

  it("puts the portal colour at the primary shade with lighter shades before it", () => {
    const shades = portalShades("#1b6b3a");
    expect(shades).toHaveLength(10);
    expect(shades[6]).toBe("#1b6b3a");
    expect(contrastWithWhite(shades[0])).toBeLessThan(1.3);
    // Mantine's light variant: shade 9 text on shade 1 background must stay readable.
    expect(contrastWithWhite(shades[9]) / contrastWithWhite(shades[1])).toBeGreaterThanOrEqual(4.5);
  });
});
