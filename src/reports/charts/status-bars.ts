// Status per goal: one stacked horizontal bar per goal in the plan's status colours, each count written in its
// segment (or just under the bar when the segment is too narrow), the total after the bar, a legend on top.
import { INK, safeColour, textColourOn } from "./colour.ts";
import { describe, labelColumnWidth, noDataChart, PAD, resolveOptions, svgDocument, textLines } from "./frame.ts";
import { legendSvg, type LegendItem } from "./legend.ts";
import { axisSvg, drawable, niceScale } from "./scale.ts";
import { escapeXml, formatValue, normaliseSpace, num, textWidth, wrapText } from "./svg-text.ts";
import type { ChartOptions, ChartText, StatusBar } from "./types.ts";

const LABEL_FONT = 13;
const LABEL_LINE = 16;
const VALUE_FONT = 12;
const BAR_HEIGHT = 26;
const ROW_GAP = 14;
const OUTSIDE_ROW = 18;

export function statusBarsSvg(bars: StatusBar[], text: ChartText, options?: ChartOptions): string {
  const resolved = resolveOptions(options);
  const { width, locale } = resolved;
  const rows = (Array.isArray(bars) ? bars : []).map((bar) => {
    const segments = (bar?.segments ?? []).map((s) => ({
      label: normaliseSpace(s?.label),
      colour: safeColour(s?.colour),
      value: drawable(s?.value) ?? 0,
    }));
    return { label: normaliseSpace(bar?.label), segments, total: segments.reduce((sum, s) => sum + s.value, 0) };
  });
  const maxTotal = Math.max(0, ...rows.map((row) => row.total));
  if (rows.length === 0 || maxTotal === 0) return noDataChart(text, resolved);

  const legendItems: LegendItem[] = [];
  for (const row of rows) {
    for (const s of row.segments) {
      if (!legendItems.some((item) => item.label === s.label && item.colour === s.colour)) legendItems.push({ label: s.label, colour: s.colour });
    }
  }
  const legend = legendSvg(legendItems, PAD, PAD, width - 2 * PAD);
  const body: string[] = [...legend.parts];

  const whole = rows.every((row) => row.segments.every((s) => Number.isInteger(s.value)));
  const scale = niceScale(maxTotal, whole);
  const labelWidth = labelColumnWidth(rows.map((row) => row.label), LABEL_FONT, width);
  const x0 = PAD + labelWidth + 12;
  const totalRoom = textWidth(formatValue(maxTotal, locale), VALUE_FONT, true) + 12;
  const length = Math.max(40, width - PAD - x0 - totalRoom);
  const at = (value: number) => (value / scale.max) * length;

  const rowParts: string[] = [];
  const top = legend.bottom + 16;
  let y = top;
  for (const row of rows) {
    const wrapped = wrapText(row.label, labelWidth, LABEL_FONT, 4);
    const labelHeight = wrapped.lines.length * LABEL_LINE;
    let cursor = x0;
    const placed = row.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const x = cursor;
        const w = at(s.value);
        cursor += w;
        const valueText = formatValue(s.value, locale);
        const textW = textWidth(valueText, VALUE_FONT);
        return { ...s, x, w, valueText, textW, inside: w >= textW + 8 };
      });
    const outside = placed.filter((s) => !s.inside);
    const blockHeight = BAR_HEIGHT + (outside.length > 0 ? OUTSIDE_ROW : 0);
    const middle = Math.max(labelHeight / 2, BAR_HEIGHT / 2);
    const barTop = y + middle - BAR_HEIGHT / 2;
    const labelTop = y + middle - labelHeight / 2;
    const rowHeight = Math.max(labelTop + labelHeight, barTop + blockHeight) - y;
    const firstBaseline = labelTop + 12;
    rowParts.push(
      textLines({
        lines: wrapped.lines,
        x: PAD,
        y: firstBaseline,
        fontSize: LABEL_FONT,
        lineHeight: LABEL_LINE,
        fill: INK,
        fullText: wrapped.truncated ? row.label : undefined,
      }),
    );
    for (const s of placed) {
      rowParts.push(
        `<rect x="${num(s.x)}" y="${num(barTop)}" width="${num(s.w)}" height="${BAR_HEIGHT}" fill="${s.colour}"><title>${escapeXml(`${s.label}: ${s.valueText}`)}</title></rect>`,
      );
    }
    for (const s of placed.slice(1)) {
      rowParts.push(`<line x1="${num(s.x)}" y1="${num(barTop)}" x2="${num(s.x)}" y2="${num(barTop + BAR_HEIGHT)}" stroke="#ffffff" stroke-width="1.5"/>`);
    }
    const valueBaseline = barTop + BAR_HEIGHT / 2 + 4.4;
    for (const s of placed.filter((p) => p.inside)) {
      rowParts.push(
        `<text x="${num(s.x + s.w / 2)}" y="${num(valueBaseline)}" font-size="${VALUE_FONT}" fill="${textColourOn(s.colour)}" text-anchor="middle">${escapeXml(s.valueText)}</text>`,
      );
    }
    let previousRight = -Infinity;
    for (const s of outside) {
      const centre = s.x + s.w / 2;
      let left = Math.max(centre - s.textW / 2, previousRight + 8, x0);
      left = Math.min(left, width - PAD - s.textW);
      previousRight = left + s.textW;
      const bottom = barTop + BAR_HEIGHT;
      rowParts.push(`<line x1="${num(centre)}" y1="${num(bottom)}" x2="${num(left + s.textW / 2)}" y2="${num(bottom + 4)}" stroke="${INK}" stroke-width="1"/>`);
      rowParts.push(`<text x="${num(left)}" y="${num(bottom + 15)}" font-size="${VALUE_FONT}" fill="${INK}">${escapeXml(s.valueText)}</text>`);
    }
    rowParts.push(
      `<text x="${num(x0 + at(row.total) + 6)}" y="${num(valueBaseline)}" font-size="${VALUE_FONT}" font-weight="bold" fill="${INK}">${escapeXml(formatValue(row.total, locale))}</text>`,
    );
    y += rowHeight + ROW_GAP;
  }
  const bottom = y - ROW_GAP + 6;
  body.push(...axisSvg({ x0, length, scale, top: top - 6, bottom, locale }), ...rowParts);
  return svgDocument({ width, height: bottom + 24, title: text.title, desc: describe(text, locale, false), idPrefix: resolved.idPrefix, body });
}
