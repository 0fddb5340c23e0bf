// Brings an archived taxonomy back, in the place it had, with its key.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { taxonomyOfPlan } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function restoreTaxonomy(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "taxonomy", actionPrefix: "taxonomy", find: (t) => taxonomyOfPlan(t, input.planId, input.taxonomyId, { archived: true }) }, false);
}
