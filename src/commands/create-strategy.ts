// Adds a strategy ("Genom att …") to a goal: a title and a paragraph.
import type { Db } from "../db/client.ts";
import { strategies } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { createdChanges, lockPlan, planForShaping } from "./support/shaping.ts";

export const STRATEGY_FIELDS = ["title", "text"] as const;
export type StrategyFields = Record<(typeof STRATEGY_FIELDS)[number], string>;
export const STRATEGY_LIMITS = { title: 300, text: 20000 } as const;

export interface CreateStrategyInput extends StrategyFields {
  planId: string;
  goalId: string;
  confirmedPersonalData: boolean;
}

export function tidyStrategy(input: StrategyFields): StrategyFields {
  return { title: input.title.trim(), text: input.text.trim() };
}

export function checkStrategy(values: StrategyFields, confirmedPersonalData: boolean): Problems {
  return checkTexts(
    [
      { field: "title", value: values.title, max: STRATEGY_LIMITS.title, required: true, requiredKey: "goalsAdmin.strategy.titleMissing" },
      { field: "text", value: values.text, max: STRATEGY_LIMITS.text },
    ],
    confirmedPersonalData,
  );
}

export async function createStrategy(db: Db, viewer: Viewer | null, input: CreateStrategyInput): Promise<{ id: string }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyStrategy(input);
  throwIfProblems(checkStrategy(values, input.confirmedPersonalData));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const goal = await goalOfPlan(t, plan.id, input.goalId);
    const position = await nextPosition(t, "strategy", goal.id);
    const [row] = await t.insert(strategies).values({ workspaceId: goal.workspaceId, goalId: goal.id, position, ...values }).returning({ id: strategies.id });
    const id = row!.id;
    await bumpContentVersion(t, goal.workspaceId);
    await recordAudit(t, {
      workspaceId: goal.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "strategy.created", subjectType: "strategy", subjectId: id,
      changes: createdChanges(values, STRATEGY_FIELDS),
    });
    return { id };
  });
}
