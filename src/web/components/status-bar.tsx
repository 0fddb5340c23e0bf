// A small accessible stacked bar of a status distribution: SVG for the eye, a list with counts for everyone.
import type { PageContext } from "../context.ts";

export interface StatusCount {
  key: string;
  name: string;
  colour: string;
  count: number;
}

/** `outOf`: how many could have been reported (the goal's activities), so "4 of 7 reported" shows what is missing. */
export function StatusBar(props: { ctx: PageContext; subject: string; counts: StatusCount[]; id: string; outOf?: number }) {
  const { ctx, subject, counts, id, outOf } = props;
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const label = ctx.t("chart.statusDistribution", { subject });
  if (total === 0) return <p class="status-bar__empty">{ctx.t("chart.noData")}</p>;
  let x = 0;
  const width = 300;
  return (
    <figure class="status-bar" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="visually-hidden">
        {label}
      </figcaption>
      <svg class="status-bar__svg" viewBox={`0 0 ${width} 16`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {counts
          .filter((c) => c.count > 0)
          .map((c) => {
            const w = (c.count / total) * width;
            const rect = <rect key={c.key} x={x} y={0} width={w} height={16} fill={c.colour} />;
            x += w;
            return rect;
          })}
      </svg>
      <ul class="status-bar__legend">
        {counts
          .filter((c) => c.count > 0)
          .map((c) => (
            <li key={c.key}>
              <Swatch colour={c.colour} />
              {c.name}: <strong>{c.count}</strong>
            </li>
          ))}
        <li class="status-bar__total">
          {outOf === undefined ? ctx.t("chart.total", { count: total }) : ctx.t("chart.reportedOf", { count: total, outOf })}
        </li>
      </ul>
    </figure>
  );
}

/** A colour sample drawn in SVG (no inline style, so the CSP can forbid inline styles). */
export function Swatch(props: { colour: string }) {
  return (
    <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <rect width="10" height="10" fill={props.colour} />
    </svg>
  );
}
