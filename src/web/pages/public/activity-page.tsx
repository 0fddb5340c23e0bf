// Activity page: every field, financing, and the reports of each round with status, narrative and figures.
import type { ComponentChildren } from "preact";
import { can } from "../../../policies/can.ts";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { DraftMark, UnpublishedNotice } from "./internal-marks.tsx";
import { isDraftActivity } from "../../../queries/plan-stats.ts";
import { Swatch } from "../../components/status-bar.tsx";
import { Paragraphs } from "../../components/text.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { formatDate, formatNumber, type MessageKey } from "../../i18n/index.ts";
import { formLinks } from "../internal/activity-form-parts.tsx";
import type { ActivityView, PlanGraph } from "../../../queries/plan-graph.ts";
import { statusName } from "../../../queries/plan-stats.ts";
import { links } from "./links.ts";
import { activityHeading, contentLang, dateRangeLabel, figureValue, goalLabel, measureLabel, organisationName, phaseLabel, termsOf } from "./labels.ts";
import { GoalName } from "./names.tsx";
import { ActivityOverTime } from "../../components/activity-over-time.tsx";

function Field(props: { label: string; value: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** "250 000 kr" */
function kronor(ctx: PageContext, amount: number) {
  return ctx.t("financing.amount", { amount: formatNumber(amount, ctx.locale) });
}

function orgLinks(graph: PlanGraph, ids: string[]) {
  return ids.map((id, i) => {
    const org = graph.organisations.find((o) => o.id === id);
    if (!org) return null;
    return (
      <span key={id}>
        {i > 0 && ", "}
        <a href={links.organisation(graph.workspace.slug, org.slug)}>{org.name}</a>
      </span>
    );
  });
}

export function ActivityPage(props: { ctx: PageContext; graph: PlanGraph; activity: ActivityView }) {
  const { ctx, graph, activity } = props;
  const { t } = ctx;
  const { plan, workspace } = graph;
  const goal = graph.goals.find((g) => g.id === activity.goalId)!;
  const strategies = graph.strategies.filter((s) => activity.strategyIds.includes(s.id));
  const actionPlan = graph.actionPlans.find((p) => p.id === activity.actionPlanId);
  const need = activity.fromNeedId ? graph.needs.find((n) => n.id === activity.fromNeedId) : undefined;
  const reports = graph.rounds.flatMap((round) => graph.reports.filter((r) => r.roundId === round.id && r.activityId === activity.id).map((report) => ({ round, report })));
  const taxonomyRows = graph.taxonomies
    .filter((tx) => tx.key !== "activity_kind")
    .map((tx) => ({ name: ctx.locale === "en" ? tx.nameEn ?? tx.name : tx.name, values: termsOf(ctx, graph, activity.termIds, tx.key) }))
    .filter((row) => row.values.length > 0);
  const kind = termsOf(ctx, graph, activity.termIds, "activity_kind");
  const title = activityHeading(ctx, graph, activity);
  const lang = contentLang(ctx, workspace);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: `${goalLabel(ctx, graph)} ${goal.number}`, href: links.goal(workspace.slug, plan.slug, goal.number) },
        { label: activity.number ? `${measureLabel(ctx, graph)} ${activity.number}` : measureLabel(ctx, graph) },
      ]}
    >
      <p class="eyebrow">{activity.number ? `${measureLabel(ctx, graph)} ${activity.number}` : `${measureLabel(ctx, graph)} – ${t("activity.unnumbered").toLowerCase()}`}</p>
      <h1 lang={lang}>{activity.title}</h1>
      <UnpublishedNotice ctx={ctx} graph={graph} />
      {isDraftActivity(graph, activity) && (
        <p class="notice notice--internal">
          <DraftMark ctx={ctx} /> {t("activity.draftExplain")}
        </p>
      )}
      <ActivityTools ctx={ctx} graph={graph} activity={activity} />
      <dl class="facts facts--wide">
        <Field label={t("activity.goal")} value={
            <a href={links.goal(workspace.slug, plan.slug, goal.number)}>
              <GoalName ctx={ctx} graph={graph} goal={goal} />
            </a>
          }
        />
        {strategies.length > 0 && <Field label={t("activity.strategies")} value={<span lang={lang}>{strategies.map((s) => s.title).join(", ")}</span>} />}
        {kind.length > 0 && <Field label={t("activity.kind")} value={kind.join(", ")} />}
        <Field label={t("activity.phase")} value={<span class={`phase phase--${activity.phase}`}>{phaseLabel(ctx, activity.phase)}</span>} />
        {activity.responsibleIds.length > 0 && <Field label={t("activity.responsible")} value={orgLinks(graph, activity.responsibleIds)} />}
        {activity.coResponsibleIds.length > 0 && <Field label={t("activity.coResponsible")} value={orgLinks(graph, activity.coResponsibleIds)} />}
        {activity.partnerIds.length > 0 && <Field label={t("activity.partners")} value={orgLinks(graph, activity.partnerIds)} />}
        {taxonomyRows.map((row) => (
          <Field key={row.name} label={row.name} value={row.values.join(", ")} />
        ))}
        {activity.plannedStart && activity.plannedEnd && <Field label={t("activity.period")} value={dateRangeLabel(ctx, activity.plannedStart, activity.plannedEnd)} />}
        {actionPlan && (
          <Field
            label={t("activity.actionPlan")}
            value={
              <a href={links.organisation(workspace.slug, graph.organisations.find((o) => o.id === actionPlan.organisationId)?.slug ?? "")} lang={lang}>
                {actionPlan.title}
              </a>
            }
          />
        )}
        {need && <Field label={t("activity.fromNeed")} value={<span lang={lang}>{need.title}</span>} />}
      </dl>

      {activity.description && (
        <>
          <h2>{t("activity.description")}</h2>
          <Paragraphs text={activity.description} lang={lang} />
        </>
      )}
      <h2>{t("activity.childRights")}</h2>
      {activity.childRights ? <Paragraphs text={activity.childRights} lang={lang} /> : <p class="muted">{t("activity.childRightsBlank")}</p>}

      {activity.financing.length > 0 && (
        <>
          <h2 id="financing">{t("activity.financing")}</h2>
          <TableWrap labelledBy="financing">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("activity.financingSource")}</th>
                  <th scope="col">{t("activity.financingApplied")}</th>
                  <th scope="col">{t("activity.financingDecision")}</th>
                  <th scope="col">{t("activity.financingGranted")}</th>
                  <th scope="col">{t("activity.financingNote")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.financing.map((f) => (
                  <tr key={f.id}>
                    <th scope="row" lang={lang}>
                      {f.source}
                    </th>
                    <td>{[f.amountApplied !== null ? kronor(ctx, f.amountApplied) : "", formatDate(f.appliedOn, ctx.locale)].filter(Boolean).join(", ") || "–"}</td>
                    <td>
                      {f.decidedOn
                        ? t("activity.financingDecidedOn", { decision: t(`financing.${f.decision}` as MessageKey), date: formatDate(f.decidedOn, ctx.locale) })
                        : t(`financing.${f.decision}` as MessageKey)}
                    </td>
                    <td>{f.amountGranted !== null ? kronor(ctx, f.amountGranted) : "–"}</td>
                    <td lang={lang}>{f.note || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}

      <ActivityOverTime ctx={ctx} graph={graph} activity={activity} />

      <h2>{t("activity.reports")}</h2>
      {reports.length === 0 && <p>{t("activity.noReports")}</p>}
      {reports.map(({ round, report }) => {
        const status = graph.statuses.find((s) => s.id === report.statusId);
        return (
          <section class="report" key={report.id} aria-labelledby={`report-${report.id}`}>
            <h3 id={`report-${report.id}`}>
              <a href={links.round(workspace.slug, plan.slug, round.slug)} lang={lang}>
                {round.name}
              </a>
            </h3>
            <p class="muted">{t("activity.reportedBy", { name: organisationName(graph, report.organisationId) })}</p>
            {status && (
              <p class="status-line">
                <Swatch colour={status.colour} /> <strong>{statusName(status, ctx.locale)}</strong>
              </p>
            )}
            <Paragraphs text={report.narrative} lang={lang} />
            {report.figures.length > 0 && (
              <TableWrap labelledBy={`figures-${report.id}`}>
                <table>
                  <caption id={`figures-${report.id}`}>{t("activity.figures")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("figure.name")}</th>
                      <th scope="col">{t("figure.value")}</th>
                      <th scope="col">{t("figure.baseline")}</th>
                      <th scope="col">{t("figure.target")}</th>
                      <th scope="col">{t("figure.year")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.figures.map((f) => (
                      <tr key={f.id}>
                        <th scope="row" lang={lang}>
                          {f.name}
                        </th>
                        <td>{figureValue(ctx, f)}</td>
                        <td>{f.baseline !== null ? formatNumber(f.baseline, ctx.locale) : "–"}</td>
                        <td>{f.target !== null ? formatNumber(f.target, ctx.locale) : "–"}</td>
                        <td>{f.year ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {report.nextSteps && (
              <>
                <h4>{t("activity.nextSteps")}</h4>
                <Paragraphs text={report.nextSteps} lang={lang} />
              </>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

/**
 * Edit, financing, archive and history links, only for a viewer who may open them (no page links to what its viewer
 * cannot open). Financing and archiving live on the edit page, under their own headings.
 */
function ActivityTools(props: { ctx: PageContext; graph: PlanGraph; activity: ActivityView }) {
  const { ctx, graph, activity } = props;
  if (!ctx.viewer) return null;
  const subject = {
    type: "activity" as const,
    workspaceId: graph.workspace.id,
    planPublished: graph.plan.published,
    actionPlanOrganisationId: graph.actionPlans.find((p) => p.id === activity.actionPlanId)?.organisationId ?? null,
    responsibleIds: activity.responsibleIds,
  };
  const mayEdit = can(ctx.viewer, "update", subject);
  const mayReadHistory = can(ctx.viewer, "readHistory", subject);
  if (!mayEdit && !mayReadHistory) return null;
  const { workspace, plan } = graph;
  const edit = links.activityEdit(workspace.slug, plan.slug, activity.id);
  return (
    <ul class="tools">
      {mayEdit && (
        <>
          <li>
            <a href={edit}>{ctx.t("activity.editLink")}</a>
          </li>
          <li>
            <a href={activity.financing.length > 0 ? `${edit}#financing` : formLinks.financingNew(workspace.slug, plan.slug, activity.id)}>
              {activity.financing.length > 0 ? ctx.t("activity.financingLink") : ctx.t("financing.add")}
            </a>
          </li>
          <li>
            <a href={`${edit}#archive`}>{ctx.t("activity.archiveLink")}</a>
          </li>
        </>
      )}
      {mayReadHistory && (
        <li>
          <a href={links.activityHistory(workspace.slug, plan.slug, activity.id)}>{ctx.t("activity.historyLink")}</a>
        </li>
      )}
    </ul>
  );
}
