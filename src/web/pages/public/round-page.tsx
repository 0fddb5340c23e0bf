// Follow-up round page: which organisations have reported, counts per status, and the organisations' summaries.
import { HistoryLink } from "../../components/history-link.tsx";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { StatusBar } from "../../components/status-bar.tsx";
import { Paragraphs } from "../../components/text.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { formatDate } from "../../i18n/index.ts";
import type { PlanGraph, Round } from "../../../queries/plan-graph.ts";
import { reportsIn, statusCounts } from "../../../queries/plan-stats.ts";
import { links } from "./links.ts";
import { contentLang, dateRangeLabel, measureLabel } from "./labels.ts";
import { UnacceptedMark, UnpublishedNotice } from "./internal-marks.tsx";

/** States of an organisation report that count as reported: sent to the coordinator, whether accepted yet or not. */
const REPORTED = new Set(["submitted", "approved", "accepted"]);

export function RoundPage(props: { ctx: PageContext; graph: PlanGraph; round: Round }) {
  const { ctx, graph, round } = props;
  const { t } = ctx;
  const { plan, workspace } = graph;
  // The public read model holds accepted reports only; the internal one also those still on their way, which are
  // counted once sent and marked "not accepted yet" wherever they appear.
  const roundReports = graph.organisationReports.filter((r) => r.roundId === round.id);
  const reported = roundReports.filter((r) => REPORTED.has(r.state));
  const reportedIds = new Set(reported.map((r) => r.id));
  const reports = reportsIn(graph, round.id).filter((r) => reportedIds.has(r.organisationReportId));
  const counts = statusCounts(graph, reports, ctx.locale);
  const countsUnaccepted = reported.some((r) => r.state !== "accepted");
  const measures = measureLabel(ctx, graph, "other").toLowerCase();
  const inScope = graph.organisations.filter((o) =>
    graph.actionPlans.some((p) => p.organisationId === o.id) || graph.organisationReports.some((r) => r.roundId === round.id && r.organisationId === o.id),
  );
  const lang = contentLang(ctx, workspace);
  return (
    <Layout
      ctx={ctx}
      title={`${round.name} – ${plan.name}`}
      crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang }, { label: round.name, lang }]}
    >
      <UnpublishedNotice ctx={ctx} graph={graph} />
      <p class="eyebrow" lang={lang}>
        {plan.name}
      </p>
      <h1 lang={lang}>{round.name}</h1>
      <dl class="facts">
        <div>
          <dt>{t("round.period")}</dt>
          <dd>{dateRangeLabel(ctx, round.periodStart, round.periodEnd)}</dd>
        </div>
        <div>
          <dt>{t("round.deadline")}</dt>
          <dd>{formatDate(round.deadline, ctx.locale)}</dd>
        </div>
        <div>
          <dt>{t("round.state")}</dt>
          <dd>{round.state === "closed" ? t("plan.roundState.closed") : t("plan.roundState.open")}</dd>
        </div>
      </dl>

      <h2 id="status-counts">{t("round.statusCounts", { measures })}</h2>
      {countsUnaccepted && <p class="muted">{t("internal.unacceptedCounts")}</p>}
      <StatusBar ctx={ctx} id="round-status" subject={round.name} counts={counts} />
      <TableWrap labelledBy="status-counts">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("round.status")}</th>
              <th scope="col">{t("round.count")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2 id="round-organisations">{t("round.organisations")}</h2>
      <TableWrap labelledBy="round-organisations">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("round.organisation")}</th>
              <th scope="col">{t("round.reported")}</th>
            </tr>
          </thead>
          <tbody>
            {inScope.map((org) => {
              const done = reported.find((r) => r.organisationId === org.id);
              const count = reports.filter((r) => r.organisationId === org.id).length;
              return (
                <tr key={org.id}>
                  <th scope="row">
                    <a href={links.organisation(workspace.slug, org.slug)}>{org.name}</a>
                  </th>
                  <td>
                    {done ? t("round.reportedYes", { count, measures }) : t("round.reportedNo")}
                    {done && done.state !== "accepted" && (
                      <>
                        {" "}
                        <UnacceptedMark ctx={ctx} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>

      {reported.some((r) => r.summary) && <h2>{t("round.summary")}</h2>}
      {reported
        .filter((r) => r.summary)
        .map((r) => {
          const org = graph.organisations.find((o) => o.id === r.organisationId);
          return (
            <section key={r.id} aria-labelledby={`summary-${r.id}`}>
              <h3 id={`summary-${r.id}`}>
                {org?.name}
                {r.state !== "accepted" && (
                  <>
                    {" "}
                    <UnacceptedMark ctx={ctx} />
                  </>
                )}
              </h3>
              <Paragraphs text={r.summary} lang={lang} />
              {org && <HistoryLink ctx={ctx} workspaceId={graph.workspace.id} href={links.reportHistory(graph.workspace.slug, graph.plan.slug, round.slug, org.slug)} label={ctx.t("history.reportLink", { name: org.name })} />}
            </section>
          );
        })}
    </Layout>
  );
}
