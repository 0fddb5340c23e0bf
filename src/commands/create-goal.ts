// Adds a goal to a plan: a number as the plan writes it ("1", "A"), unique within the plan — archived goals keep
// theirs, so a number held by an archived goal is refused with a message that says so — a title and a text.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { goals } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { createdChanges, lockPlan, planForShaping } from "./support/shaping.ts";

export const GOAL_FIELDS = ["number", "title", "text"] as const;
export type GoalFields = Record<(typeof GOAL_FIELDS)[number], string>;
export const GOAL_LIMITS = { number: 20, title: 500, text: 20000 } as const;

/** "1", "3", "A", "1a", "IV", "2.1": letters and digits, parts joined by one of . : - */
const NUMBER = /^[\p{L}\p{N}]+(?:[.:-][\p{L}\p{N}]+)*$/u;

export interface CreateGoalInput extends GoalFields {
  planId: string;
  confirmedPersonalData: boolean;
}

/** The values as stored: the number and the title without surrounding spaces. */
export function tidyGoal(input: GoalFields): GoalFields {
  return { number: input.number.trim(), title: input.title.trim(), text: input.text.trim() };
}

export function checkGoal(values: GoalFields, confirmedPersonalData: boolean): Problems {
  const problems = checkTexts(
    [
      { field: "number", value: values.number, max: GOAL_LIMITS.number, required: true, requiredKey: "goalsAdmin.numberMissing" },
      { field: "title", value: values.title, max: GOAL_LIMITS.title, required: true, requiredKey: "goalsAdmin.titleMissing" },
      { field: "text", value: values.text, max: GOAL_LIMITS.text },
    ],
    confirmedPersonalData,
  );
  if (!problems.number && !NUMBER.test(values.number)) problems.number = { key: "goalsAdmin.numberInvalid" };
  return problems;
}

/** Inside the transaction: the number must be free in the plan, archived goals included. */
export async function checkGoalNumberFree(t: Db, planId: string, number: string, exceptGoalId: string | null, problems: Problems): Promise<void> {
  const where = exceptGoalId
    ? and(eq(goals.planId, planId), eq(goals.number, number), ne(goals.id, exceptGoalId))
    : and(eq(goals.planId, planId), eq(goals.number, number));
  const [holder] = await t.select({ id: goals.id, title: goals.title, archivedAt: goals.archivedAt }).from(goals).where(where);
  if (!holder) return;
  problems.number = holder.archivedAt
    ? { key: "goalsAdmin.numberTakenArchived", params: { number, title: holder.title } }
    : { key: "goalsAdmin.numberTaken", params: { number, title: holder.title } };
}

export async function createGoal(db: Db, viewer: Viewer | null, input: CreateGoalInput): Promise<{ id: string }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyGoal(input);
  const problems = checkGoal(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    // Every problem at once: a taken number is reported together with the other fields' problems.
    if (!problems.number) await checkGoalNumberFree(t, plan.id, values.number, null, problems);
    throwIfProblems(problems);
    const position = await nextPosition(t, "goal", plan.id);
    const [row] = await t.insert(goals).values({ workspaceId: plan.workspaceId, planId: plan.id, position, ...values }).returning({ id: goals.id });
    const id = row!.id;
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "goal.created", subjectType: "goal", subjectId: id,
      changes: createdChanges(values, GOAL_FIELDS),
    });
    return { id };
  });
}

