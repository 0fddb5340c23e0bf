// Pieces the dialogue pages (and the action plans overview) share: the breadcrumbs, the "last meeting" cell with its
// overdue mark, the plan's cadence in words.
import type { PageContext } from "../../../context.ts";
import type { Crumb } from "../../../components/layout.tsx";
import { formatDate } from "../../../i18n/index.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { links } from "../../public/links.ts";
import { dialogueLinks } from "./links.ts";

/** Workspace › plan › Dialogmöten [› current]. */
export function dialogueCrumbs(ctx: PageContext, workspace: Workspace, plan: Plan, current?: string): Crumb[] {
  const crumbs: Crumb[] = [
    { label: workspace.name, href: `/#${workspace.slug}` },
    { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
  ];
  const list = ctx.t("dialogue.listTitle");
  if (!current) return [...crumbs, { label: list }];
  return [...crumbs, { label: list, href: dialogueLinks.list(workspace.slug, plan.slug) }, { label: current }];
}

/** "12 mars 2025", or "aldrig"; marked (in words, not by colour alone) when a meeting is due. */
export function LastMeeting(props: { ctx: PageContext; last: string | null; due: boolean }) {
  const { ctx, last, due } = props;
  return (
    <>
      {last ? formatDate(last, ctx.locale) : ctx.t("dialogue.never")}
      {due && (
        <>
          {" "}
          <span class="tag tag--todo">{ctx.t("dialogue.due")}</span>
        </>
      )}
    </>
  );
}

/** "vartannat år", "varje år", "var 18:e månad". */
export function cadenceText(ctx: PageContext, months: number): string {
  if (months === 12) return ctx.t("dialogue.cadence.yearly");
  if (months === 24) return ctx.t("dialogue.cadence.everyOtherYear");
  return ctx.t("dialogue.cadence.months", { months });
}
