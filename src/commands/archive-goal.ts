// Archives a goal: it leaves the plan's lists and forms, but activities and needs under it, old revisions and the
// history keep it (and its number, which no other goal may take while it is archived).
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { goalOfPlan } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function archiveGoal(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "goal", actionPrefix: "goal", find: (t) => goalOfPlan(t, input.planId, input.goalId) }, true);
}
