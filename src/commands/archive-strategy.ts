// Archives a strategy: activities that serve it keep the link; it leaves the goal's lists and the activity form.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { strategyOfGoal } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function archiveStrategy(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; strategyId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "strategy", actionPrefix: "strategy", find: (t) => strategyOfGoal(t, input.planId, input.goalId, input.strategyId) }, true);
}
