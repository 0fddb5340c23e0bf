// A legend of colour swatches and labels, flowing onto new lines as the width requires.
import { INK, mix } from "./colour.ts";
import { escapeXml, num, textWidth, truncateText } from "./svg-text.ts";

export interface LegendItem {
  label: string;
  colour: string;
  /** Drawn as an outlined light swatch (e.g. "before") instead of a solid one. */
  outlined?: boolean;
}

const FONT = 12;
const SWATCH = 14;
const LINE = 22;

export function legendSvg(items: LegendItem[], x: number, y: number, maxWidth: number): { parts: string[]; bottom: number } {
  if (items.length === 0) return { parts: [], bottom: y };
  const parts: string[] = [];
  let cx = x;
  let cy = y;
  for (const item of items) {
    const label = truncateText(item.label, maxWidth - SWATCH - 8, FONT);
    const itemWidth = SWATCH + 6 + textWidth(label.text, FONT);
    if (cx > x && cx + itemWidth > x + maxWidth) {
      cx = x;
      cy += LINE;
    }
    const fill = item.outlined ? mix(item.colour, "#ffffff", 0.6) : item.colour;
    const stroke = item.outlined ? ` stroke="${item.colour}" stroke-width="1.5"` : "";
    parts.push(`<rect x="${num(cx + (item.outlined ? 0.75 : 0))}" y="${num(cy + (item.outlined ? 0.75 : 0))}" width="${item.outlined ? SWATCH - 1.5 : SWATCH}" height="${item.outlined ? SWATCH - 1.5 : SWATCH}" fill="${fill}"${stroke}/>`);
    const title = label.truncated ? `<title>${escapeXml(item.label)}</title>` : "";
    parts.push(`<text x="${num(cx + SWATCH + 6)}" y="${num(cy + 11.5)}" font-size="${FONT}" fill="${INK}">${title}${escapeXml(label.text)}</text>`);
    cx += itemWidth + 20;
  }
  return { parts, bottom: cy + SWATCH };
}
