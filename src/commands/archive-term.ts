// Archives a term: it can no longer be chosen; activities and needs that carry it keep it, and the history keeps it.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { termOfTaxonomy } from "../queries/goals-taxonomies.ts";
import { archiveShaped } from "./support/shaping.ts";

export function archiveTerm(db: Db, viewer: Viewer | null, input: { planId: string; taxonomyId: string; termId: string }): Promise<boolean> {
  return archiveShaped(db, viewer, { planId: input.planId, table: "term", actionPrefix: "term", find: (t) => termOfTaxonomy(t, input.planId, input.taxonomyId, input.termId) }, true);
}
