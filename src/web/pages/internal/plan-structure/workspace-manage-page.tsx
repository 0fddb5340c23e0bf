// A workspace's management page for its administrators and coordinators: its plans (each plan's hub and public
// page, "Skapa en plan"), and the way to its organisations, people and log.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { links } from "../../public/links.ts";
import { contentLang, periodLabel } from "../../public/labels.ts";
import { psLinks } from "./links.ts";
import { can } from "../../../../policies/can.ts";
import { reminderLinks } from "../follow-up/send-reminder-form.tsx";

export function WorkspaceManagePage(props: { ctx: PageContext; workspace: Workspace; plans: Plan[]; organisationCount: number; mayInvite: boolean }) {
  const { ctx, workspace, plans } = props;
  const ws = workspace.slug;
  const title = ctx.t("ps.manage.title", { workspace: workspace.name });
  const lang = contentLang(ctx, workspace);
  const fresh = plans.length === 0 || props.organisationCount === 0;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: ctx.t("ps.manage.crumb") }]}>
      <h1>{title}</h1>
      {fresh && (
        <section class="card getting-started" aria-labelledby="getting-started">
          <h2 id="getting-started">{ctx.t("ps.manage.gettingStarted")}</h2>
          <ol>
            <li>
              <a href={psLinks.organisations(ws)}>{ctx.t("ps.manage.step.organisations")}</a>
            </li>
            <li>
              <a href={psLinks.newPlan(ws)}>{ctx.t("ps.manage.step.plan")}</a>
            </li>
            <li>
              <a href={psLinks.invite(ws)}>{ctx.t("ps.manage.step.people")}</a>
            </li>
          </ol>
        </section>
      )}
      <h2>{ctx.t("ps.manage.plans")}</h2>
      {plans.length === 0 ? (
        <p>{ctx.t("ps.manage.noPlans")}</p>
      ) : (
        <ul class="manage-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <span>
                <a href={psLinks.hub(ws, plan.slug)} lang={lang}>
                  {plan.name}
                </a>{" "}
                <span class="muted">
                  ({periodLabel(ctx, plan.periodStart, plan.periodEnd)}; {plan.published ? ctx.t("ps.manage.published") : ctx.t("ps.manage.notPublished")})
                </span>
              </span>
              <span class="manage-list__actions">
                <a href={links.plan(ws, plan.slug)}>
                  {ctx.t("ps.manage.publicPage")}
                  <span class="visually-hidden" lang={lang}>
                    : {plan.name}
                  </span>
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href={psLinks.newPlan(ws)}>
          {ctx.t("ps.manage.createPlan")}
        </a>
      </p>
      <h2>{ctx.t("ps.manage.workspace")}</h2>
      <ul class="plain-list">
        <li>
          <a href={psLinks.organisations(ws)}>{ctx.t("ps.manage.organisations")}</a> <span class="muted">– {ctx.t("ps.manage.organisationsHint")}</span>
        </li>
        <li>
          <a href={psLinks.people(ws)}>{ctx.t("ps.manage.people")}</a>
        </li>
        {props.mayInvite && (
          <li>
            <a href={psLinks.invite(ws)}>{ctx.t("ps.manage.invite")}</a>
          </li>
        )}
        <li>
          <a href={psLinks.log(ws)}>{ctx.t("ps.manage.log")}</a>
        </li>
        {can(ctx.viewer, "readOutbox", { type: "followUp", workspaceId: workspace.id }) && (
          <li>
            <a href={reminderLinks.outbox(ws)}>{ctx.t("outbox.link")}</a> <span class="muted">– {ctx.t("outbox.linkHint")}</span>
          </li>
        )}
      </ul>
    </Layout>
  );
}
