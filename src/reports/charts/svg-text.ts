// Text inside chart SVGs: escaping, width measuring with DejaVu Sans advance widths, wrapping and truncating.
import { formatNumber, type Locale } from "../../web/i18n/index.ts";

/**
 * Advance widths in thousandths of an em, read once from DejaVuSans.ttf and DejaVuSans-Bold.ttf
 * (dejavu-fonts-ttf 2.37): U+0020–U+007E, then U+00A0–U+00FF, then a few punctuation marks.
 * Other characters count as a wide letter, so measuring errs towards too wide.
 */
const REGULAR_ASCII = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787,
  695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278,
  579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const REGULAR_LATIN1 = [
  318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838, 401, 401, 500, 636, 636, 318, 500,
  401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748,
  787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615,
  615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
];
const BOLD_ASCII = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850,
  770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343,
  665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
const BOLD_LATIN1 = [
  348, 456, 696, 696, 636, 696, 365, 500, 500, 1000, 564, 646, 838, 415, 1000, 500, 500, 838, 438, 438, 500, 736, 636, 380, 500,
  438, 564, 646, 1035, 1035, 1035, 580, 774, 774, 774, 774, 774, 774, 1085, 734, 683, 683, 683, 683, 372, 372, 372, 372, 838, 837,
  850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675, 675, 675, 675, 675, 1048, 593, 678, 678, 678,
  678, 343, 343, 343, 343, 687, 712, 687, 687, 687, 687, 687, 838, 687, 712, 712, 712, 712, 652, 716, 652,
];
const REGULAR_EXTRA: Record<number, number> = { 0x2013: 500, 0x2014: 1000, 0x2018: 318, 0x2019: 318, 0x201c: 518, 0x201d: 518, 0x2022: 590, 0x2026: 1000, 0x20ac: 636, 0x2212: 838 };
const BOLD_EXTRA: Record<number, number> = { 0x2013: 500, 0x2014: 1000, 0x2018: 380, 0x2019: 380, 0x201c: 657, 0x201d: 657, 0x2022: 639, 0x2026: 1000, 0x20ac: 696, 0x2212: 838 };
const UNKNOWN = 1000;

export const ELLIPSIS = "…";

/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Whitespace (line breaks, tabs, runs of spaces) as single spaces, trimmed: a label is one line of words. */
export function normaliseSpace(text: string | null | undefined): string {
  return (text ?? "").replace(NOT_XML, "").replace(/\s+/g, " ").trim();
}

function advance(code: number, bold: boolean): number {
  if (code >= 0x20 && code <= 0x7e) return (bold ? BOLD_ASCII : REGULAR_ASCII)[code - 0x20] ?? UNKNOWN;
  if (code >= 0xa0 && code <= 0xff) return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[code - 0xa0] ?? UNKNOWN;
  return (bold ? BOLD_EXTRA : REGULAR_EXTRA)[code] ?? UNKNOWN;
}

/** The width in pixels of `text` set in DejaVu Sans at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let sum = 0;
  for (const char of text) sum += advance(char.codePointAt(0) ?? 0x20, bold);
  return (sum / 1000) * fontSize;
}

/** The longest start of `text` that, followed by `suffix`, fits in `maxWidth`. */
function fittingPrefix(text: string, maxWidth: number, fontSize: number, bold: boolean, suffix: string): string {
  const chars = Array.from(text);
  let width = textWidth(suffix, fontSize, bold);
  let end = 0;
  for (const char of chars) {
    const next = width + textWidth(char, fontSize, bold);
    if (next > maxWidth) break;
    width = next;
    end += 1;
  }
  return chars.slice(0, end).join("");
}

/** One line: the text itself when it fits, else cut and ended with "…". */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): { text: string; truncated: boolean } {
  const clean = normaliseSpace(text);
  if (textWidth(clean, fontSize, bold) <= maxWidth) return { text: clean, truncated: false };
  const prefix = fittingPrefix(clean, maxWidth, fontSize, bold, ELLIPSIS).trimEnd();
  return { text: prefix + ELLIPSIS, truncated: true };
}

export interface WrappedText {
  lines: string[];
  /** Some of the text did not fit in `maxLines`; the last line ends with "…". */
  truncated: boolean;
}

/**
 * Words into lines no wider than `maxWidth`; a word wider than a whole line is split and hyphenated.
 * At most `maxLines` lines: the rest is cut and the last line ends with "…".
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2, bold = false): WrappedText {
  const words = normaliseSpace(text).split(" ").filter((word) => word !== "");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== "") lines.push(current);
    let rest = word;
    while (textWidth(rest, fontSize, bold) > maxWidth) {
      const piece = fittingPrefix(rest, maxWidth, fontSize, bold, "-") || Array.from(rest)[0] || "";
      lines.push(`${piece}-`);
      rest = rest.slice(piece.length);
    }
    current = rest;
  }
  if (current !== "") lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  const lastLine = `${kept[last] ?? ""}`.replace(/-$/, "");
  kept[last] = fittingPrefix(lastLine, maxWidth, fontSize, bold, ELLIPSIS).trimEnd() + ELLIPSIS;
  return { lines: kept, truncated: true };
}

/** The widest single word of `text`, to choose a font size at which no word has to be split. */
export function widestWord(text: string, fontSize: number, bold = false): number {
  return normaliseSpace(text)
    .split(" ")
    .reduce((widest, word) => Math.max(widest, textWidth(word, fontSize, bold)), 0);
}

/** A number as a reader of `locale` writes it ("1 234,5" / "1,234.5"). */
export function formatValue(value: number, locale: Locale): string {
  return formatNumber(value, locale);
}

/** A coordinate or length for an attribute: at most one decimal, never NaN. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
