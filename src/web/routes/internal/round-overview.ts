// The coordinator's overview of a round, and each person's to-do list (helper O).
//   GET /:ws/planer/:plan/uppfoljning/:round/oversikt?mal=<goal id>
//   GET /:ws/att-gora
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { slugSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { RoundOverviewPage } from "../../pages/internal/follow-up/round-overview-page.tsx";
import { ToDoPage } from "../../pages/internal/follow-up/to-do-page.tsx";
import { Forbidden } from "../../../domain/errors.ts";
import { localDate } from "../../../domain/local-date.ts";
import { can } from "../../../policies/can.ts";
import { roundOverview } from "../../../queries/round-overview.ts";
import { findRound } from "../../../queries/organisation-report.ts";
import { toDoFor } from "../../../queries/to-do.ts";
import { actionItems } from "../../../queries/groups.ts";
import { optionalId } from "./activity.ts";
import { loadPlanInternal, loadWorkspaceInternal, parseParams } from "./load.ts";

const roundParams = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema });
/** `mal`: a goal id; empty = all goals; malformed → 404; a well-formed id that is not the plan's goal is ignored with a notice. */
const overviewQuery = z.object({ mal: optionalId });
const workspaceParams = z.object({ ws: slugSchema });

export function registerRoundOverviewRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  app.get("/:ws/planer/:plan/uppfoljning/:round/oversikt", async (request, reply) => {
    const p = parseParams(roundParams, request.params);
    const query = parseParams(overviewQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const subject = { type: "followUp" as const, workspaceId: workspace.id };
    if (!can(viewer, "read", subject)) throw new Forbidden();
    const round = await findRound(db(), plan.id, p.round);
    const overview = await roundOverview(db(), plan, round, query.mal ?? null, localDate());
    const ctx = pageContext(request, reply);
    return sendPage(reply, h(RoundOverviewPage, {
      ctx, workspace, plan, overview, unknownGoal: !!query.mal && !overview.goal,
      canManage: can(viewer, "manageRounds", subject), canRemind: can(viewer, "sendReminders", subject),
    }));
  });

  app.get("/:ws/att-gora", async (request, reply) => {
    const p = parseParams(workspaceParams, request.params);
    const { viewer, workspace } = await loadWorkspaceInternal(db(), request, p.ws);
    if (!can(viewer, "read", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    const [toDo, items] = await Promise.all([
      toDoFor(db(), viewer, workspace, localDate()),
      actionItems(db(), { workspaceId: workspace.id, ownerUserId: viewer.userId, openOnly: true }),
    ]);
    return sendPage(reply, h(ToDoPage, { ctx: pageContext(request, reply), workspace, toDo, actionItems: items }));
  });
}
