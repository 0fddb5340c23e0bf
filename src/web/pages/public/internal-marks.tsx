// What internal readers see on the plan's pages that the public does not: marked where it appears, so nobody
// mistakes a draft or an unaccepted report for what has been published.
import type { PageContext } from "../../context.ts";
import type { PlanGraph } from "../../../queries/plan-graph.ts";

/** "Utkast – inte antagen" beside an activity of an action plan still in draft. */
export function DraftMark(props: { ctx: PageContext }) {
  return <span class="internal-mark">{props.ctx.t("internal.draftActivity")}</span>;
}

/** "Inte godkänd ännu" beside a report the coordinator has not accepted. */
export function UnacceptedMark(props: { ctx: PageContext }) {
  return <span class="internal-mark">{props.ctx.t("internal.unacceptedReport")}</span>;
}

/** At the top of a page of an unpublished plan (only people with a role in the workspace get this far). */
export function UnpublishedNotice(props: { ctx: PageContext; graph: PlanGraph }) {
  const { ctx, graph } = props;
  if (graph.plan.published) return null;
  return <p class="notice notice--internal">{ctx.t("internal.unpublishedPlan", { plan: graph.plan.name, workspace: graph.workspace.name })}</p>;
}
