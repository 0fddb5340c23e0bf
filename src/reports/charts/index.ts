// Charts for reports: pure functions from data to an accessible SVG string, and SVG → PNG for documents.
export type { ChartOptions, ChartText, StatusSegment, StatusBar, HeatmapData, ChangeRow, BarDatum } from "./types.ts";
export { statusBarsSvg } from "./status-bars.ts";
export { heatmapSvg } from "./heatmap.ts";
export { statusChangeSvg } from "./status-change.ts";
export { barsSvg } from "./bars.ts";
export { svgToPng } from "./png.ts";
