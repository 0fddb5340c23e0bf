// The value axis of the bar charts: a rounded maximum with even steps, light grid lines and tick labels.
import type { Locale } from "../../web/i18n/index.ts";
import { AXIS, GRID, MUTED_INK } from "./colour.ts";
import { escapeXml, formatValue, num } from "./svg-text.ts";

export interface Scale {
  max: number;
  ticks: number[];
}

/**
 * Even steps of 1, 2 or 5 × 10ⁿ (whole steps when the data are whole) from 0 to just at or above `max`: of the
 * step sizes giving 2–8 steps, the one that wastes least room past `max`.
 */
export function niceScale(max: number, wholeNumbers = true): Scale {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const exponent = Math.floor(Math.log10(top));
  let best: { step: number; steps: number } | undefined;
  for (let e = exponent - 2; e <= exponent + 1; e += 1) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** e;
      if (wholeNumbers && step < 1) continue;
      const steps = Math.max(1, Math.ceil(top / step - 1e-9));
      if (steps < 2 || steps > 8) continue;
      if (!best || steps * step < best.steps * best.step) best = { step, steps };
    }
  }
  const { step, steps } = best ?? { step: wholeNumbers ? Math.max(1, Math.ceil(top)) : top, steps: 1 };
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
  return { max: Math.round(steps * step * 1e6) / 1e6, ticks };
}

/** Vertical grid lines from `top` to `bottom` and tick labels under them. */
export function axisSvg(args: { x0: number; length: number; scale: Scale; top: number; bottom: number; locale: Locale }): string[] {
  const { x0, length, scale, top, bottom, locale } = args;
  const parts: string[] = [];
  for (const tick of scale.ticks) {
    const x = x0 + (tick / scale.max) * length;
    const colour = tick === 0 ? AXIS : GRID;
    parts.push(`<line x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(bottom)}" stroke="${colour}" stroke-width="1"/>`);
    parts.push(`<text x="${num(x)}" y="${num(bottom + 15)}" font-size="11" fill="${MUTED_INK}" text-anchor="middle">${escapeXml(formatValue(tick, locale))}</text>`);
  }
  return parts;
}

/** A value that can be drawn: finite and not negative; anything else is `null` (missing). */
export function drawable(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
