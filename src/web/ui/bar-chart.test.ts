import { describe, expect, it } from "vitest";
import { niceScale } from "./bar-chart";

describe("the bar chart's axis", () => {
  it("rounds the maximum up to whole steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceScale(0)).toEqual({ top: 4, step: 1 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(18)).toEqual({ top: 20, step: 5 });
    expect(niceScale(130)).toEqual({ top: 150, step: 50 });
  });

  it("never has more than five steps nor fractional ones", () => {
    for (let max = 1; max <= 500; max++) {
      const { top, step } = niceScale(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(Number.isInteger(step)).toBe(true);
      expect(top / step).toBeLessThanOrEqual(5);
    }
  });
});
