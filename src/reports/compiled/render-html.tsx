// The compiled report as HTML: the report itself (cover, contents, introduction, overview charts, per goal its key
// numbers, chart with its data table and each organisation's activities, the summaries, the appendix), used inside the
// app's page and as a standalone document (CLI `--format html`). Print CSS lives in app.css ("Compiled report").
import { readFileSync } from "node:fs";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { Paragraphs } from "../../web/components/text.tsx";
import { formatNumber } from "../../web/i18n/index.ts";
import type { CompiledReport } from "./collect.ts";
import { overviewChart } from "./charts.ts";

import { Chart, goalId, KeyNumbers, Organisation, orgId } from "./render-html-parts.tsx";

export function CompiledReportContent(props: { report: CompiledReport; standalone: boolean }) {
  const { report, standalone } = props;
  const { t, cover, words } = report;
  const lang = report.authoredLang;
  const n = (v: number) => formatNumber(v, report.locale);
  return (
    <div class="compiled-report">
      <section class="cr-cover" aria-label={cover.title}>
        <p class="cr-cover__kind">{cover.title}</p>
        {standalone ? (
          <h1 lang={lang}>{cover.planName}</h1>
        ) : (
          <p class="cr-cover__plan" lang={lang}>
            {cover.planName}
          </p>
        )}
        <dl class="cr-cover__facts">
          <div>
            <dt>{t("compiled.cover.round")}</dt>
            <dd lang={lang}>{cover.roundName}</dd>
          </div>
          <div>
            <dt>{t("compiled.cover.period")}</dt>
            <dd>{cover.period}</dd>
          </div>
          <div>
            <dt>{t("compiled.cover.municipality")}</dt>
            <dd lang={lang}>{cover.municipality}</dd>
          </div>
          <div>
            <dt>{t("compiled.cover.date")}</dt>
            <dd>{cover.date}</dd>
          </div>
        </dl>
        {report.includeDrafts && <p class="cr-mark">{t("compiled.cover.draftsIncluded")}</p>}
      </section>

      <nav class="cr-toc" aria-labelledby="cr-toc">
        <h2 id="cr-toc">{t("compiled.toc")}</h2>
        <ol>
          <li>
            <a href="#cr-intro">{t("compiled.introduction")}</a>
          </li>
          <li>
            <a href="#cr-overview">{t("compiled.overview")}</a>
          </li>
          {report.goals.map((goal, i) => (
            <li>
              <a href={`#${goalId(i)}`} lang={lang}>
                {goal.heading}
              </a>
              {goal.organisations.length > 0 && (
                <ol>
                  {goal.organisations.map((org, j) => (
                    <li>
                      <a href={`#${orgId(i, j)}`} lang={lang}>
                        {org.name}
                      </a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
          <li>
            <a href="#cr-summaries">{t("compiled.summaries")}</a>
          </li>
          <li>
            <a href="#cr-gaps">{t("compiled.gaps")}</a>
          </li>
          <li>
            <a href="#cr-appendix">{t("compiled.appendix", { measures: words.measureOther.toLocaleLowerCase() })}</a>
          </li>
        </ol>
      </nav>

      <section class="cr-section" aria-labelledby="cr-intro">
        <h2 id="cr-intro">{t("compiled.introduction")}</h2>
        {report.introduction.trim() ? <Paragraphs text={report.introduction} lang={lang} /> : <p class="cr-note">{t("compiled.noIntroduction")}</p>}
        {report.empty && <p class="cr-empty">{t(report.includeDrafts ? "compiled.noReportsAtAll" : "compiled.noReports")}</p>}
      </section>

      <section class="cr-section" aria-labelledby="cr-overview">
        <h2 id="cr-overview">{t("compiled.overview")}</h2>
        {report.overview.charts.map((chart) => (
          <Chart id={`cr-chart-${chart.key}`} chart={overviewChart(report, chart)} wide>
            <table class="cr-table">
              <caption>{t("compiled.chart.dataTable")}</caption>
              <thead>
                <tr>
                  <th scope="col" lang={chart.table.authoredRows ? lang : undefined}>
                    {chart.table.corner}
                  </th>
                  {chart.table.columns.map((c) => (
                    <th scope="col">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.table.rows.map((row) => (
                  <tr>
                    <th scope="row" lang={chart.table.authoredRows ? lang : undefined}>
                      {row.label}
                    </th>
                    {row.values.map((v) => (
                      <td class="num">{n(v)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Chart>
        ))}
      </section>

      {report.goals.map((goal, i) => (
        <section class="cr-goal" aria-labelledby={goalId(i)}>
          <h2 id={goalId(i)} lang={lang}>
            {goal.heading}
          </h2>
          <Paragraphs text={goal.description} lang={lang} />
          <h3 class="cr-subheading">{t("compiled.keyNumbers")}</h3>
          <KeyNumbers report={report} goal={goal} index={i} />
          {goal.organisations.length === 0 ? (
            <p class="cr-note">{t("compiled.noReportsUnderGoal")}</p>
          ) : (
            goal.organisations.map((org, j) => <Organisation report={report} org={org} id={orgId(i, j)} />)
          )}
        </section>
      ))}

      <section class="cr-section cr-break" aria-labelledby="cr-summaries">
        <h2 id="cr-summaries">{t("compiled.summaries")}</h2>
        {report.summaries.length === 0 && <p class="cr-note">{t("compiled.noSummaries")}</p>}
        {report.summaries.map((s, i) => (
          <section class={s.accepted ? "cr-org" : "cr-org cr-org--draft"} aria-labelledby={`cr-summary-${i + 1}`}>
            <h3 id={`cr-summary-${i + 1}`} lang={lang}>
              {s.name}
            </h3>
            {s.mark && <p class="cr-mark">{s.mark}</p>}
            {s.summary.trim() ? <Paragraphs text={s.summary} lang={lang} /> : <p class="cr-note">{t("compiled.noSummary")}</p>}
          </section>
        ))}
      </section>

      <section class="cr-section cr-break" aria-labelledby="cr-gaps">
        <h2 id="cr-gaps">{t("compiled.gaps")}</h2>
        <p>{t("compiled.gaps.intro", { count: report.gaps.total })}</p>
        {report.gaps.sections.map((section, i) => (
          <section aria-labelledby={`cr-gap-${i + 1}`}>
            <h3 id={`cr-gap-${i + 1}`}>{section.heading}</h3>
            {section.rule && <p class="cr-note">{section.rule}</p>}
            {section.unavailable ? (
              <p class="cr-note">{section.unavailable}</p>
            ) : section.lines.length === 0 ? (
              <p class="cr-note">{t("compiled.gaps.nothing")}</p>
            ) : (
              <ul class="cr-gaps">
                {section.lines.map((line) => (
                  <li>
                    <a href={line.href} lang={lang}>
                      {[line.kind, line.number, line.name].filter(Boolean).join(" ")}
                    </a>
                    {line.detail && <span class="cr-gaps__detail"> – {line.detail}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        <p class="cr-note">{report.gaps.activityRule}</p>
      </section>

      <section class="cr-section cr-break" aria-labelledby="cr-appendix">
        <h2 id="cr-appendix">{t("compiled.appendix", { measures: words.measureOther.toLocaleLowerCase() })}</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-labelledby="cr-appendix">
          <table class="cr-table cr-appendix">
            <thead>
              <tr>
                <th scope="col">{t("compiled.appendix.number")}</th>
                <th scope="col">{t("compiled.appendix.title")}</th>
                <th scope="col">{t("compiled.appendix.goal", { goal: words.goalOne })}</th>
                <th scope="col">{t("compiled.appendix.responsible")}</th>
                <th scope="col">{t("compiled.appendix.status")}</th>
              </tr>
            </thead>
            <tbody>
              {report.appendix.map((row) => (
                <tr>
                  <td>{row.number ?? "–"}</td>
                  <td lang={lang}>{row.title}</td>
                  <td>{row.goal}</td>
                  <td lang={lang}>{row.responsible || "–"}</td>
                  <td>{row.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

let appCss: string | null = null;
function stylesheet(): string {
  appCss ??= readFileSync(new URL("../../web/static/app.css", import.meta.url), "utf8");
  return appCss;
}

/** A standalone HTML document of the report (the app's stylesheet inlined), for the command line. */
export function renderCompiledHtml(report: CompiledReport): string {
  const page = h(
    "html",
    { lang: report.locale },
    h("head", null, h("meta", { charSet: "utf-8" }), h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("title", null, report.t("compiled.documentTitle", { plan: report.cover.planName, round: report.cover.roundName })),
      h("style", { dangerouslySetInnerHTML: { __html: stylesheet() } })),
    h("body", null, h("main", { id: "main", class: "container compiled-standalone" }, h(CompiledReportContent, { report, standalone: true }))),
  );
  return `<!doctype html>${renderToString(page)}`;
}
