// Status change between two rounds: per status two bars, before (light, outlined) and after (solid), each with
// its value written after it, and the change after the "after" value.
import { INK, mix, safeColour } from "./colour.ts";
import { describe, labelColumnWidth, noDataChart, PAD, resolveOptions, ROW_LABEL_FONT, rowLabel, svgDocument } from "./frame.ts";
import { legendSvg } from "./legend.ts";
import { axisSvg, drawable, niceScale } from "./scale.ts";
import { escapeXml, formatValue, normaliseSpace, num, textWidth } from "./svg-text.ts";
import type { ChangeRow, ChartOptions, ChartText } from "./types.ts";

const VALUE_FONT = 12;
const BAR = 16;
const BAR_GAP = 4;
const ROW_GAP = 16;

function change(before: number, after: number, locale: "sv" | "en"): string {
  const delta = after - before;
  if (delta === 0) return "±0";
  return delta > 0 ? `+${formatValue(delta, locale)}` : formatValue(delta, locale);
}

export function statusChangeSvg(
  rows: ChangeRow[],
  text: ChartText & { beforeLabel: string; afterLabel: string },
  options?: ChartOptions,
): string {
  const resolved = resolveOptions(options);
  const { width, locale } = resolved;
  const clean = (Array.isArray(rows) ? rows : []).map((row) => ({
    label: normaliseSpace(row?.label),
    colour: safeColour(row?.colour),
    before: drawable(row?.before),
    after: drawable(row?.after),
  }));
  const max = Math.max(0, ...clean.flatMap((row) => [row.before ?? 0, row.after ?? 0]));
  if (clean.length === 0 || max === 0) return noDataChart(text, resolved);

  const legend = legendSvg(
    [
      { label: normaliseSpace(text.beforeLabel), colour: "#595959", outlined: true },
      { label: normaliseSpace(text.afterLabel), colour: "#595959" },
    ],
    PAD,
    PAD,
    width - 2 * PAD,
  );
  const whole = clean.every((row) => Number.isInteger(row.before ?? 0) && Number.isInteger(row.after ?? 0));
  const scale = niceScale(max, whole);
  const labelWidth = labelColumnWidth(clean.map((row) => row.label), ROW_LABEL_FONT, width);
  const x0 = PAD + labelWidth + 12;
  const widestValue = Math.max(
    ...clean.map((row) => textWidth(`${formatValue(row.after ?? 0, locale)} (${change(row.before ?? 0, row.after ?? 0, locale)})`, VALUE_FONT)),
  );
  const length = Math.max(40, width - PAD - x0 - widestValue - 10);
  const at = (value: number) => (value / scale.max) * length;

  const rowParts: string[] = [];
  const top = legend.bottom + 16;
  let y = top;
  for (const row of clean) {
    const blockHeight = 2 * BAR + BAR_GAP;
    const label = rowLabel(row.label, y, blockHeight, labelWidth);
    const rowHeight = label.rowHeight;
    const barTop = y + (rowHeight - blockHeight) / 2;
    rowParts.push(label.svg);
    const series = [
      { value: row.before, top: barTop, name: text.beforeLabel, fill: mix(row.colour, "#ffffff", 0.6), outlined: true },
      { value: row.after, top: barTop + BAR + BAR_GAP, name: text.afterLabel, fill: row.colour, outlined: false },
    ];
    for (const s of series) {
      const valueText = s.value === null ? "–" : formatValue(s.value, locale);
      const w = at(s.value ?? 0);
      if (w > 0) {
        const stroke = s.outlined ? ` stroke="${row.colour}" stroke-width="1.5"` : "";
        const inset = s.outlined ? 0.75 : 0;
        rowParts.push(
          `<rect x="${num(x0 + inset)}" y="${num(s.top + inset)}" width="${num(Math.max(0, w - 2 * inset))}" height="${num(BAR - 2 * inset)}" fill="${s.fill}"${stroke}><title>${escapeXml(`${row.label} – ${normaliseSpace(s.name)}: ${valueText}`)}</title></rect>`,
        );
      }
      const shown = !s.outlined && row.before !== null && row.after !== null ? `${valueText} (${change(row.before, row.after, locale)})` : valueText;
      rowParts.push(`<text x="${num(x0 + w + 5)}" y="${num(s.top + BAR / 2 + 4.3)}" font-size="${VALUE_FONT}" fill="${INK}">${escapeXml(shown)}</text>`);
    }
    y += rowHeight + ROW_GAP;
  }
  const bottom = y - ROW_GAP + 6;
  const body = [...legend.parts, ...axisSvg({ x0, length, scale, top: top - 6, bottom, locale }), ...rowParts];
  return svgDocument({ width, height: bottom + 24, title: text.title, desc: describe(text, locale, false), idPrefix: resolved.idPrefix, body });
}
