// Moves a strategy one place up or down among its goal's live strategies.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { strategyOfGoal } from "../queries/goals-taxonomies.ts";
import { moveShaped } from "./support/shaping.ts";

export function moveStrategy(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; strategyId: string; direction: "up" | "down" }): Promise<boolean> {
  return moveShaped(db, viewer, { planId: input.planId, table: "strategy", actionPrefix: "strategy", find: (t) => strategyOfGoal(t, input.planId, input.goalId, input.strategyId) }, input.direction);
}
