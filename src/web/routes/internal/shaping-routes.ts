// What the goal and taxonomy routes share: the addresses under a plan's "hantera", the crumbs up to the plan's
// management hub, where a form returns to, and the small POST buttons (move, archive, restore) that run a command,
// leave a confirmation and go back to the page they were pressed on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { h } from "preact";
import { pageContext, type PageContext } from "../../context.ts";
import { sendPage } from "../../forms/send-page.ts";
import { MessagePage } from "../../pages/message-page.tsx";
import type { Crumb } from "../../components/layout.tsx";
import { setFlash } from "../../forms/flash.ts";
import { moveDirection, slugSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { links } from "../../pages/public/links.ts";
import { contentLang } from "../../pages/public/labels.ts";
import type { Viewer } from "../../../domain/roles.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { loadPlanForShaping, parseParams } from "./load.ts";
import { goalName, type PlanWords } from "../../pages/internal/goals/words.ts";
import type { GoalRow } from "../../../queries/goals-taxonomies.ts";

export const planParams = z.object({ ws: slugSchema, plan: slugSchema });
export type PlanParams = z.infer<typeof planParams>;

/** `/:ws/planer/:plan/hantera`: the plan's management hub; goals and taxonomies live under it. */
export const hubPath = (ws: string, plan: string) => `/${ws}/planer/${plan}/hantera`;

export const goalsPath = (ws: string, plan: string) => `${hubPath(ws, plan)}/mal`;
export const goalPath = (ws: string, plan: string, goalId: string) => `${goalsPath(ws, plan)}/${goalId}`;

/** Crumbs down to the goals list (linked) and, when given, one goal (linked) — the page's own label comes last. */
export function goalCrumbs(ctx: PageContext, workspace: Workspace, plan: Plan, words: PlanWords, goal?: GoalRow) {
  const crumbs = [...manageCrumbs(ctx, workspace, plan), { label: words.goals, href: goalsPath(workspace.slug, plan.slug) }];
  if (goal) crumbs.push({ label: goalName(words, goal), href: goalPath(workspace.slug, plan.slug, goal.id) });
  return crumbs;
}

/** A query string that may carry `tillbaka`. */
const backQuery = z.object({ tillbaka: z.string().max(2000).optional() }).catch({ tillbaka: undefined });

/** Where a form opened from another page returns: its `?tillbaka=` if it is a local path, else `fallback`. */
export function backFromQuery(request: FastifyRequest, fallback: string): string {
  return safeReturnPath(backQuery.parse(request.query ?? {}).tillbaka, fallback);
}

/** Where a submitted form returns: its hidden `tillbaka`, if local, else `fallback`. */
export function backFromBody(body: unknown, fallback: string): string {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>).tillbaka : undefined;
  return safeReturnPath(value, fallback);
}

export function manageCrumbs(ctx: PageContext, workspace: Workspace, plan: Plan): Crumb[] {
  return [
    { label: workspace.name, href: `/#${workspace.slug}` },
    { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
    { label: ctx.t("goalsAdmin.crumb.manage"), href: hubPath(workspace.slug, plan.slug) },
  ];
}

/** The language the workspace writes in, when it differs from the page's (for lang on authored text). */
export const authoredLang = (ctx: PageContext, workspace: Workspace) => contentLang(ctx, workspace);

/** A malformed request (a move without a direction): a 400 page that leads back, nothing changed. */
export function sendBadRequest(request: FastifyRequest, reply: FastifyReply, back: string) {
  const ctx = pageContext(request, reply);
  return sendPage(reply, h(MessagePage, {
    ctx, title: ctx.t("goalsAdmin.badRequest.title"), body: ctx.t("goalsAdmin.badRequest.body"), link: { href: back, label: ctx.t("goalsAdmin.badRequest.back") },
  }), 400);
}

export interface RowActionContext<P> {
  params: P;
  viewer: Viewer;
  workspace: Workspace;
  plan: Plan;
}

export interface RowActions<P> {
  /** The row's route, e.g. "/:ws/planer/:plan/hantera/mal/:id". */
  path: string;
  params: z.ZodType<P & PlanParams>;
  /** Where to go back to when the form carries no (local) `tillbaka`. */
  fallback: (c: RowActionContext<P>) => string;
  move: (c: RowActionContext<P>, direction: "up" | "down") => Promise<boolean>;
  archive: (c: RowActionContext<P>) => Promise<boolean>;
  restore: (c: RowActionContext<P>) => Promise<boolean>;
}

const moveBody = z.object({ direction: moveDirection });

/** POST `${path}/flytta` (direction=up|down), `${path}/arkivera` and `${path}/aterstall`, for those who may shape the plan. */
export function registerRowActions<P>(app: FastifyInstance, state: AppState, actions: RowActions<P>) {
  const db = () => state.database.db;
  async function context(request: FastifyRequest): Promise<RowActionContext<P>> {
    const params = parseParams(actions.params, request.params);
    const { viewer, workspace, plan } = await loadPlanForShaping(db(), request, params.ws, params.plan);
    return { params, viewer, workspace, plan };
  }
  async function finish(request: FastifyRequest, reply: FastifyReply, c: RowActionContext<P>, changed: boolean, flash: MessageKey) {
    if (changed) {
      state.cache.invalidate();
      setFlash(reply, flash);
    }
    return reply.redirect(backFromBody(request.body, actions.fallback(c)), 303);
  }

  app.post(`${actions.path}/flytta`, async (request, reply) => {
    const c = await context(request);
    const body = moveBody.safeParse(request.body ?? {});
    if (!body.success) return sendBadRequest(request, reply, backFromBody(request.body, actions.fallback(c)));
    return finish(request, reply, c, await actions.move(c, body.data.direction), "form.moved");
  });
  app.post(`${actions.path}/arkivera`, async (request, reply) => {
    const c = await context(request);
    return finish(request, reply, c, await actions.archive(c), "form.archived");
  });
  app.post(`${actions.path}/aterstall`, async (request, reply) => {
    const c = await context(request);
    return finish(request, reply, c, await actions.restore(c), "form.restored");
  });
}
