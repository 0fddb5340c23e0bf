// What a person with rights can do from a goal's page: add a need, add a measure to an action plan they write,
// change the goal itself. Nothing is shown to readers without those rights (the page stays the public one).
import type { PageContext } from "../../context.ts";
import type { Goal, PlanGraph } from "../../../queries/plan-graph.ts";
import { can } from "../../../policies/can.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";

export function GoalManageLinks(props: { ctx: PageContext; graph: PlanGraph; goal: Goal }) {
  const { ctx, graph, goal } = props;
  const { workspace, plan } = graph;
  const viewer = ctx.viewer;
  if (!viewer) return null;
  const base = `/${workspace.slug}/planer/${plan.slug}`;
  const measure = vocabularyLabel(plan.vocabulary, "measure", ctx.locale).toLowerCase();
  const mayCreateNeed = can(viewer, "create", { type: "need", workspaceId: workspace.id, organisationId: null });
  const shapes = can(viewer, "update", { type: "plan", workspaceId: workspace.id, published: plan.published });
  const writable = graph.actionPlans
    .filter((ap) => can(viewer, "update", { type: "actionPlan", workspaceId: workspace.id, organisationId: ap.organisationId }))
    .map((ap) => ({ ap, org: graph.organisations.find((o) => o.id === ap.organisationId) }))
    .filter((x) => x.org && !x.org.archivedAt)
    .sort((a, b) => a.org!.name.localeCompare(b.org!.name, "sv"));
  // A coordinator may write every action plan: a list of all would be long, so they choose on the action plans page.
  const direct = shapes ? [] : writable;
  if (!mayCreateNeed && !shapes && direct.length === 0) return null;
  return (
    <nav class="manage-links" aria-label={ctx.t("goal.manage.label")}>
      <ul>
        {direct.map(({ ap, org }) => (
          <li key={ap.id}>
            <a href={`${base}/aktiviteter/ny?handlingsplan=${org!.slug}&mal=${goal.id}`}>{ctx.t("goal.manage.newMeasureIn", { measure, organisation: org!.name })}</a>
          </li>
        ))}
        {shapes && (
          <li>
            <a href={`${base}/handlingsplaner`}>{ctx.t("goal.manage.newMeasure", { measure })}</a>
          </li>
        )}
        {mayCreateNeed && (
          <li>
            <a href={`${base}/behov/ny?mal=${goal.id}`}>{ctx.t("goal.manage.newNeed")}</a>
          </li>
        )}
        {shapes && (
          <li>
            <a href={`${base}/hantera/mal/${goal.id}`}>{ctx.t("goal.manage.editGoal", { goal: vocabularyLabel(plan.vocabulary, "goal", ctx.locale).toLowerCase() })}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Whether the viewer may open a need's form (to link its card there). */
export function mayEditNeed(ctx: PageContext, graph: PlanGraph, organisationId: string | null): boolean {
  return can(ctx.viewer, "update", { type: "need", workspaceId: graph.workspace.id, organisationId });
}
