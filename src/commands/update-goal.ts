// Changes a goal's number, title and text, against the version the form was opened at (a stale one → Conflict with
// what is saved now). The number stays unique within the plan, archived goals included.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { goals } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkGoal, checkGoalNumberFree, GOAL_FIELDS, tidyGoal, type GoalFields } from "./create-goal.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { lockPlan, planForShaping } from "./support/shaping.ts";

export interface UpdateGoalInput extends GoalFields {
  planId: string;
  goalId: string;
  /** The version the form was opened at. */
  version: number;
  confirmedPersonalData: boolean;
}

export async function updateGoal(db: Db, viewer: Viewer | null, input: UpdateGoalInput): Promise<{ version: number; changed: boolean }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyGoal(input);
  const problems = checkGoal(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const goal = await goalOfPlan(t, plan.id, input.goalId);
    const { version } = await lockVersion(t, "goal", goal.id);
    if (!problems.number && values.number !== goal.number) await checkGoalNumberFree(t, plan.id, values.number, goal.id, problems);
    throwIfProblems(problems);
    checkVersion<GoalFields>(version, input.version, () => ({ number: goal.number, title: goal.title, text: goal.text }));
    const changes = changesBetween(goal, values, GOAL_FIELDS);
    if (changes.length === 0) return { version, changed: false };
    await t.update(goals).set({ ...values, version: version + 1, updatedAt: new Date() }).where(eq(goals.id, goal.id));
    await bumpContentVersion(t, goal.workspaceId);
    await recordAudit(t, { workspaceId: goal.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "goal.updated", subjectType: "goal", subjectId: goal.id, changes });
    return { version: version + 1, changed: true };
  });
}
