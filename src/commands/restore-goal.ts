// Brings an archived goal back, in the place it had.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function restoreGoal(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string }): Promise<boolean> {
  return archiveShaped(
    db, viewer, { planId: input.planId, table: "goal", actionPrefix: "goal", find: (t) => goalOfPlan(t, input.planId, input.goalId, { archived: true }) }, false,
  );
}
