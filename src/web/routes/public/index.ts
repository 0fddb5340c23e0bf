// The public pages: start, plan overview, goal, activity, follow-up round, organisations and an organisation.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { NotFound } from "../../../domain/errors.ts";
import { findWorkspace, workspacesWithPublishedPlans } from "../../../queries/find-plan.ts";
import { boardFilterFrom } from "../../../queries/plan-stats.ts";
import { sendCachedPage, planForViewer, workspaceForViewer } from "./page-response.ts";
import { StartPage } from "../../pages/public/start-page.tsx";
import { PlanPage } from "../../pages/public/plan-page.tsx";
import { GoalPage } from "../../pages/public/goal-page.tsx";
import { ActivityPage } from "../../pages/public/activity-page.tsx";
import { RoundPage } from "../../pages/public/round-page.tsx";
import { OrganisationsPage } from "../../pages/public/organisations-page.tsx";
import { OrganisationPage } from "../../pages/public/organisation-page.tsx";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const wsParams = z.object({ ws: slug });
const planParams = wsParams.extend({ plan: slug });
const goalParams = planParams.extend({ goal: z.string().min(1).max(20) });
const activityParams = planParams.extend({ id: z.uuid() });
const roundParams = planParams.extend({ round: slug });
const orgParams = wsParams.extend({ org: slug });

/** Parses route params with zod; anything malformed is simply a page that does not exist. */
function parse<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (!result.success) throw new NotFound("page");
  return result.data;
}

export function registerPublicRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  app.get("/", (request, reply) =>
    sendCachedPage(state, request, reply, async (ctx) => h(StartPage, { ctx, entries: await workspacesWithPublishedPlans(db()) })),
  );

  app.get("/:ws", async (request, reply) => {
    const { ws } = parse(wsParams, request.params);
    const workspace = await findWorkspace(db(), ws);
    return reply.redirect(`/#${workspace.slug}`, 303);
  });

  /** The plan's read model for this visitor: internal for people with a role in the workspace, else public. */
  async function graphFor(request: FastifyRequest, wsSlug: string, planSlug: string) {
    return (await planForViewer(state, request.viewer ?? null, wsSlug, planSlug)).graph;
  }

  app.get("/:ws/planer/:plan", (request, reply) => {
    const p = parse(planParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => h(PlanPage, { ctx, graph: await graphFor(request, p.ws, p.plan) }));
  });

  // The board's filter is in the query string (organisation=<slug>, <taxonomy key>=<term key>), so it can be shared;
  // the page cache keys on the whole URL.
  app.get("/:ws/planer/:plan/mal/:goal", (request, reply) => {
    const p = parse(goalParams, request.params);
    // The filter form sends every select, "Alla" as an empty value: drop those, so the address to share is short.
    const at = request.url.indexOf("?");
    const path = at === -1 ? request.url : request.url.slice(0, at);
    const params = new URLSearchParams(at === -1 ? "" : request.url.slice(at + 1));
    if ([...params.values()].some((v) => v === "")) {
      const kept = new URLSearchParams([...params].filter(([, v]) => v !== ""));
      return reply.redirect(kept.size ? `${path}?${kept.toString()}` : path, 303);
    }
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(request, p.ws, p.plan);
      const goal = graph.goals.find((g) => g.number === p.goal);
      if (!goal) throw new NotFound("goal");
      const query = request.query && typeof request.query === "object" ? (request.query as Record<string, unknown>) : {};
      return h(GoalPage, { ctx, graph, goal, filter: boardFilterFrom(graph, query) });
    });
  });

  app.get("/:ws/planer/:plan/aktiviteter/:id", (request, reply) => {
    const p = parse(activityParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(request, p.ws, p.plan);
      const activity = graph.activities.find((a) => a.id === p.id);
      if (!activity) throw new NotFound("activity");
      return h(ActivityPage, { ctx, graph, activity });
    });
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round", (request, reply) => {
    const p = parse(roundParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(request, p.ws, p.plan);
      const round = graph.rounds.find((r) => r.slug === p.round);
      if (!round) throw new NotFound("round");
      return h(RoundPage, { ctx, graph, round });
    });
  });

  /**
   * Organisation pages are public when the workspace has a published plan; the public sees only published plans.
   * People with a role in the workspace see every plan that is not archived, from the internal read model.
   */
  async function workspaceFor(request: FastifyRequest, wsSlug: string) {
    const viewed = await workspaceForViewer(state, request.viewer ?? null, wsSlug);
    if (!viewed) throw new NotFound("workspace");
    return viewed;
  }

  app.get("/:ws/organisationer", (request, reply) => {
    const p = parse(wsParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const { workspace, organisations, graphs } = await workspaceFor(request, p.ws);
      return h(OrganisationsPage, { ctx, workspace, organisations, graphs });
    });
  });

  app.get("/:ws/organisationer/:org", (request, reply) => {
    const p = parse(orgParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const { workspace, organisations, graphs } = await workspaceFor(request, p.ws);
      const organisation = organisations.find((o) => o.slug === p.org && !o.archivedAt);
      if (!organisation) throw new NotFound("organisation");
      return h(OrganisationPage, { ctx, workspace, organisation, organisations, graphs });
    });
  });
}
