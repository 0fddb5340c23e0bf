// The pieces of the compiled report's HTML a goal section is made of: anchors, a status with its colour, a chart
// beside its data table, the key numbers, and one organisation's activities.
import type { ComponentChildren } from "preact";
import { Paragraphs } from "../../web/components/text.tsx";
import { Swatch } from "../../web/components/status-bar.tsx";
import { formatNumber } from "../../web/i18n/index.ts";
import type { CompiledReport, GoalSection, OrganisationSection, StatusRef } from "./collect.ts";
import { signedNumber } from "./format.ts";
import { goalChart, type RenderedChart } from "./charts.ts";

export const goalId = (i: number) => `cr-goal-${i + 1}`;
export const orgId = (i: number, j: number) => `cr-goal-${i + 1}-org-${j + 1}`;

export function StatusLabel(props: { status: StatusRef | null; report: CompiledReport }) {
  if (!props.status) return <span class="cr-status">{props.report.t("compiled.noStatus")}</span>;
  return (
    <span class="cr-status">
      <Swatch colour={props.status.colour} />
      {props.status.name}
    </span>
  );
}

/** A chart as inline SVG with its data as a table beside it. */
export function Chart(props: { id: string; chart: RenderedChart; children: ComponentChildren; wide?: boolean }) {
  const caption = `${props.id}-caption`;
  return (
    <figure class={props.wide ? "cr-chart cr-chart--wide" : "cr-chart"} aria-labelledby={caption}>
      <figcaption id={caption}>{props.chart.title}</figcaption>
      <div class="cr-chart__body">
        <div class="cr-chart__svg" dangerouslySetInnerHTML={{ __html: props.chart.svg }} />
        {props.wide ? (
          // A wide table scrolls sideways in a region that takes keyboard focus.
          <div class="cr-chart__data table-wrap" role="region" tabIndex={0} aria-labelledby={caption}>
            {props.children}
          </div>
        ) : (
          <div class="cr-chart__data">{props.children}</div>
        )}
      </div>
    </figure>
  );
}

export function KeyNumbers(props: { report: CompiledReport; goal: GoalSection; index: number }) {
  const { report, goal, index } = props;
  const { t } = report;
  const n = (v: number) => formatNumber(v, report.locale);
  const previous = report.previousRoundName;
  const chart = goalChart(report, goal.chart, `${goalId(index)}-chart`);
  return (
    <>
      <dl class="facts">
        <div>
          <dt>{t("compiled.activitiesInGoal", { measures: report.words.measureOther })}</dt>
          <dd>{n(goal.activityCount)}</dd>
        </div>
        <div>
          <dt>{t("compiled.reportsInRound", { measures: report.words.measureOther.toLocaleLowerCase() })}</dt>
          <dd>{n(goal.reportCount)}</dd>
        </div>
        <div>
          <dt>{t("compiled.organisationsInvolved")}</dt>
          <dd lang={report.authoredLang}>{goal.organisationsInvolved.length ? goal.organisationsInvolved.join(", ") : "–"}</dd>
        </div>
      </dl>
      <Chart id={`${goalId(index)}-chart`} chart={chart}>
        <table class="cr-table">
          <caption>{t("compiled.chart.dataTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compiled.status")}</th>
              {previous !== null && <th scope="col">{previous}</th>}
              <th scope="col">{report.cover.roundName}</th>
              {previous !== null && <th scope="col">{t("compiled.change")}</th>}
            </tr>
          </thead>
          <tbody>
            {goal.statusRows.map((row) => (
              <tr>
                <th scope="row">
                  <Swatch colour={row.colour} />
                  {row.name}
                </th>
                {row.before !== null && <td class="num">{n(row.before)}</td>}
                <td class="num">{n(row.count)}</td>
                {row.before !== null && <td class="num">{signedNumber(row.count - row.before, report.locale)}</td>}
              </tr>
            ))}
            {goal.withoutStatus > 0 && (
              <tr>
                <th scope="row">{t("compiled.withoutStatus")}</th>
                {previous !== null && <td />}
                <td class="num">{n(goal.withoutStatus)}</td>
                {previous !== null && <td />}
              </tr>
            )}
          </tbody>
        </table>
        {previous === null && <p class="cr-note">{t("compiled.noPrevious")}</p>}
      </Chart>
    </>
  );
}

export function Organisation(props: { report: CompiledReport; org: OrganisationSection; id: string }) {
  const { report, org, id } = props;
  const { t } = report;
  const lang = report.authoredLang;
  return (
    <section class={org.accepted ? "cr-org" : "cr-org cr-org--draft"} aria-labelledby={id}>
      <h3 id={id} lang={lang}>
        {org.name}
      </h3>
      {org.mark && <p class="cr-mark">{org.mark}</p>}
      {org.activities.map((activity) => (
        <article class="cr-activity">
          <h4 lang={lang}>{activity.heading}</h4>
          <p class="cr-activity__status">
            <span class="cr-label">{t("compiled.status")}: </span>
            <StatusLabel status={activity.status} report={report} />
          </p>
          {activity.narrative.trim() ? <Paragraphs text={activity.narrative} lang={lang} /> : <p class="cr-note">{t("compiled.nothingWritten")}</p>}
          {activity.figures.length > 0 && (
            <table class="cr-table cr-figures">
              <caption>{t("compiled.figures")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compiled.figure.name")}</th>
                  <th scope="col">{t("compiled.figure.value")}</th>
                  <th scope="col">{t("compiled.figure.baseline")}</th>
                  <th scope="col">{t("compiled.figure.target")}</th>
                  <th scope="col">{t("compiled.figure.year")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.figures.map((f) => (
                  <tr>
                    <th scope="row" lang={lang}>
                      {f.name}
                    </th>
                    <td class="num" lang={lang}>{f.value}</td>
                    <td class="num" lang={lang}>{f.baseline ?? "–"}</td>
                    <td class="num" lang={lang}>{f.target ?? "–"}</td>
                    <td class="num">{f.year ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {activity.nextSteps.trim() && (
            <>
              <p class="cr-label">{t("compiled.nextSteps")}</p>
              <Paragraphs text={activity.nextSteps} lang={lang} />
            </>
          )}
        </article>
      ))}
    </section>
  );
}

/** The report's content. `standalone`: the cover carries the document's h1 (otherwise the page around it has one). */
