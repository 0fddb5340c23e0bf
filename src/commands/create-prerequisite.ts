// Adds one thing that "needs to be in place" for a goal to be reached: one text.
import type { Db } from "../db/client.ts";
import { goalPrerequisites } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { createdChanges, lockPlan, planForShaping } from "./support/shaping.ts";

export const PREREQUISITE_FIELDS = ["text"] as const;
export type PrerequisiteFields = Record<(typeof PREREQUISITE_FIELDS)[number], string>;
export const PREREQUISITE_LIMITS = { text: 5000 } as const;

export interface CreatePrerequisiteInput extends PrerequisiteFields {
  planId: string;
  goalId: string;
  confirmedPersonalData: boolean;
}

export function tidyPrerequisite(input: PrerequisiteFields): PrerequisiteFields {
  return { text: input.text.trim() };
}

export function checkPrerequisite(values: PrerequisiteFields, confirmedPersonalData: boolean): Problems {
  return checkTexts(
    [{ field: "text", value: values.text, max: PREREQUISITE_LIMITS.text, required: true, requiredKey: "goalsAdmin.prerequisite.textMissing" }],
    confirmedPersonalData,
  );
}

export async function createPrerequisite(db: Db, viewer: Viewer | null, input: CreatePrerequisiteInput): Promise<{ id: string }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyPrerequisite(input);
  throwIfProblems(checkPrerequisite(values, input.confirmedPersonalData));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const goal = await goalOfPlan(t, plan.id, input.goalId);
    const position = await nextPosition(t, "goal_prerequisite", goal.id);
    const [row] = await t.insert(goalPrerequisites).values({ workspaceId: goal.workspaceId, goalId: goal.id, position, ...values }).returning({ id: goalPrerequisites.id });
    const id = row!.id;
    await bumpContentVersion(t, goal.workspaceId);
    await recordAudit(t, {
      workspaceId: goal.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "prerequisite.created", subjectType: "goal_prerequisite", subjectId: id,
      changes: createdChanges(values, PREREQUISITE_FIELDS),
    });
    return { id };
  });
}
