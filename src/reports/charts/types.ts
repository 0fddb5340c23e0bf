// The shapes callers hand to the chart functions (re-exported from index.ts).
import type { Locale } from "../../web/i18n/index.ts";

export interface ChartText {
  title: string;
  /** One sentence per series/bar, for the text alternative. */
  description: string;
}

export interface ChartOptions {
  locale?: Locale;
  /** Width in pixels (default 720, at least 320); the height follows from the content. */
  width?: number;
  /**
   * Ids are written only when this is given (`<prefix>-title`, `<prefix>-desc`, referenced by aria-labelledby
   * and aria-describedby), so several charts on one page never repeat an id. Without it the `<title>` and
   * `<desc>` children name and describe the chart.
   */
  idPrefix?: string;
}

export interface StatusSegment { label: string; colour: string; value: number }
/** One bar per goal. */
export interface StatusBar { label: string; segments: StatusSegment[] }
/** Organisations (rows) × goals (columns); `values[row][column]`, a missing or non-numeric value is drawn as "–". */
export interface HeatmapData { rows: string[]; columns: string[]; values: number[][] }
/** A status's count in two rounds. */
export interface ChangeRow { label: string; colour: string; before: number; after: number }
export interface BarDatum { label: string; value: number }
