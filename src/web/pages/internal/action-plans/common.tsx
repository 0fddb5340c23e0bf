// Pieces the action plan pages share: the breadcrumbs, the state line ("Antagen 28 februari 2023 av …, revision 1").
import type { PageContext } from "../../../context.ts";
import type { Crumb } from "../../../components/layout.tsx";
import { formatDate, type MessageKey } from "../../../i18n/index.ts";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { links } from "../../public/links.ts";
import { actionPlanLinks } from "./links.ts";

/** Workspace › plan › Handlingsplaner [› organisation [› current]]. */
export function actionPlanCrumbs(ctx: PageContext, workspace: Workspace, plan: Plan, organisation?: Organisation, current?: string): Crumb[] {
  const crumbs: Crumb[] = [
    { label: workspace.name, href: `/#${workspace.slug}` },
    { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
  ];
  const list = ctx.t("actionPlans.listTitle");
  if (!organisation && !current) return [...crumbs, { label: list }];
  crumbs.push({ label: list, href: actionPlanLinks.list(workspace.slug, plan.slug) });
  if (organisation && current) crumbs.push({ label: organisation.name, href: actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug) });
  crumbs.push({ label: current ?? organisation!.name });
  return crumbs;
}

/** "Utkast" or "Antagen 28 februari 2023 av Arbetsmarknads- och socialnämnden". */
export function stateText(ctx: PageContext, p: { state: string; adoptedOn?: string | null | undefined; adoptedBy?: string | null | undefined }): string {
  const state = ctx.t(`org.actionPlanState.${p.state === "adopted" ? "adopted" : "draft"}` as MessageKey);
  if (p.state !== "adopted" || !p.adoptedOn) return state;
  return p.adoptedBy
    ? ctx.t("actionPlans.adoptedOnBy", { date: formatDate(p.adoptedOn, ctx.locale), by: p.adoptedBy })
    : ctx.t("actionPlans.adoptedOn", { date: formatDate(p.adoptedOn, ctx.locale) });
}

export function StateLine(props: { ctx: PageContext; actionPlan: ActionPlan }) {
  const { ctx, actionPlan } = props;
  return (
    <>
      {stateText(ctx, actionPlan)}
      {actionPlan.revision > 0 && `, ${ctx.t("org.revision", { n: actionPlan.revision })}`}
    </>
  );
}
