// Organisation page: what it is, where it sits, its action plan and activities, and where it shares responsibility.
import { HistoryLink } from "../../components/history-link.tsx";
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { Paragraphs } from "../../components/text.tsx";
import { formatDate, type MessageKey } from "../../i18n/index.ts";
import type { ActivityView, Organisation, PlanGraph, Workspace } from "../../../queries/plan-graph.ts";
import { links } from "./links.ts";
import { contentLang, goalLabel, measureLabel, periodLabel, phaseLabel } from "./labels.ts";
import { ActivityName } from "./names.tsx";
import { DraftMark } from "./internal-marks.tsx";
import { isDraftActivity } from "../../../queries/plan-stats.ts";

function ActivityList(props: { ctx: PageContext; graph: PlanGraph; activities: ActivityView[] }) {
  const { ctx, graph, activities } = props;
  if (activities.length === 0) return <p class="muted">{ctx.t("org.none")}</p>;
  return (
    <ul class="activity-list">
      {activities.map((a) => {
        const goal = graph.goals.find((g) => g.id === a.goalId)!;
        return (
          <li key={a.id}>
            <a href={links.activity(graph.workspace.slug, graph.plan.slug, a.id)}>
              <ActivityName ctx={ctx} graph={graph} activity={a} />
            </a>{" "}
            <span class={`phase phase--${a.phase}`}>{phaseLabel(ctx, a.phase)}</span>{" "}
            {isDraftActivity(graph, a) && (
              <>
                <DraftMark ctx={ctx} />{" "}
              </>
            )}
            <span class="muted">
              · {goalLabel(ctx, graph)} {goal.number}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function PlanSection(props: { ctx: PageContext; graph: PlanGraph; organisation: Organisation }) {
  const { ctx, graph, organisation } = props;
  const { t } = ctx;
  const actionPlan = graph.actionPlans.find((p) => p.organisationId === organisation.id);
  const inPlan = actionPlan ? graph.activities.filter((a) => a.actionPlanId === actionPlan.id) : [];
  const responsibleElsewhere = graph.activities.filter((a) => a.responsibleIds.includes(organisation.id) && a.actionPlanId !== actionPlan?.id);
  const own = [...inPlan, ...responsibleElsewhere];
  // Co-responsible organisations see the activity here too, whoever's action plan it stands in.
  const coResponsible = graph.activities.filter((a) => a.coResponsibleIds.includes(organisation.id) && !own.includes(a));
  const partner = graph.activities.filter((a) => a.partnerIds.includes(organisation.id) && !own.includes(a) && !coResponsible.includes(a));
  const measures = measureLabel(ctx, graph, "other");
  const id = `plan-${graph.plan.slug}`;
  const lang = contentLang(ctx, graph.workspace);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <a href={links.plan(graph.workspace.slug, graph.plan.slug)} lang={lang}>
          {graph.plan.name}
        </a>
      </h2>
      {!graph.plan.published && <p class="notice notice--internal">{t("internal.unpublishedPlanSection", { workspace: graph.workspace.name })}</p>}
      <h3>{t("org.actionPlan")}</h3>
      {actionPlan ? (
        <>
          <HistoryLink ctx={ctx} workspaceId={graph.workspace.id} href={links.actionPlanHistory(graph.workspace.slug, graph.plan.slug, organisation.slug)} label={t("history.actionPlanLink")} />
          <p>
            <strong lang={lang}>{actionPlan.title}</strong>{" "}
            <span class="muted">
              ({periodLabel(ctx, actionPlan.periodStart, actionPlan.periodEnd)};{" "}
              {t(`org.actionPlanState.${actionPlan.state}` as MessageKey)}
              {actionPlan.adoptedOn ? ` ${formatDate(actionPlan.adoptedOn, ctx.locale)}` : ""}
              {actionPlan.revision > 0 ? `, ${t("org.revision", { n: actionPlan.revision })}` : ""})
            </span>
          </p>
          {actionPlan.introduction && (
            <details>
              <summary>{t("org.introduction")}</summary>
              <Paragraphs text={actionPlan.introduction} lang={lang} />
              {actionPlan.howMade && (
                <>
                  <h4>{t("org.howMade")}</h4>
                  <Paragraphs text={actionPlan.howMade} lang={lang} />
                </>
              )}
              {actionPlan.steeringGroup && (
                <>
                  <h4>{t("org.steeringGroup")}</h4>
                  <Paragraphs text={actionPlan.steeringGroup} lang={lang} />
                </>
              )}
            </details>
          )}
        </>
      ) : (
        <p class="muted">{t("org.noActionPlan", { plan: graph.plan.name })}</p>
      )}
      <h3>{t("org.activities", { measures: measures.toLowerCase() })}</h3>
      <ActivityList ctx={ctx} graph={graph} activities={own} />
      <h3>{t("org.coResponsibilities")}</h3>
      <p class="muted">{t("org.coResponsibilitiesIntro", { measures })}</p>
      {coResponsible.length === 0 && partner.length === 0 ? (
        <ActivityList ctx={ctx} graph={graph} activities={[]} />
      ) : (
        <>
          {coResponsible.length > 0 && (
            <>
              <h4>{t("org.coResponsibleFor")}</h4>
              <ActivityList ctx={ctx} graph={graph} activities={coResponsible} />
            </>
          )}
          {partner.length > 0 && (
            <>
              <h4>{t("org.partnerIn")}</h4>
              <ActivityList ctx={ctx} graph={graph} activities={partner} />
            </>
          )}
        </>
      )}
    </section>
  );
}

export function OrganisationPage(props: { ctx: PageContext; workspace: Workspace; organisation: Organisation; organisations: Organisation[]; graphs: PlanGraph[] }) {
  const { ctx, workspace, organisation, graphs } = props;
  const { t } = ctx;
  const all = props.organisations;
  const parent = all.find((o) => o.id === organisation.parentId);
  const servedBy = all.find((o) => o.id === organisation.servedById);
  const serves = all.filter((o) => o.servedById === organisation.id);
  const children = all.filter((o) => o.parentId === organisation.id && !o.archivedAt);
  const lang = contentLang(ctx, workspace);
  return (
    <Layout
      ctx={ctx}
      title={`${organisation.name} – ${workspace.name}`}
      crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: t("org.listTitle"), href: links.organisations(workspace.slug) }, { label: organisation.name }]}
    >
      <p class="eyebrow">{t(`org.type.${organisation.type}` as MessageKey)}</p>
      <h1>{organisation.name}</h1>
      <ul class="plain-list">
        {parent && (
          <li>
            {t("org.partOf", { name: "" })}
            <a href={links.organisation(workspace.slug, parent.slug)}>{parent.name}</a>
          </li>
        )}
        {servedBy && (
          <li>
            {t("org.servedBy", { name: "" })}
            <a href={links.organisation(workspace.slug, servedBy.slug)}>{servedBy.name}</a>
          </li>
        )}
        {serves.length > 0 && <li>{t("org.serves", { names: serves.map((o) => o.name).join(", ") })}</li>}
        {organisation.contactRole && (
          <li>
            {t("org.contactRole")}: <span lang={lang}>{organisation.contactRole}</span>
          </li>
        )}
      </ul>
      {children.length > 0 && (
        <ul>
          {children.map((c) => (
            <li key={c.id}>
              <a href={links.organisation(workspace.slug, c.slug)}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
      {graphs.map((graph) => (
        <PlanSection key={graph.plan.id} ctx={ctx} graph={graph} organisation={organisation} />
      ))}
    </Layout>
  );
}
