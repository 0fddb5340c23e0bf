// Sends a rendered public page, from the read cache when this exact page (language + URL) has been rendered since the
// last change; and picks the read model a viewer sees: the public one, or the internal one for people with a role.
import type { FastifyReply, FastifyRequest } from "fastify";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import * as s from "../../../db/schema/index.ts";
import type { Viewer } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import { findReadablePlan, findVisiblePlan, findWorkspace, publishedPlans } from "../../../queries/find-plan.ts";
import { loadPlanGraph, type Organisation, type Plan, type PlanGraph, type Workspace } from "../../../queries/plan-graph.ts";

export async function sendCachedPage(
  state: AppState,
  request: FastifyRequest,
  reply: FastifyReply,
  build: (ctx: PageContext) => Promise<PageNode>,
  options: { cache?: boolean } = {},
) {
  // Anonymous visitors share cached pages; a logged-in page carries a name and a form token, so it is rendered
  // for its viewer (from the cached read model) and never stored.
  if (request.viewer) {
    const ctx = pageContext(request, reply);
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(await build(ctx)));
  }
  const ctx = pageContext(request);
  if (options.cache === false) return reply.type("text/html; charset=utf-8").send(renderDocument(await build(ctx)));
  const html = await state.cache.get(`page:${ctx.locale}:${request.url}`, async () => renderDocument(await build(ctx)));
  return reply.type("text/html; charset=utf-8").send(html);
}

/** The public read model of a plan: adopted action plans and accepted reports only. */
export function publicGraph(state: AppState, workspace: Workspace, plan: Plan): Promise<PlanGraph> {
  return state.cache.get(`graph:public:${plan.id}`, () => loadPlanGraph(state.database.db, workspace, plan, { includeUnaccepted: false }));
}

/** The internal read model: also draft action plans with their activities and reports not accepted yet. */
export function internalGraph(state: AppState, workspace: Workspace, plan: Plan): Promise<PlanGraph> {
  return state.cache.get(`graph:internal:${plan.id}`, () => loadPlanGraph(state.database.db, workspace, plan, { includeUnaccepted: true }));
}

/** People with a role in the workspace read its plans' pages from the internal read model. */
export function readsInternal(viewer: Viewer | null, workspace: Workspace): boolean {
  return can(viewer, "readInternal", { type: "workspace", workspaceId: workspace.id });
}

export interface ViewedPlan {
  workspace: Workspace;
  plan: Plan;
  graph: PlanGraph;
  /** The graph is the internal read model (the viewer has a role in the workspace). */
  internal: boolean;
}

/**
 * A plan's read model as this viewer sees it. Internal readers: the internal model, published or not.
 * Everyone else: the public model of a published plan; an unpublished plan sends an anonymous visitor to log in
 * and is a page that does not exist for a logged-in person without a role there.
 */
export async function planForViewer(state: AppState, viewer: Viewer | null, wsSlug: string, planSlug: string): Promise<ViewedPlan> {
  const db = state.database.db;
  const workspace = await findWorkspace(db, wsSlug);
  if (readsInternal(viewer, workspace)) {
    const plan = await findReadablePlan(db, workspace, planSlug, viewer);
    return { workspace, plan, graph: await internalGraph(state, workspace, plan), internal: true };
  }
  const plan = viewer ? await findReadablePlan(db, workspace, planSlug, viewer) : await findVisiblePlan(db, workspace, planSlug);
  return { workspace, plan, graph: await publicGraph(state, workspace, plan), internal: false };
}

export interface ViewedWorkspace {
  workspace: Workspace;
  /** The workspace's organisations (archived ones too, for names in history), in its order. */
  organisations: Organisation[];
  /** One read model per plan the viewer sees, oldest period first. */
  graphs: PlanGraph[];
  internal: boolean;
}

/**
 * A workspace's organisation pages as this viewer sees them: internal readers see every plan that is not archived
 * (published or not); everyone else the published plans, and no workspace at all when it has none.
 */
export async function workspaceForViewer(state: AppState, viewer: Viewer | null, wsSlug: string): Promise<ViewedWorkspace | null> {
  const db = state.database.db;
  const workspace = await findWorkspace(db, wsSlug);
  const internal = readsInternal(viewer, workspace);
  const plans = internal
    ? await db.select().from(s.plans).where(and(eq(s.plans.workspaceId, workspace.id), isNull(s.plans.archivedAt))).orderBy(asc(s.plans.periodStart))
    : await publishedPlans(db, workspace);
  if (plans.length === 0 && !internal) return null;
  const graphs = await Promise.all(plans.map((plan) => (internal ? internalGraph : publicGraph)(state, workspace, plan)));
  const organisations =
    graphs[0]?.organisations ??
    (await db.select().from(s.organisations).where(eq(s.organisations.workspaceId, workspace.id)).orderBy(asc(s.organisations.position), asc(s.organisations.name)));
  return { workspace, organisations, graphs, internal };
}
