// Sends a rendered public page, from the read cache when this exact page (language + URL) has been rendered since the last change.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import { loadPlanGraph, type Plan, type PlanGraph, type Workspace } from "../../../queries/plan-graph.ts";

export async function sendCachedPage(
  state: AppState,
  request: FastifyRequest,
  reply: FastifyReply,
  build: (ctx: PageContext) => Promise<PageNode>,
) {
  // Anonymous visitors share cached pages; a logged-in page carries a name and a form token, so it is rendered
  // for its viewer (from the cached read model) and never stored.
  if (request.viewer) {
    const ctx = pageContext(request, reply);
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(await build(ctx)));
  }
  const ctx = pageContext(request);
  const html = await state.cache.get(`page:${ctx.locale}:${request.url}`, async () => renderDocument(await build(ctx)));
  return reply.type("text/html; charset=utf-8").send(html);
}

/** The public read model of a plan: only accepted reports. */
export function publicGraph(state: AppState, workspace: Workspace, plan: Plan): Promise<PlanGraph> {
  return state.cache.get(`graph:public:${plan.id}`, () => loadPlanGraph(state.database.db, workspace, plan, { includeUnaccepted: false }));
}
