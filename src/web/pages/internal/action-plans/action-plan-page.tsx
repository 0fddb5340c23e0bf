// The internal page of one organisation's action plan: state, period and texts, then its activities by goal and,
// within a goal, by kind (stadsövergripande / i samverkan / verksamhetsspecifika), each with its edit link; a "new
// activity" link per goal; and the activities of other action plans this organisation is co-responsible for.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { Paragraphs } from "../../../components/text.tsx";
import { PostForm } from "../../../components/form.tsx";
import { formatDate } from "../../../i18n/index.ts";
import type { ActionPlan, ActivityView, Organisation, PlanGraph } from "../../../../queries/plan-graph.ts";
import { termName } from "../../../../queries/plan-stats.ts";
import { can } from "../../../../policies/can.ts";
import { links } from "../../public/links.ts";
import { activityHeading, contentLang, goalLabel, measureLabel, organisationName, phaseLabel } from "../../public/labels.ts";
import { ActivityName, GoalName } from "../../public/names.tsx";
import { actionPlanCrumbs, StateLine } from "./common.tsx";
import { actionPlanLinks } from "./links.ts";
import { importLinks } from "../import/upload-page.tsx";

export interface ActionPlanPageProps {
  ctx: PageContext;
  graph: PlanGraph;
  organisation: Organisation;
  actionPlan: ActionPlan;
  /** Its archived activities, which can be brought back. */
  archived?: Array<{ id: string; number: string | null; title: string }>;
}

function ActivityRows(props: { ctx: PageContext; graph: PlanGraph; activities: ActivityView[]; showOwner?: boolean }) {
  const { ctx, graph } = props;
  const { workspace, plan } = graph;
  return (
    <ul class="activity-list">
      {props.activities.map((a) => {
        const owner = graph.actionPlans.find((p) => p.id === a.actionPlanId);
        const mayEdit = can(ctx.viewer, "update", {
          type: "activity", workspaceId: workspace.id, planPublished: plan.published, actionPlanOrganisationId: owner?.organisationId ?? null,
          responsibleIds: a.responsibleIds,
        });
        return (
          <li key={a.id}>
            <a href={links.activity(workspace.slug, plan.slug, a.id)}>
              <ActivityName ctx={ctx} graph={graph} activity={a} />
            </a>{" "}
            <span class={`phase phase--${a.phase}`}>{phaseLabel(ctx, a.phase)}</span>
            {props.showOwner && owner && <span class="muted"> · {ctx.t("actionPlans.inActionPlanOf", { name: organisationName(graph, owner.organisationId) })}</span>}
            {mayEdit && (
              <>
                {" "}
                <a href={links.activityEdit(workspace.slug, plan.slug, a.id)} aria-label={ctx.t("form.editNamed", { name: activityHeading(ctx, graph, a) })}>
                  {ctx.t("form.edit")}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ActionPlanPage(props: ActionPlanPageProps) {
  const { ctx, graph, organisation, actionPlan } = props;
  const { t } = ctx;
  const { workspace, plan } = graph;
  const lang = contentLang(ctx, workspace);
  const subject = { type: "actionPlan" as const, workspaceId: workspace.id, organisationId: organisation.id };
  const mayUpdate = can(ctx.viewer, "update", subject);
  const mayAdopt = can(ctx.viewer, "adopt", subject);
  const own = graph.activities.filter((a) => a.actionPlanId === actionPlan.id);
  const coResponsible = graph.activities.filter((a) => a.actionPlanId !== actionPlan.id && a.coResponsibleIds.includes(organisation.id));
  const kinds = graph.taxonomies.find((x) => x.key === "activity_kind");
  const kindTerms = kinds ? graph.terms.filter((term) => term.taxonomyId === kinds.id) : [];
  const measures = measureLabel(ctx, graph, "other");
  const measure = measureLabel(ctx, graph).toLowerCase();
  const texts = [
    { id: "introduction", heading: t("org.introduction"), text: actionPlan.introduction },
    { id: "how-made", heading: t("org.howMade"), text: actionPlan.howMade },
    { id: "steering-group", heading: t("actionPlans.steeringGroup"), text: actionPlan.steeringGroup },
  ].filter((x) => x.text.trim());
  const o = organisation.slug;
  return (
    <Layout ctx={ctx} title={`${actionPlan.title} – ${plan.name}`} crumbs={actionPlanCrumbs(ctx, workspace, plan, organisation)}>
      <p class="eyebrow">{organisation.name}</p>
      <h1 lang={lang}>{actionPlan.title}</h1>
      <dl class="facts">
        <div>
          <dt>{t("actionPlans.state")}</dt>
          <dd>
            <StateLine ctx={ctx} actionPlan={actionPlan} />
          </dd>
        </div>
        <div>
          <dt>{t("plan.period")}</dt>
          <dd>{t("date.range", { from: formatDate(actionPlan.periodStart, ctx.locale), to: formatDate(actionPlan.periodEnd, ctx.locale) })}</dd>
        </div>
        <div>
          <dt>{measures}</dt>
          <dd>{own.length}</dd>
        </div>
      </dl>
      <ul class="tools">
        {mayUpdate && (
          <li>
            <a href={actionPlanLinks.edit(workspace.slug, plan.slug, o)}>{t("actionPlans.editLink")}</a>
          </li>
        )}
        {mayUpdate && (
          <li>
            <a href={`${importLinks.upload(workspace.slug, plan.slug)}?organisation=${organisation.id}`}>{t("import.linkFromPlan")}</a>
          </li>
        )}
        {mayAdopt && (
          <li>
            <a href={actionPlanLinks.adopt(workspace.slug, plan.slug, o)}>{actionPlan.state === "adopted" ? t("actionPlans.adoptAgainLink") : t("actionPlans.adoptLink")}</a>
          </li>
        )}
        <li>
          <a href={actionPlanLinks.revisions(workspace.slug, plan.slug, o)}>{t("actionPlans.revisionsLink", { count: actionPlan.revision })}</a>
        </li>
        <li>
          <a href={actionPlanLinks.history(workspace.slug, plan.slug, o)}>{t("history.actionPlanLink")}</a>
        </li>
        <li>
          <a href={actionPlanLinks.document(workspace.slug, plan.slug, o, "docx")} download>{t("orgDoc.downloadWord")}</a>
        </li>
        <li>
          <a href={actionPlanLinks.document(workspace.slug, plan.slug, o, "pdf")} download>{t("orgDoc.downloadPdf")}</a>
        </li>
        <li>
          <a href={links.organisation(workspace.slug, o)}>{t("actionPlans.organisationPage", { name: organisation.name })}</a>
        </li>
      </ul>
      {texts.length === 0 && <p class="muted">{t("actionPlans.noTexts")}</p>}
      {texts.map((x) => (
        <section key={x.id} aria-labelledby={`text-${x.id}`}>
          <h2 id={`text-${x.id}`}>{x.heading}</h2>
          <Paragraphs text={x.text} lang={lang} />
        </section>
      ))}
      <h2 id="activities">{measures}</h2>
      {graph.goals.map((goal) => {
        const inGoal = own.filter((a) => a.goalId === goal.id);
        const groups = kindTerms
          .map((term) => ({ key: term.id, heading: termName(term, ctx.locale), list: inGoal.filter((a) => a.termIds.includes(term.id)) }))
          .filter((g) => g.list.length > 0);
        const grouped = new Set(groups.flatMap((g) => g.list.map((a) => a.id)));
        const rest = inGoal.filter((a) => !grouped.has(a.id));
        if (rest.length > 0) groups.push({ key: "other", heading: kindTerms.length > 0 && groups.length > 0 ? t("actionPlans.otherKind") : "", list: rest });
        return (
          <section key={goal.id} aria-labelledby={`goal-${goal.id}`} class="action-plan-goal">
            <h3 id={`goal-${goal.id}`}>
              <GoalName ctx={ctx} graph={graph} goal={goal} />
            </h3>
            {inGoal.length === 0 && <p class="muted">{t("actionPlans.noActivitiesInGoal", { measures: measures.toLowerCase() })}</p>}
            {groups.map((g) => (
              <div key={g.key}>
                {g.heading && <h4>{g.heading}</h4>}
                <ActivityRows ctx={ctx} graph={graph} activities={g.list} />
              </div>
            ))}
            {mayUpdate && (
              <p>
                <a href={actionPlanLinks.newActivity(workspace.slug, plan.slug, o, goal.id)}>{t("actionPlans.newActivity", { measure, goal: `${goalLabel(ctx, graph).toLowerCase()} ${goal.number}` })}</a>
              </p>
            )}
          </section>
        );
      })}
      <h2 id="co-responsible">{t("actionPlans.coResponsibleHeading", { measures })}</h2>
      <p class="muted">{t("actionPlans.coResponsibleIntro", { measures: measures.toLowerCase() })}</p>
      {coResponsible.length === 0 ? <p>{t("org.none")}</p> : <ActivityRows ctx={ctx} graph={graph} activities={coResponsible} showOwner />}
      {(props.archived ?? []).length > 0 && (
        <>
          <h2 id="archived">{t("actionPlans.archivedHeading", { measures: measures.toLowerCase() })}</h2>
          <ul class="manage-list">
            {props.archived!.map((a) => {
              const name = a.number ? `${measureLabel(ctx, graph)} ${a.number}: ${a.title}` : a.title;
              return (
                <li key={a.id}>
                  <span>
                    {name} <span class="tag">{t("form.archivedTag")}</span>
                  </span>
                  {mayUpdate && (
                    <PostForm ctx={ctx} action={`${links.activity(workspace.slug, plan.slug, a.id)}/aterstall`}>
                      <input type="hidden" name="tillbaka" value={ctx.path} />
                      <button type="submit" class="button button--secondary button--small" aria-label={t("actionPlans.restoreNamed", { name })}>
                        {t("orgManage.restore")}
                      </button>
                    </PostForm>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Layout>
  );
}
