// The documents a render worker can make: a kind and the function that renders its collected data. Adding a document
// is one line here. The data crosses threads by structured clone, so it carries no functions: the catalog's `t` is
// made again from the data's locale on the worker's side.
import { renderCompiledDocx } from "../compiled/render-docx.ts";
import { renderCompiledPdf } from "../compiled/render-pdf.ts";
import type { CompiledReport } from "../compiled/collect.ts";
import { renderOutlineDocx } from "../organisation/render-docx.ts";
import { renderOutlinePdf } from "../organisation/render-pdf.ts";
import type { OutlineDocument } from "../organisation/outline.ts";
import { wheelPdf, type WheelPdfInput } from "../wheel/wheel-pdf.ts";
import { minutesDocx, type MinutesInput } from "../minutes/minutes-docx.ts";
import { svgToPng } from "../charts/png.ts";
import { translator, type Locale } from "../../web/i18n/index.ts";

/** Collected data as it crosses to the worker: without its translate function. */
export type Portable<T> = Omit<T, "t">;

const withT = <T extends { locale: Locale }>(data: T) => ({ ...data, t: translator(data.locale) });

export const RENDER_JOBS = {
  "compiled-docx": (data: Portable<CompiledReport>) => renderCompiledDocx(withT(data)),
  "compiled-pdf": (data: Portable<CompiledReport>) => renderCompiledPdf(withT(data)),
  "organisation-docx": (data: OutlineDocument) => renderOutlineDocx(data),
  "organisation-pdf": (data: OutlineDocument) => renderOutlinePdf(data),
  "wheel-pdf": async (data: WheelPdfInput) => Buffer.from(await wheelPdf(data)),
  "wheel-png": async (data: { svg: string; width: number }) => Buffer.from(svgToPng(data.svg, { width: data.width })),
  "minutes-docx": async (data: MinutesInput) => Buffer.from(await minutesDocx(data)),
} satisfies Record<string, (data: never) => Promise<Buffer>>;

export type RenderKind = keyof typeof RENDER_JOBS;
export type RenderData<K extends RenderKind> = Parameters<(typeof RENDER_JOBS)[K]>[0];

/** The data without its functions, ready to post to a worker. */
export function portable<T extends { t?: unknown }>(data: T): Portable<T> {
  const { t: _t, ...rest } = data;
  return rest;
}
