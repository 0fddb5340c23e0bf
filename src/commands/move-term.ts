// Moves a term one place up or down among its taxonomy's live terms.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { termOfTaxonomy } from "../queries/goals-taxonomies.ts";
import { moveShaped } from "./support/shaping.ts";

export function moveTerm(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string; termId: string; direction: "up" | "down" }): Promise<boolean> {
  return moveShaped(db, viewer, { planId: input.planId, table: "term", actionPrefix: "term", find: (t) => termOfTaxonomy(t, input.planId, input.taxonomyId, input.termId) }, input.direction);
}
