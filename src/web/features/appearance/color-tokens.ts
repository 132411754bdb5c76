import {
  type CSSVariablesResolver,
  defaultVariantColorsResolver,
  type MantineTheme,
  parseThemeColor,
  rem,
  type VariantColorsResolver,
} from "@mantine/core";
import { readableOn } from "../portal/branding";

/**
 * The surfaces text is drawn on, per scheme; text colours are checked against the darkest light
 * surface and the lightest dark one (a hovered or striped row) so they pass WCAG AA (4.5:1)
 * wherever they end up.
 */
const LIGHT_SURFACE = "#f1f3f5"; // gray.1
const DARK_SURFACE = "#3b3b3b"; // dark.5

/**
 * `c="red"` and the like resolve to --mantine-color-<name>-text. Mantine makes that the filled
 * shade in light (red.6 is 3.3:1 on white) and shade 4 in dark; we make it readable in both.
 */
function textColours(theme: MantineTheme, background: string, shade: number): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const base = shades[shade];
    if (name === "dark" || !base || !/^#[0-9a-f]{6}$/i.test(base)) continue;
    variables[`--mantine-color-${name}-text`] = readableOn(base, background);
  }
  return variables;
}

/**
 * The semantic colours of the app, defined once per scheme. Components say what a colour means
 * (dimmed, error, a status colour, a surface) rather than which shade, so that dark mode needs no
 * per-page colours: see docs/decisions/0021-colour-schemes.md.
 */
export const resolveColorTokens: CSSVariablesResolver = (theme) => {
  const portal = theme.colors[theme.primaryColor]?.[6] ?? "#1c4f7c";
  const lightLink = readableOn(portal, LIGHT_SURFACE);
  const darkLink = readableOn(portal, DARK_SURFACE);
  return {
    variables: {},
    light: {
      ...textColours(theme, LIGHT_SURFACE, 9),
      // Mantine's dimmed (gray.6) and error (red.6) are too pale for text on white.
      "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
      "--mantine-color-error": "var(--mantine-color-red-9)",
      "--mantine-color-anchor": lightLink,
      [`--mantine-color-${theme.primaryColor}-text`]: lightLink,
      "--werkbrug-surface-sunken": "var(--mantine-color-gray-0)",
      "--werkbrug-surface-muted": "var(--mantine-color-gray-0)",
      "--werkbrug-surface-raised": "var(--mantine-color-gray-1)",
      "--werkbrug-border-strong": "var(--mantine-color-gray-5)",
    },
    dark: {
      ...textColours(theme, DARK_SURFACE, 3),
      // Mantine's dark dimmed (dark.2) and error (red.8) reach only about 4:1 and 3:1.
      "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
      "--mantine-color-error": readableOn(theme.colors.red?.[4] ?? "#ff8787", DARK_SURFACE),
      "--mantine-color-anchor": darkLink,
      [`--mantine-color-${theme.primaryColor}-text`]: darkLink,
      "--werkbrug-surface-sunken": "var(--mantine-color-dark-8)",
      "--werkbrug-surface-muted": "var(--mantine-color-dark-6)",
      "--werkbrug-surface-raised": "var(--mantine-color-dark-5)",
      "--werkbrug-border-strong": "var(--mantine-color-dark-3)",
    },
  };
};

/**
 * Outline, subtle and transparent buttons, badges and icons draw text in their colour on the page
 * itself. Mantine uses the given shade (red.9, unreadable on dark) or shade 6 (red.6, 3.3:1 on
 * white); we use the colour's text token, readable in both schemes. Light variants get the
 * scheme's tint instead of a fixed pale shade. Filled variants keep their shade: white text on it
 * reads the same whatever the page around it.
 */
export const resolveVariantColors: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === "dark") return resolved;
  const text = `var(--mantine-color-${parsed.color}-text)`;
  switch (input.variant) {
    case "outline":
      return { ...resolved, color: text, border: `${rem(1)} solid ${text}` };
    case "subtle":
    case "transparent":
      return { ...resolved, color: text };
    case "light":
      return {
        ...resolved,
        background: `var(--mantine-color-${parsed.color}-light)`,
        hover: `var(--mantine-color-${parsed.color}-light-hover)`,
        color: `var(--mantine-color-${parsed.color}-light-color)`,
      };
    default:
      return resolved;
  }
};
