// Pieces the plan-structure pages share: the breadcrumbs, the page title with errors, the notice after a conflict
// (what the other person saved), and the hidden fields every form carries.
import type { PageContext } from "../../../context.ts";
import type { Crumb } from "../../../components/layout.tsx";
import type { FieldErrors } from "../../../components/form.tsx";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { psLinks } from "./links.ts";

/** Workspace (its management page) › plan (its hub) › this page. */
export function planCrumbs(workspace: Workspace, plan: Plan, ...rest: Crumb[]): Crumb[] {
  return [
    { label: workspace.name, href: psLinks.manage(workspace.slug) },
    { label: plan.name, href: psLinks.hub(workspace.slug, plan.slug) },
    ...rest,
  ];
}

export function pageTitle(ctx: PageContext, title: string, errors: FieldErrors): string {
  return Object.keys(errors).length > 0 ? ctx.t("form.errorTitle", { title }) : title;
}

export function HiddenFields(props: { version?: number; back: string }) {
  return (
    <>
      {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
      <input type="hidden" name="tillbaka" value={props.back} />
    </>
  );
}

/**
 * After a conflict: the fields the other person saved differently, by label. The person's own values stay in the
 * form; the error summary's "version" link lands here.
 */
export function ConflictNotice(props: { ctx: PageContext; rows: Array<{ label: string; theirs: string }> }) {
  const { ctx } = props;
  return (
    <div class="notice conflict-notice" id="version" tabIndex={-1}>
      <p>{ctx.t("ps.conflict.theirValues")}</p>
      <dl>
        {props.rows.map((row, i) => (
          <div key={i}>
            <dt>{row.label}</dt>
            <dd>{row.theirs || ctx.t("conflict.empty")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
