// Brings an archived term back, in the place it had, with its key.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { termOfTaxonomy } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function restoreTerm(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string; termId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "term", actionPrefix: "term", find: (t) => termOfTaxonomy(t, input.planId, input.taxonomyId, input.termId, { archived: true }) }, false);
}
