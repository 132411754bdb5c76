import { DEFAULT_THEME, mergeMantineTheme } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { contrast, portalTheme } from "../portal/branding";
import { resolveColorTokens } from "./color-tokens";

const LIGHT_SURFACE = "#f1f3f5";
const DARK_SURFACE = "#3b3b3b";

function tokens(primaryColor: string) {
  return resolveColorTokens(mergeMantineTheme(DEFAULT_THEME, portalTheme(primaryColor)));
}

const hexValues = (vars: Record<string, string>) =>
  Object.entries(vars).filter(([name, value]) => name.endsWith("-text") && value.startsWith("#"));

describe("the colour tokens", () => {
  // Landelijk's blue, a near-black and a bright green portal (replaced by the default in light).
  it.each(["#1c4f7c", "#101030", "#2f9e44"])(
    "keep links of portal colour %s readable in both schemes",
    (color) => {
      const { light, dark } = tokens(color);
      expect(contrast(light["--mantine-color-anchor"]!, LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(light["--mantine-color-anchor"]!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(contrast(dark["--mantine-color-anchor"]!, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('make every colour\'s text shade (c="red", c="yellow"…) readable in both schemes', () => {
    const { light, dark } = tokens("#1c4f7c");
    expect(hexValues(light).length).toBeGreaterThan(10);
    for (const [name, value] of hexValues(light))
      expect(contrast(value, LIGHT_SURFACE), name).toBeGreaterThanOrEqual(4.5);
    for (const [name, value] of hexValues(dark))
      expect(contrast(value, DARK_SURFACE), name).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark["--mantine-color-error"]!, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
  });
});
