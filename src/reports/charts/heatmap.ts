// Organisations × goals: how many activities each organisation has per goal, as a grid on a single-hue scale
// with the number written in every cell; long labels wrap or are cut, the full text in a <title>.
import { GRID, INK, MUTED_INK, sequentialColour, textColourOn } from "./colour.ts";
import { chartWords, describe, labelColumnWidth, noDataChart, PAD, resolveOptions, svgDocument, textLines } from "./frame.ts";
import { drawable } from "./scale.ts";
import { escapeXml, formatValue, normaliseSpace, num, widestWord, wrapText } from "./svg-text.ts";
import type { ChartOptions, ChartText, HeatmapData } from "./types.ts";

const ROW_FONT = 12;
const ROW_LINE = 15;
const VALUE_FONT = 13;
const MAX_CELL = 130;
const GAP = 2;

export function heatmapSvg(data: HeatmapData, text: ChartText, options?: ChartOptions): string {
  const resolved = resolveOptions(options);
  const { width, locale } = resolved;
  const rows = (data?.rows ?? []).map((row) => normaliseSpace(row));
  const columns = (data?.columns ?? []).map((column) => normaliseSpace(column));
  const values = rows.map((_, r) => columns.map((_, c) => drawable(data?.values?.[r]?.[c])));
  const max = Math.max(0, ...values.flat().map((v) => v ?? 0));
  if (rows.length === 0 || columns.length === 0 || max === 0) return noDataChart(text, resolved);

  const rowLabelWidth = labelColumnWidth(rows, ROW_FONT, width, 260);
  const gridX = PAD + rowLabelWidth + 8;
  const cellWidth = Math.min(MAX_CELL, (width - PAD - gridX) / columns.length);
  const columnTextWidth = Math.max(12, cellWidth - 6);

  // The largest size from 12 down to 9 at which no column label's word has to be split.
  let columnFont = 12;
  while (columnFont > 9 && columns.some((column) => widestWord(column, columnFont) > columnTextWidth)) columnFont -= 0.5;
  const columnLine = columnFont * 1.25;
  const columnLabels = columns.map((column) => wrapText(column, columnTextWidth, columnFont, 4));
  const headerLines = Math.max(1, ...columnLabels.map((label) => label.lines.length));
  const gridTop = PAD + headerLines * columnLine + 8;

  const body: string[] = [];
  columnLabels.forEach((label, c) => {
    const x = gridX + c * cellWidth + cellWidth / 2;
    const firstBaseline = gridTop - 8 - (label.lines.length - 1) * columnLine - columnFont * 0.25;
    body.push(
      textLines({
        lines: label.lines,
        x,
        y: firstBaseline,
        fontSize: columnFont,
        lineHeight: columnLine,
        anchor: "middle",
        fill: INK,
        fullText: label.truncated ? columns[c] : undefined,
      }),
    );
  });

  const words = chartWords(locale);
  let y = gridTop;
  rows.forEach((row, r) => {
    const label = wrapText(row, rowLabelWidth, ROW_FONT, 2);
    const rowHeight = Math.max(30, label.lines.length * ROW_LINE + 12);
    body.push(
      textLines({
        lines: label.lines,
        x: PAD,
        y: y + rowHeight / 2 - (label.lines.length * ROW_LINE) / 2 + 11,
        fontSize: ROW_FONT,
        lineHeight: ROW_LINE,
        fill: INK,
        fullText: label.truncated ? row : undefined,
      }),
    );
    columns.forEach((column, c) => {
      const value = values[r]?.[c] ?? null;
      const x = gridX + c * cellWidth;
      const cellW = cellWidth - GAP;
      const cellH = rowHeight - GAP;
      const valueText = value === null ? "–" : formatValue(value, locale);
      const title = `${row} – ${column}: ${value === null ? words.missing : valueText}`;
      let fill = "#ffffff";
      let ink = MUTED_INK;
      let stroke = ` stroke="${GRID}" stroke-width="1"`;
      if (value !== null && value > 0) {
        fill = sequentialColour(0.15 + 0.85 * (value / max));
        ink = textColourOn(fill);
        stroke = "";
      } else if (value === null) {
        stroke = ` stroke="${GRID}" stroke-width="1" stroke-dasharray="3 2"`;
      }
      const inset = stroke ? 0.5 : 0;
      body.push(
        `<g><title>${escapeXml(title)}</title>` +
          `<rect x="${num(x + inset)}" y="${num(y + inset)}" width="${num(cellW - 2 * inset)}" height="${num(cellH - 2 * inset)}" fill="${fill}"${stroke}/>` +
          `<text x="${num(x + cellW / 2)}" y="${num(y + cellH / 2 + 4.7)}" font-size="${VALUE_FONT}" fill="${ink}" text-anchor="middle">${escapeXml(valueText)}</text></g>`,
      );
    });
    y += rowHeight;
  });

  return svgDocument({ width, height: y + PAD, title: text.title, desc: describe(text, locale, false), idPrefix: resolved.idPrefix, body });
}
