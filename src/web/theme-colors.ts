// Colour contrast of the theme, computed once from Mantine's palette instead of fixed page by page.
// Mantine's coloured text (Text c="red", light and outline badges, alerts, subtle buttons) uses
// shade 8 at best and its filled badges and buttons put white on shade 8: for most hues that is
// below the WCAG AA ratio of 4.5:1 (green 3.45, orange 3.58, teal 3.95 on white; lower still on
// their own light tint). For each colour this picks the lightest shade from the primary shade up
// that reads at 4.5:1 where it is used, darkening shade 9 further when even that does not.

export const AA_NORMAL_TEXT = 4.5;
// A little above the threshold: anti-aliasing and rounding in the checkers must not tip it over.
const TARGET = 4.6;

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: string | Rgb, b: string | Rgb): number {
  const la = relativeLuminance(typeof a === 'string' ? parseHex(a) : a);
  const lb = relativeLuminance(typeof b === 'string' ? parseHex(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `fg` at opacity `alpha` painted over the opaque `bg` (how a light tint looks on the page). */
export function over(fg: string, alpha: number, bg: string): Rgb {
  const f = parseHex(fg);
  const b = parseHex(bg);
  return [0, 1, 2].map((i) => f[i]! * alpha + b[i]! * (1 - alpha)) as Rgb;
}

/** The first candidate that reads on `bg`; past the darkest shade, that shade mixed towards black. */
function readable(shades: readonly string[], from: number, bg: Rgb | string): string {
  for (const shade of shades.slice(from)) if (contrast(shade, bg) >= TARGET) return shade;
  const darkest = parseHex(shades[shades.length - 1]!);
  for (let k = 0.05; k < 1; k += 0.05) {
    const mixed = toHex(darkest.map((v) => v * (1 - k)) as Rgb);
    if (contrast(mixed, bg) >= TARGET) return mixed;
  }
  return '#000000';
}

const WHITE = '#ffffff';
// The palest background coloured text meets here besides white: a hovered table row (gray-1).
const HOVERED_ROW = '#f1f3f5';
// Mantine's light variants tint with the primary shade at 10 %, 12 % on hover.
const TINT_ALPHA = 0.12;

export type AccessibleColour = {
  /** Coloured text, and the text and border of light, subtle and outline variants. */
  text: string;
  /** The background of filled variants, under white text. */
  filled: string;
  filledHover: string;
};

export function accessibleColour(shades: readonly string[], primaryShade: number): AccessibleColour {
  const tint = over(shades[primaryShade]!, TINT_ALPHA, HOVERED_ROW);
  const text = readable(shades, primaryShade, tint);
  const filled = readable(shades, primaryShade, WHITE);
  // Hover darker, never lighter: it must still carry white text.
  const filledHover = toHex(parseHex(filled).map((v) => v * 0.88) as Rgb);
  return { text, filled, filledHover };
}

/**
 * The light colour scheme's CSS variables that replace Mantine's per-colour ones, for every colour
 * of the palette: `c="teal"`, `<Badge color="green" variant="light">`, `<Button color="red">` and
 * the error text all read at AA without any page choosing a shade.
 */
export function accessibleColourVariables(
  colors: Record<string, readonly string[]>,
  primaryShade: number,
): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const c = accessibleColour(shades, primaryShade);
    vars[`--mantine-color-${name}-text`] = c.text;
    vars[`--mantine-color-${name}-light-color`] = c.text;
    vars[`--mantine-color-${name}-outline`] = c.text;
    vars[`--mantine-color-${name}-filled`] = c.filled;
    vars[`--mantine-color-${name}-filled-hover`] = c.filledHover;
  }
  return vars;
}
