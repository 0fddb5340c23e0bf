// Colours for charts: reading hex colours safely, WCAG luminance and contrast, text colour on a fill, and the
// single-hue sequential scale of the heatmap.

type Rgb = [number, number, number];

export const INK = "#1a1a1a";
/** Secondary text on white: contrast about 7:1. */
export const MUTED_INK = "#595959";
export const GRID = "#d9d9d9";
export const AXIS = "#767676";
export const PAPER = "#ffffff";
/** Okabe–Ito blue: the default colour of simple bars. */
export const DEFAULT_BAR = "#0072b2";
/** A colour that could not be read becomes this neutral grey. */
export const FALLBACK = "#9e9e9e";

function parseHex(colour: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? Array.from(match[1], (c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** `#rrggbb` in lower case; anything that is not a hex colour becomes the neutral fallback. */
export function safeColour(colour: string | null | undefined, fallback = FALLBACK): string {
  const rgb = parseHex(colour ?? "");
  return rgb ? toHex(rgb) : fallback;
}

function rgbOf(colour: string): Rgb {
  return parseHex(colour) ?? (parseHex(FALLBACK) as Rgb);
}

/** WCAG 2.1 relative luminance. */
export function luminance(colour: string): number {
  const [r, g, b] = rgbOf(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever stands out more on `fill` (always at least 4.5:1). */
export function textColourOn(fill: string): "#000000" | "#ffffff" {
  return contrastRatio(fill, "#000000") >= contrastRatio(fill, "#ffffff") ? "#000000" : "#ffffff";
}

/** `colour` moved towards `other` by `amount` (0 = colour, 1 = other). */
export function mix(colour: string, other: string, amount: number): string {
  const a = rgbOf(colour);
  const b = rgbOf(other);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as Rgb);
}

/** ColorBrewer "Blues", light to dark: one hue, readable in every kind of colour-vision deficiency. */
const BLUES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

/** A fill on the single-hue scale for `t` from 0 (lightest) to 1 (darkest). */
export function sequentialColour(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (BLUES.length - 1);
  const index = Math.min(BLUES.length - 2, Math.floor(position));
  return mix(BLUES[index]!, BLUES[index + 1]!, position - index);
}
