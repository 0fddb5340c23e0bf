// Brings an archived strategy back, in the place it had.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { strategyOfGoal } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function restoreStrategy(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; strategyId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "strategy", actionPrefix: "strategy", find: (t) => strategyOfGoal(t, input.planId, input.goalId, input.strategyId, { archived: true }) }, false);
}
