// Archives something that needs to be in place: it leaves the goal's page but stays in the history.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { prerequisiteOfGoal } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function archivePrerequisite(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; prerequisiteId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "goal_prerequisite", actionPrefix: "prerequisite", find: (t) => prerequisiteOfGoal(t, input.planId, input.goalId, input.prerequisiteId) }, true);
}
