// The outer SVG every chart shares: size, role="img", title and desc, a white sheet; and the calm "no data" chart.
import type { Locale } from "../../web/i18n/index.ts";
import { INK, MUTED_INK, PAPER } from "./colour.ts";
import { escapeXml, normaliseSpace, num, textWidth, truncateText, wrapText } from "./svg-text.ts";
import type { ChartOptions, ChartText } from "./types.ts";

export const FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";
export const DEFAULT_WIDTH = 720;
export const PAD = 12;

const WORDS: Record<Locale, { noData: string; missing: string }> = {
  sv: { noData: "Inga uppgifter att visa.", missing: "uppgift saknas" },
  en: { noData: "No data to show.", missing: "no value" },
};

export function chartWords(locale: Locale): { noData: string; missing: string } {
  return WORDS[locale];
}

export interface Resolved {
  locale: Locale;
  width: number;
  idPrefix: string | undefined;
}

export function resolveOptions(options: ChartOptions | undefined): Resolved {
  const locale: Locale = options?.locale === "en" ? "en" : "sv";
  const requested = options?.width;
  const width = typeof requested === "number" && Number.isFinite(requested) ? Math.round(Math.min(4000, Math.max(320, requested))) : DEFAULT_WIDTH;
  const cleaned = (options?.idPrefix ?? "").replace(/[^A-Za-z0-9_-]/g, "");
  const idPrefix = cleaned === "" ? undefined : /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
  return { locale, width, idPrefix };
}

/** The chart's text alternative: the caller's description, plus "no data" when there is nothing to draw. */
export function describe(text: ChartText, locale: Locale, empty: boolean): string {
  const description = normaliseSpace(text.description);
  if (!empty) return description;
  return description === "" ? chartWords(locale).noData : `${description} ${chartWords(locale).noData}`;
}

export function svgDocument(args: { width: number; height: number; title: string; desc: string; idPrefix: string | undefined; body: string[] }): string {
  const { width, idPrefix } = args;
  const height = Math.ceil(args.height);
  const title = escapeXml(normaliseSpace(args.title));
  const desc = escapeXml(args.desc);
  const naming = idPrefix
    ? `aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc"`
    : `aria-label="${title}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ${naming} font-family="${FONT_FAMILY}">`,
    idPrefix ? `<title id="${idPrefix}-title">${title}</title>` : `<title>${title}</title>`,
    idPrefix ? `<desc id="${idPrefix}-desc">${desc}</desc>` : `<desc>${desc}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${PAPER}"/>`,
    ...args.body,
    "</svg>",
  ].join("\n");
}

/** A quiet panel saying there is nothing to show, in place of an empty or all-zero chart. */
export function noDataChart(text: ChartText, resolved: Resolved): string {
  const { width, locale, idPrefix } = resolved;
  const height = 72;
  const message = truncateText(chartWords(locale).noData, width - 4 * PAD, 14);
  const x = width / 2;
  return svgDocument({
    width,
    height,
    title: text.title,
    desc: describe(text, locale, true),
    idPrefix,
    body: [
      `<rect x="${PAD}" y="${PAD}" width="${width - 2 * PAD}" height="${height - 2 * PAD}" rx="4" fill="#f5f5f5" stroke="#d9d9d9"/>`,
      `<text x="${num(x)}" y="${num(height / 2 + 5)}" font-size="14" fill="${MUTED_INK}" text-anchor="middle">${escapeXml(message.text)}</text>`,
    ],
  });
}

/** Lines of text, the first baseline at `y`; `<title>` with the full text when the lines were shortened. */
export function textLines(args: {
  lines: string[];
  x: number;
  y: number;
  fontSize: number;
  lineHeight: number;
  anchor?: "start" | "middle" | "end";
  fill: string;
  bold?: boolean;
  fullText?: string;
}): string {
  const anchor = args.anchor && args.anchor !== "start" ? ` text-anchor="${args.anchor}"` : "";
  const weight = args.bold ? ` font-weight="bold"` : "";
  const tooltip = args.fullText ? `<title>${escapeXml(normaliseSpace(args.fullText))}</title>` : "";
  const spans = args.lines
    .map((line, i) => `<tspan x="${num(args.x)}" y="${num(args.y + i * args.lineHeight)}">${escapeXml(line)}</tspan>`)
    .join("");
  return `<text font-size="${args.fontSize}" fill="${args.fill}"${anchor}${weight}>${tooltip}${spans}</text>`;
}

/** Width of the widest line. */
export function linesWidth(lines: string[], fontSize: number, bold = false): number {
  return lines.reduce((widest, line) => Math.max(widest, textWidth(line, fontSize, bold)), 0);
}

/** Room for the labels left of the bars: as wide as the widest label needs, at most about a third of the chart. */
export function labelColumnWidth(labels: string[], fontSize: number, chartWidth: number, cap = 280): number {
  const most = Math.min(cap, Math.max(110, chartWidth * 0.32));
  const natural = labels.reduce((widest, label) => Math.max(widest, textWidth(label, fontSize)), 0);
  return Math.ceil(Math.min(most, Math.max(40, natural)));
}

export const ROW_LABEL_FONT = 13;
const ROW_LABEL_LINE = 16;

/** A bar row's label at the chart's left edge, wrapped to at most three lines, centred on a row at least `contentHeight` tall. */
export function rowLabel(text: string, y: number, contentHeight: number, labelWidth: number): { svg: string; rowHeight: number } {
  const label = wrapText(text, labelWidth, ROW_LABEL_FONT, 3);
  const labelHeight = label.lines.length * ROW_LABEL_LINE;
  const rowHeight = Math.max(labelHeight, contentHeight);
  const svg = textLines({
    lines: label.lines,
    x: PAD,
    y: y + (rowHeight - labelHeight) / 2 + 12,
    fontSize: ROW_LABEL_FONT,
    lineHeight: ROW_LABEL_LINE,
    fill: INK,
    fullText: label.truncated ? text : undefined,
  });
  return { svg, rowHeight };
}
