// Archives a taxonomy: it leaves forms and filters; activities and needs keep their terms, and the history keeps it.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { taxonomyOfPlan } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function archiveTaxonomy(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "taxonomy", actionPrefix: "taxonomy", find: (t) => taxonomyOfPlan(t, input.planId, input.taxonomyId) }, true);
}
