// "Handlingsplaner" of a plan: every organisation (external partners aside) with the state of its action plan, a link
// to it, and "Skapa handlingsplan" where there is none and the viewer may start one.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { can } from "../../../../policies/can.ts";
import { flattenTree } from "../organisations/tree.ts";
import { actionPlanCrumbs, StateLine } from "./common.tsx";
import { actionPlanLinks } from "./links.ts";
import { dialogueDue } from "../../../../queries/dialogue-meetings.ts";
import { LastMeeting } from "../dialogue/common.tsx";
import { dialogueLinks } from "../dialogue/links.ts";

export interface ActionPlanListProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  organisations: Organisation[];
  actionPlans: ActionPlan[];
  /** The date of each action plan's organisation's last dialogue meeting in the plan (null: never). */
  lastDialogue: Map<string, string | null>;
}

export function ActionPlanListPage(props: ActionPlanListProps) {
  const { ctx, workspace, plan, actionPlans } = props;
  const { t } = ctx;
  const byOrganisation = new Map(actionPlans.map((p) => [p.organisationId, p]));
  // Active organisations in tree order; an archived one stays listed while it has an action plan here.
  const rows = [
    ...flattenTree(props.organisations).filter(({ organisation: o }) => o.type !== "external"),
    ...props.organisations.filter((o) => o.archivedAt && byOrganisation.has(o.id)).map((organisation) => ({ organisation, depth: 0 })),
  ];
  const title = t("actionPlans.listTitle");
  const mayWrite = (o: Organisation) => can(ctx.viewer, "update", { type: "actionPlan", workspaceId: workspace.id, organisationId: o.id });
  const adopted = actionPlans.filter((p) => p.state === "adopted").length;
  const lastDialogue = (organisationId: string) => props.lastDialogue.get(organisationId) ?? null;
  return (
    <Layout ctx={ctx} title={`${title} – ${plan.name}`} crumbs={actionPlanCrumbs(ctx, workspace, plan)}>
      <p class="eyebrow">{plan.name}</p>
      <h1>{title}</h1>
      <p class="lead">{t("actionPlans.listIntro")}</p>
      <p>{t("actionPlans.listCounts", { count: actionPlans.length, adopted, organisations: rows.length })}</p>
      <TableWrap labelledBy="action-plans-caption">
        <table>
          <caption id="action-plans-caption">{t("actionPlans.tableCaption", { plan: plan.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("actionPlans.col.organisation")}</th>
              <th scope="col">{t("actionPlans.col.actionPlan")}</th>
              <th scope="col">{t("actionPlans.col.state")}</th>
              <th scope="col">{t("dialogue.col.last")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ organisation: o, depth }) => {
              const actionPlan = byOrganisation.get(o.id);
              return (
                <tr key={o.id}>
                  <th scope="row" class={`depth-${Math.min(depth, 4)}`}>
                    {o.name} <span class="tag">{t(`org.type.${o.type}` as MessageKey)}</span>
                    {o.archivedAt && <span class="tag">{t("form.archivedTag")}</span>}
                  </th>
                  <td>
                    {actionPlan ? (
                      <a href={actionPlanLinks.page(workspace.slug, plan.slug, o.slug)}>{actionPlan.title}</a>
                    ) : !o.archivedAt && mayWrite(o) ? (
                      <a href={actionPlanLinks.create(workspace.slug, plan.slug, o.slug)} aria-label={t("actionPlans.createFor", { name: o.name })}>
                        {t("actionPlans.create")}
                      </a>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                  <td>{actionPlan ? <StateLine ctx={ctx} actionPlan={actionPlan} /> : t("actionPlans.state.none")}</td>
                  <td>
                    {actionPlan && !actionPlan.archivedAt ? (
                      <LastMeeting ctx={ctx} last={lastDialogue(o.id)} due={dialogueDue(lastDialogue(o.id), plan.dialogueEveryMonths)} />
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a href={dialogueLinks.list(workspace.slug, plan.slug)}>{t("dialogue.allLink")}</a>
      </p>
    </Layout>
  );
}
