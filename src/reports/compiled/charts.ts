// The compiled report's charts as SVG (web page) and PNG (Word, PDF), from the collected data through the chart module.
import { barsSvg, heatmapSvg, statusBarsSvg, statusChangeSvg, svgToPng } from "../charts/index.ts";
import type { CompiledReport, GoalChart, OverviewChart } from "./collect.ts";

export interface RenderedChart {
  svg: string;
  title: string;
  description: string;
}

/** Ids inside an SVG (for its title and desc) made unique per chart, so several charts can stand in one page. */
function uniqueIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
  let out = svg;
  for (const id of new Set(ids)) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(new RegExp(`\\bid="${escaped}"`, "g"), `id="${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, "g"), `url(#${prefix}-${id})`)
      .replace(new RegExp(`href="#${escaped}"`, "g"), `href="#${prefix}-${id}"`)
      .replace(new RegExp(`(aria-labelledby|aria-describedby)="([^"]*)"`, "g"), (whole, attr: string, list: string) =>
        `${attr}="${list.split(/\s+/).map((x) => (x === id ? `${prefix}-${id}` : x)).join(" ")}"`);
  }
  return out;
}

export function goalChart(report: CompiledReport, chart: GoalChart, key: string, width?: number): RenderedChart {
  const options = { locale: report.locale, ...(width ? { width } : {}) };
  const svg = chart.kind === "change" ? statusChangeSvg(chart.rows, chart.text, options) : statusBarsSvg(chart.bars, chart.text, options);
  return { svg: uniqueIds(svg, key), title: chart.text.title, description: chart.text.description };
}

export function overviewChart(report: CompiledReport, chart: OverviewChart, width?: number): RenderedChart {
  const options = { locale: report.locale, ...(width ? { width } : {}) };
  const svg =
    chart.kind === "statusBars" ? statusBarsSvg(chart.bars, chart.text, options)
    : chart.kind === "heatmap" ? heatmapSvg({ rows: chart.rows, columns: chart.columns, values: chart.values }, chart.text, options)
    : barsSvg(chart.bars, chart.text, options);
  return { svg: uniqueIds(svg, `chart-${chart.key}`), title: chart.text.title, description: chart.text.description };
}

/** PNG bytes and the pixel size of a chart, for Word and PDF. */
export function chartPng(chart: RenderedChart, width = 1200): { png: Uint8Array; width: number; height: number } {
  const png = svgToPng(chart.svg, { width });
  // The PNG's IHDR holds its size (bytes 16–23, big-endian).
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { png, width: view.getUint32(16), height: view.getUint32(20) };
}
