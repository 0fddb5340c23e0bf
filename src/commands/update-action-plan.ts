// Edits an action plan's texts and period. On an adopted plan every saved change freezes a new revision, so what
// was adopted stays readable beside what it has become.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { actionPlans } from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import type { Plan } from "../queries/plan-graph.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { freezeRevisionIfAdopted } from "./support/action-plan-revision.ts";
import { ACTION_PLAN_TEXT_FIELDS, checkActionPlanTexts, type ActionPlanTexts } from "./support/action-plan-fields.ts";

export interface UpdateActionPlanInput extends ActionPlanTexts {
  actionPlanId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export const actionPlanTexts = (row: typeof actionPlans.$inferSelect): ActionPlanTexts => ({
  title: row.title, periodStart: row.periodStart, periodEnd: row.periodEnd, introduction: row.introduction, howMade: row.howMade,
  steeringGroup: row.steeringGroup,
});

export async function updateActionPlan(
  db: Db, viewer: Viewer | null, plan: Plan, input: UpdateActionPlanInput,
): Promise<{ version: number; changed: boolean; revision: number | null }> {
  if (!viewer) throw new LoginRequired();
  const [found] = await db.select().from(actionPlans).where(and(eq(actionPlans.id, input.actionPlanId), eq(actionPlans.planId, plan.id)));
  if (!found) throw new NotFound("action plan");
  if (!can(viewer, "update", { type: "actionPlan", workspaceId: found.workspaceId, organisationId: found.organisationId })) throw new Forbidden();
  const problems = checkActionPlanTexts(input, input.confirmedPersonalData, { titleRequired: true });

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockVersion(t, "action_plan", found.id);
    const [current] = await t.select().from(actionPlans).where(eq(actionPlans.id, found.id));
    throwIfProblems(problems);
    checkVersion<ActionPlanTexts>(locked.version, input.version, () => actionPlanTexts(current!));
    const next: ActionPlanTexts = {
      title: input.title.trim(), periodStart: input.periodStart.trim(), periodEnd: input.periodEnd.trim(), introduction: input.introduction,
      howMade: input.howMade, steeringGroup: input.steeringGroup,
    };
    const changes = changesBetween(actionPlanTexts(current!), next, ACTION_PLAN_TEXT_FIELDS);
    if (changes.length === 0) return { version: current!.version, changed: false, revision: null };
    const version = current!.version + 1;
    await t.update(actionPlans).set({ ...next, version, updatedAt: new Date() }).where(and(eq(actionPlans.id, found.id), eq(actionPlans.version, current!.version)));
    const revision = await freezeRevisionIfAdopted(t, found.id, viewer.userId);
    if (revision !== null) changes.push({ field: "revision", before: String(revision - 1), after: String(revision) });
    await bumpContentVersion(t, found.workspaceId);
    await recordAudit(t, {
      workspaceId: found.workspaceId, actorUserId: viewer.userId, via: "web", action: "action_plan.updated", subjectType: "action_plan",
      subjectId: found.id, organisationId: found.organisationId, changes,
    });
    return { version, changed: true, revision };
  });
}
