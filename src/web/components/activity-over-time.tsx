// "Över tid" on the activity page: the status and every figure in each follow-up round. The table is the primary,
// accessible view (round, status, each figure with its baseline and target); beside it one small bar chart per figure,
// an SVG with role="img" whose title says in words what the bars show, values written above the bars, and the
// baseline and target as lines explained in a legend. Reports the coordinator has not accepted appear only for
// internal readers, marked, and drawn hollow in the chart.
import type { PageContext } from "../context.ts";
import { can } from "../../policies/can.ts";
import { activityOverTime, type OverTimeSeries } from "../../queries/activity-over-time.ts";
import type { ActivityView, Figure, PlanGraph } from "../../queries/plan-graph.ts";
import { statusName } from "../../queries/plan-stats.ts";
import { formatNumber, type MessageKey } from "../i18n/index.ts";
import { links } from "../pages/public/links.ts";
import { contentLang, figureValue, organisationName } from "../pages/public/labels.ts";
import { Swatch } from "./status-bar.tsx";
import { TableWrap } from "./table-wrap.tsx";

const HEADING_ID = "over-time";

export function ActivityOverTime(props: { ctx: PageContext; graph: PlanGraph; activity: ActivityView }) {
  const { ctx, graph, activity } = props;
  const { t } = ctx;
  // Reports not accepted yet are for people who read the workspace's follow-up, whatever read model was passed in.
  const internal = can(ctx.viewer, "read", { type: "followUp", workspaceId: graph.workspace.id });
  const data = activityOverTime(graph, activity.id, { includeUnaccepted: internal });
  if (data.rows.length === 0) return null;
  const lang = contentLang(ctx, graph.workspace);
  const charted = data.series.filter((s) => s.points.length > 0);
  return (
    <section class="over-time" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>{t("overTime.heading")}</h2>
      <p class="muted">{t("overTime.intro")}</p>
      <TableWrap labelledBy={`${HEADING_ID}-caption`}>
        <table class="over-time__table">
          <caption id={`${HEADING_ID}-caption`}>{t("overTime.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overTime.round")}</th>
              {data.severalOrganisations && <th scope="col">{t("overTime.organisation")}</th>}
              <th scope="col">{t("overTime.status")}</th>
              {data.figureNames.map((name) => (
                <th scope="col" key={name} lang={lang}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={`${row.round.id}:${row.organisationId}`}>
                <th scope="row">
                  <a href={links.round(graph.workspace.slug, graph.plan.slug, row.round.slug)} lang={lang}>
                    {row.round.name}
                  </a>
                  {!row.accepted && (
                    <>
                      {" "}
                      <span class="internal-mark">{t("overTime.notAccepted")}</span>
                    </>
                  )}
                </th>
                {data.severalOrganisations && <td>{organisationName(graph, row.organisationId)}</td>}
                <td>
                  {row.status ? (
                    <span class="status-line">
                      <Swatch colour={row.status.colour} /> {statusName(row.status, ctx.locale)}
                    </span>
                  ) : (
                    <span class="muted">{t("overTime.noStatus")}</span>
                  )}
                </td>
                {data.figureNames.map((name) => {
                  const figure = row.figures.get(name);
                  return <td key={name}>{figure ? <FigureCell ctx={ctx} figure={figure} /> : "–"}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {charted.length > 0 && (
        <>
          <h3>{t("overTime.chartsHeading")}</h3>
          <div class="over-time__charts">
            {charted.map((series, i) => (
              <FigureChart key={series.key} ctx={ctx} series={series} id={`${HEADING_ID}-chart-${i}`} lang={lang} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function FigureCell(props: { ctx: PageContext; figure: Figure }) {
  const { ctx, figure } = props;
  const extra = [
    figure.baseline !== null ? ctx.t("overTime.baseline", { value: formatNumber(figure.baseline, ctx.locale) }) : "",
    figure.target !== null ? ctx.t("overTime.target", { value: formatNumber(figure.target, ctx.locale) }) : "",
  ].filter(Boolean);
  return (
    <>
      {figure.value === null ? <span class="muted">{ctx.t("overTime.noValue")}</span> : figureValue(ctx, figure)}
      {extra.length > 0 && <span class="over-time__extra">{extra.join(", ")}</span>}
    </>
  );
}

/**
 * "ca 20", "85": the number as the bar's label, with its qualifier but without the unit (the caption has it). Words
 * that already hold the number ("ett 20-tal") are shown as written.
 */
function shortValue(ctx: PageContext, figure: Figure, value: number) {
  if (figure.qualifierText && /\d/.test(figure.qualifierText)) return figure.qualifierText;
  const qualifier = figure.qualifierText ?? (figure.qualifier !== "exact" ? ctx.t(`figure.qualifier.${figure.qualifier}` as MessageKey) : "");
  return `${qualifier ? `${qualifier} ` : ""}${formatNumber(value, ctx.locale)}`;
}

const W = 320;
const H = 172;
const M = { top: 22, right: 10, bottom: 30, left: 10 };

function FigureChart(props: { ctx: PageContext; series: OverTimeSeries; id: string; lang: string | undefined }) {
  const { ctx, series, id } = props;
  const unit = series.unit ? ` ${series.unit}` : "";
  const withUnit = (v: number) => `${formatNumber(v, ctx.locale)}${unit}`;
  const summary = [
    ctx.t("overTime.chartSummary", {
      name: series.key,
      points: series.points
        .map((p) => `${ctx.t("overTime.chartPoint", { label: p.label, value: figureValue(ctx, p.figure) })}${p.accepted ? "" : ` ${ctx.t("overTime.chartNotAccepted")}`}`)
        .join(", "),
    }),
    series.baseline !== null ? ctx.t("overTime.chartBaseline", { value: withUnit(series.baseline) }) : "",
    series.target !== null ? ctx.t("overTime.chartTarget", { value: withUnit(series.target) }) : "",
  ].filter(Boolean).join(" ");

  const values = [...series.points.map((p) => p.value), series.baseline ?? 0, series.target ?? 0, 0];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const top = high + (high - low || 1) * 0.12;
  const plotH = H - M.top - M.bottom;
  const y = (v: number) => M.top + (plotH * (top - v)) / (top - low || 1);
  const slot = (W - M.left - M.right) / series.points.length;
  const barW = Math.min(56, slot * 0.6);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const hasUnaccepted = series.points.some((p) => !p.accepted);

  return (
    <figure class="over-time-chart">
      <figcaption class="over-time-chart__caption" lang={props.lang}>
        {series.key}
        {series.unit && <span class="muted"> ({series.unit})</span>}
      </figcaption>
      <svg class="over-time-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
        <title id={`${id}-title`}>{summary}</title>
        <line class="over-time-chart__axis" x1={M.left} x2={W - M.right} y1={round1(y(0))} y2={round1(y(0))} />
        {series.points.map((p, i) => {
          const cx = M.left + slot * i + slot / 2;
          const y1 = y(Math.max(p.value, 0));
          const y2 = y(Math.min(p.value, 0));
          return (
            <g key={p.row}>
              <rect
                class={p.accepted ? "over-time-chart__bar" : "over-time-chart__bar over-time-chart__bar--unaccepted"}
                x={round1(cx - barW / 2)} y={round1(y1)} width={round1(barW)} height={round1(Math.max(y2 - y1, 1))}
              />
              <text class="over-time-chart__value" x={round1(cx)} y={round1(y1 - 6)} text-anchor="middle">
                {shortValue(ctx, p.figure, p.value)}
              </text>
              <text class="over-time-chart__label" x={round1(cx)} y={H - 10} text-anchor="middle">
                {p.label}
              </text>
            </g>
          );
        })}
        {series.baseline !== null && (
          <line class="over-time-chart__baseline" x1={M.left} x2={W - M.right} y1={round1(y(series.baseline))} y2={round1(y(series.baseline))} />
        )}
        {series.target !== null && (
          <line class="over-time-chart__target" x1={M.left} x2={W - M.right} y1={round1(y(series.target))} y2={round1(y(series.target))} />
        )}
      </svg>
      {(series.baseline !== null || series.target !== null || hasUnaccepted) && (
        <ul class="over-time-chart__legend">
          {series.baseline !== null && (
            <li>
              <LegendLine kind="baseline" /> {ctx.t("overTime.chartBaseline", { value: withUnit(series.baseline) })}
            </li>
          )}
          {series.target !== null && (
            <li>
              <LegendLine kind="target" /> {ctx.t("overTime.chartTarget", { value: withUnit(series.target) })}
            </li>
          )}
          {hasUnaccepted && (
            <li>
              <svg class="over-time-chart__key" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
                <rect class="over-time-chart__bar over-time-chart__bar--unaccepted" x="6" y="1" width="12" height="10" />
              </svg>{" "}
              {ctx.t("overTime.notAccepted")}
            </li>
          )}
        </ul>
      )}
    </figure>
  );
}

function LegendLine(props: { kind: "baseline" | "target" }) {
  return (
    <svg class="over-time-chart__key" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      <line class={`over-time-chart__${props.kind}`} x1="0" x2="24" y1="6" y2="6" />
    </svg>
  );
}
