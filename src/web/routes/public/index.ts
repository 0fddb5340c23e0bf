// The public pages: start, plan overview, goal, activity, follow-up round, organisations and an organisation.
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { NotFound } from "../../../domain/errors.ts";
import { findVisiblePlan, findWorkspace, publishedPlans, workspacesWithPublishedPlans } from "../../../queries/find-plan.ts";
import { sendCachedPage, publicGraph } from "./page-response.ts";
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

  async function graphFor(wsSlug: string, planSlug: string) {
    const workspace = await findWorkspace(db(), wsSlug);
    const plan = await findVisiblePlan(db(), workspace, planSlug);
    return publicGraph(state, workspace, plan);
  }

  app.get("/:ws/planer/:plan", (request, reply) => {
    const p = parse(planParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => h(PlanPage, { ctx, graph: await graphFor(p.ws, p.plan) }));
  });

  app.get("/:ws/planer/:plan/mal/:goal", (request, reply) => {
    const p = parse(goalParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(p.ws, p.plan);
      const goal = graph.goals.find((g) => g.number === p.goal);
      if (!goal) throw new NotFound("goal");
      return h(GoalPage, { ctx, graph, goal });
    });
  });

  app.get("/:ws/planer/:plan/aktiviteter/:id", (request, reply) => {
    const p = parse(activityParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(p.ws, p.plan);
      const activity = graph.activities.find((a) => a.id === p.id);
      if (!activity) throw new NotFound("activity");
      return h(ActivityPage, { ctx, graph, activity });
    });
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round", (request, reply) => {
    const p = parse(roundParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const graph = await graphFor(p.ws, p.plan);
      const round = graph.rounds.find((r) => r.slug === p.round);
      if (!round) throw new NotFound("round");
      return h(RoundPage, { ctx, graph, round });
    });
  });

  /** Organisation pages are public when the workspace has a published plan; they show only published plans. */
  async function publicWorkspace(wsSlug: string) {
    const workspace = await findWorkspace(db(), wsSlug);
    const plans = await publishedPlans(db(), workspace);
    if (plans.length === 0) throw new NotFound("workspace");
    const graphs = await Promise.all(plans.map((plan) => publicGraph(state, workspace, plan)));
    return { workspace, graphs };
  }

  app.get("/:ws/organisationer", (request, reply) => {
    const p = parse(wsParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const { workspace, graphs } = await publicWorkspace(p.ws);
      return h(OrganisationsPage, { ctx, workspace, organisations: graphs[0]!.organisations, graphs });
    });
  });

  app.get("/:ws/organisationer/:org", (request, reply) => {
    const p = parse(orgParams, request.params);
    return sendCachedPage(state, request, reply, async (ctx) => {
      const { workspace, graphs } = await publicWorkspace(p.ws);
      const organisation = graphs[0]!.organisations.find((o) => o.slug === p.org && !o.archivedAt);
      if (!organisation) throw new NotFound("organisation");
      return h(OrganisationPage, { ctx, workspace, organisation, graphs });
    });
  });
}
