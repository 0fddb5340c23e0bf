// "Historik" of a plan, an organisation's action plan and an organisation's report in a round: their audit events
// as readable changes. Internal: anonymous visitors log in, people without a role in the workspace get 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument } from "../../render.ts";
import { messageOr } from "../../i18n/index.ts";
import { links } from "../../pages/public/links.ts";
import { HistoryPage } from "../../pages/internal/history-page.tsx";
import type { Crumb } from "../../components/layout.tsx";
import { LoginRequired, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { findReadablePlan, findWorkspace } from "../../../queries/find-plan.ts";
import { historyOf } from "../../../queries/history.ts";
import { actionPlans, activityReports, followUpRounds, organisationReports, organisations } from "../../../db/schema/index.ts";
import type { Db } from "../../../db/client.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const planParams = z.object({ ws: slug, plan: slug });
const orgParams = planParams.extend({ org: slug });
const reportParams = orgParams.extend({ round: slug });

async function context(db: Db, request: FastifyRequest, params: { ws: string; plan: string }) {
  if (!request.viewer) throw new LoginRequired();
  const workspace = await findWorkspace(db, params.ws);
  if (!can(request.viewer, "readInternal", { type: "workspace", workspaceId: workspace.id })) throw new NotFound("page");
  const plan = await findReadablePlan(db, workspace, params.plan, request.viewer);
  return { workspace, plan };
}

async function organisationBySlug(db: Db, workspaceId: string, slugValue: string) {
  const [org] = await db.select().from(organisations).where(and(eq(organisations.workspaceId, workspaceId), eq(organisations.slug, slugValue)));
  if (!org) throw new NotFound("organisation");
  return org;
}

/** A changed field's name in the reader's language: the subject's own label, else the audit log's, else the name. */
function fieldLabeller(ctx: PageContext, prefix: string) {
  return (field: string) => messageOr(ctx.t, `${prefix}${field}`, messageOr(ctx.t, `admin.log.field.${field}`, field));
}

function send(reply: FastifyReply, ctx: PageContext, crumbs: Crumb[], heading: string, entries: Awaited<ReturnType<typeof historyOf>>, labelPrefix = "admin.log.field.") {
  return reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "private, no-store")
    .send(renderDocument(h(HistoryPage, { ctx, crumbs, heading, entries, fieldLabel: fieldLabeller(ctx, labelPrefix) })));
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new NotFound("page");
  return result.data;
}

export function registerHistoryRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  app.get("/:ws/planer/:plan/historik", async (request, reply) => {
    const { workspace, plan } = await context(db(), request, parse(planParams, request.params));
    const ctx = pageContext(request, reply);
    const crumbs = [{ label: workspace.name, href: `/#${workspace.slug}` }, { label: plan.name, href: links.plan(workspace.slug, plan.slug) }, { label: ctx.t("history.crumb") }];
    return send(reply, ctx, crumbs, plan.name, await historyOf(db(), workspace.id, "plan", plan.id));
  });

  app.get("/:ws/planer/:plan/handlingsplaner/:org/historik", async (request, reply) => {
    const p = parse(orgParams, request.params);
    const { workspace, plan } = await context(db(), request, p);
    const org = await organisationBySlug(db(), workspace.id, p.org);
    const [actionPlan] = await db().select().from(actionPlans).where(and(eq(actionPlans.planId, plan.id), eq(actionPlans.organisationId, org.id)));
    if (!actionPlan) throw new NotFound("action plan");
    const ctx = pageContext(request, reply);
    const crumbs = [
      { label: workspace.name, href: `/#${workspace.slug}` },
      { label: org.name, href: links.organisation(workspace.slug, org.slug) },
      { label: ctx.t("history.crumb") },
    ];
    return send(reply, ctx, crumbs, actionPlan.title, await historyOf(db(), workspace.id, "action_plan", actionPlan.id), "actionPlans.field.");
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round/:org/historik", async (request, reply) => {
    const p = parse(reportParams, request.params);
    const { workspace, plan } = await context(db(), request, p);
    const org = await organisationBySlug(db(), workspace.id, p.org);
    const [round] = await db().select().from(followUpRounds).where(and(eq(followUpRounds.planId, plan.id), eq(followUpRounds.slug, p.round)));
    if (!round) throw new NotFound("round");
    const [report] = await db().select().from(organisationReports).where(and(eq(organisationReports.roundId, round.id), eq(organisationReports.organisationId, org.id)));
    if (!report) throw new NotFound("report");
    const ctx = pageContext(request, reply);
    const crumbs = [
      { label: workspace.name, href: `/#${workspace.slug}` },
      { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
      { label: round.name, href: links.round(workspace.slug, plan.slug, round.slug) },
      { label: ctx.t("history.crumb") },
    ];
    // The report's own steps, and every save of its activity reports and their attachments.
    const parts = await db().select({ id: activityReports.id }).from(activityReports).where(eq(activityReports.organisationReportId, report.id));
    const entries = await historyOf(db(), workspace.id, "organisation_report", report.id, { subjectType: "activity_report", subjectIds: parts.map((p) => p.id) });
    return send(reply, ctx, crumbs, `${round.name}: ${org.name}`, entries);
  });
}
