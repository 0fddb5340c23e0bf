// Moves a taxonomy one place up or down among the plan's live taxonomies (the order forms and filters show them in).
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { taxonomyOfPlan } from "../queries/goals-taxonomies.ts";
import { moveShaped } from "./support/shaping.ts";

export function moveTaxonomy(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string; direction: "up" | "down" }): Promise<boolean> {
  return moveShaped(db, viewer, { planId: input.planId, table: "taxonomy", actionPrefix: "taxonomy", find: (t) => taxonomyOfPlan(t, input.planId, input.taxonomyId) }, input.direction);
}
