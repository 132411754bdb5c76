import { createTheme, type MantineColorsTuple, type MantineThemeOverride } from "@mantine/core";

/** Landelijk's colour: also used where no portal is known (unknown host, loading). */
export const DEFAULT_PRIMARY_COLOR = "#1c4f7c";

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast between two #rrggbb colours (1..21). */
export function contrast(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG contrast of the colour against white (1..21). */
export function contrastWithWhite(hex: string): number {
  return contrast(hex, "#ffffff");
}

/**
 * The colour itself when it reaches `ratio` against `background`, else the least mix towards
 * black or white (whichever the background is not) that does: a portal's or a status colour stays
 * recognisable as text on either scheme's surfaces.
 */
export function readableOn(color: string, background: string, ratio = 4.5): string {
  const towards = relativeLuminance(background) > 0.18 ? "#000000" : "#ffffff";
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(color, towards, step / 20);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return towards;
}

/**
 * The portal colour is used for white button text and for links on white, so it must reach
 * WCAG AA (4.5:1) against white. A portal admin could pick a light colour; then we fall back
 * rather than ship unreadable buttons.
 */
export function usablePrimaryColor(color: string | null | undefined): string {
  if (!color || !HEX_COLOR.test(color)) return DEFAULT_PRIMARY_COLOR;
  return contrastWithWhite(color) >= 4.5 ? color.toLowerCase() : DEFAULT_PRIMARY_COLOR;
}

/**
 * Ten shades around the portal colour, which sits at index 6 (the primary shade). Mantine's
 * light variants use shade 1 as background and 9 as text, so a flat tuple (colorsTuple of one
 * colour) would render active menu items as dark text on a dark block.
 */
export function portalShades(color: string): MantineColorsTuple {
  return [
    mix(color, "#ffffff", 0.92),
    mix(color, "#ffffff", 0.84),
    mix(color, "#ffffff", 0.7),
    mix(color, "#ffffff", 0.55),
    mix(color, "#ffffff", 0.4),
    mix(color, "#ffffff", 0.2),
    color,
    mix(color, "#000000", 0.12),
    mix(color, "#000000", 0.24),
    mix(color, "#000000", 0.36),
  ];
}

/** `amount` of `other` blended into `color`; both #rrggbb. Hex out, so contrast can be checked. */
export function mix(color: string, other: string, amount: number): string {
  const a = Number.parseInt(color.slice(1), 16);
  const b = Number.parseInt(other.slice(1), 16);
  const out = [16, 8, 0].map((shift) => {
    const c = (a >> shift) & 255;
    const d = (b >> shift) & 255;
    return Math.round(c + (d - c) * amount)
      .toString(16)
      .padStart(2, "0");
  });
  return `#${out.join("")}`;
}

export function portalTheme(primaryColor: string | null | undefined): MantineThemeOverride {
  return createTheme({
    colors: { portal: portalShades(usablePrimaryColor(primaryColor)) },
    primaryColor: "portal",
    primaryShade: 6,
    // Only keyboard focus gets the ring, but it is always visible (WCAG 2.4.7).
    focusRing: "auto",
    defaultRadius: "md",
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
    headings: { fontWeight: "700" },
  });
}
