// Brings back something archived that needs to be in place, in the place it had.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { prerequisiteOfGoal } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function restorePrerequisite(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; prerequisiteId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "goal_prerequisite", actionPrefix: "prerequisite", find: (t) => prerequisiteOfGoal(t, input.planId, input.goalId, input.prerequisiteId, { archived: true }) }, false);
}
