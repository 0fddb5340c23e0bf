// Simple labelled horizontal bars (prevention levels, focus areas × goals …), each value written after its bar.
import { DEFAULT_BAR, INK, safeColour } from "./colour.ts";
import { describe, labelColumnWidth, noDataChart, PAD, resolveOptions, ROW_LABEL_FONT, rowLabel, svgDocument } from "./frame.ts";
import { axisSvg, drawable, niceScale } from "./scale.ts";
import { escapeXml, formatValue, normaliseSpace, num, textWidth } from "./svg-text.ts";
import type { BarDatum, ChartOptions, ChartText } from "./types.ts";

const VALUE_FONT = 12;
const BAR = 22;
const ROW_GAP = 12;

export function barsSvg(bars: BarDatum[], text: ChartText, options?: ChartOptions & { colour?: string }): string {
  const resolved = resolveOptions(options);
  const { width, locale } = resolved;
  const colour = safeColour(options?.colour, DEFAULT_BAR);
  const clean = (Array.isArray(bars) ? bars : []).map((bar) => ({ label: normaliseSpace(bar?.label), value: drawable(bar?.value) }));
  const max = Math.max(0, ...clean.map((bar) => bar.value ?? 0));
  if (clean.length === 0 || max === 0) return noDataChart(text, resolved);

  const scale = niceScale(max, clean.every((bar) => Number.isInteger(bar.value ?? 0)));
  const labelWidth = labelColumnWidth(clean.map((bar) => bar.label), ROW_LABEL_FONT, width);
  const x0 = PAD + labelWidth + 12;
  const widestValue = Math.max(...clean.map((bar) => textWidth(bar.value === null ? "–" : formatValue(bar.value, locale), VALUE_FONT)));
  const length = Math.max(40, width - PAD - x0 - widestValue - 10);

  const rowParts: string[] = [];
  const top = PAD + 6;
  let y = top;
  for (const bar of clean) {
    const label = rowLabel(bar.label, y, BAR, labelWidth);
    const rowHeight = label.rowHeight;
    const barTop = y + (rowHeight - BAR) / 2;
    rowParts.push(label.svg);
    const valueText = bar.value === null ? "–" : formatValue(bar.value, locale);
    const w = ((bar.value ?? 0) / scale.max) * length;
    if (w > 0) {
      rowParts.push(
        `<rect x="${num(x0)}" y="${num(barTop)}" width="${num(w)}" height="${BAR}" fill="${colour}"><title>${escapeXml(`${bar.label}: ${valueText}`)}</title></rect>`,
      );
    }
    rowParts.push(`<text x="${num(x0 + w + 5)}" y="${num(barTop + BAR / 2 + 4.3)}" font-size="${VALUE_FONT}" fill="${INK}">${escapeXml(valueText)}</text>`);
    y += rowHeight + ROW_GAP;
  }
  const bottom = y - ROW_GAP + 6;
  const body = [...axisSvg({ x0, length, scale, top: top - 6, bottom, locale }), ...rowParts];
  return svgDocument({ width, height: bottom + 24, title: text.title, desc: describe(text, locale, false), idPrefix: resolved.idPrefix, body });
}
