// Moves something that needs to be in place one place up or down among its goal's live ones.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { prerequisiteOfGoal } from "../queries/goals-taxonomies.ts";
import { moveShaped } from "./support/shaping.ts";

export function movePrerequisite(db: Db, viewer: Viewer | null, input: { planId: string; goalId: string; prerequisiteId: string; direction: "up" | "down" }): Promise<boolean> {
  return moveShaped(db, viewer, { planId: input.planId, table: "goal_prerequisite", actionPrefix: "prerequisite", find: (t) => prerequisiteOfGoal(t, input.planId, input.goalId, input.prerequisiteId) }, input.direction);
}
