// Moves a goal one place up or down among the plan's live goals.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { moveShaped } from "./support/shaping.ts";

export function moveGoal(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; direction: "up" | "down" }): Promise<boolean> {
  return moveShaped(db, viewer, { planId: input.planId, table: "goal", actionPrefix: "goal", find: (t) => goalOfPlan(t, input.planId, input.goalId) }, input.direction);
}
