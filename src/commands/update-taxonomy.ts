// Renames a taxonomy or changes whether an activity may carry several of its terms, against the version the form
// was opened at. The key stays as it is. "Only one" is refused while some activity or need carries several.
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client.ts";
import { taxonomies } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { taxonomyOfPlan } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkTaxonomy, checkTaxonomyNameFree, storedTaxonomy, TAXONOMY_FIELDS, tidyTaxonomy, type TaxonomyFields } from "./create-taxonomy.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { lockPlan, planForShaping } from "./support/shaping.ts";

export interface UpdateTaxonomyInput extends TaxonomyFields {
  planId: string;
  taxonomyId: string;
  version: number;
  confirmedPersonalData: boolean;
}

/** How many live activities and needs carry more than one live term of the taxonomy. */
async function carryingSeveral(t: Db, taxonomyId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t, sql`
    select (
      select count(*) from (
        select at.activity_id from activity_term at
        join term x on x.id = at.term_id and x.taxonomy_id = ${taxonomyId} and x.archived_at is null
        join activity a on a.id = at.activity_id and a.archived_at is null
        group by at.activity_id having count(*) > 1) several_a
    ) + (
      select count(*) from (
        select nt.need_id from need_term nt
        join term x on x.id = nt.term_id and x.taxonomy_id = ${taxonomyId} and x.archived_at is null
        join need n on n.id = nt.need_id and n.archived_at is null
        group by nt.need_id having count(*) > 1) several_n
    ) as n`);
  return Number(row?.n ?? 0);
}

export async function updateTaxonomy(db: Db, viewer: Viewer | null, input: UpdateTaxonomyInput): Promise<{ version: number; changed: boolean }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyTaxonomy(input);
  const problems = checkTaxonomy(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const taxonomy = await taxonomyOfPlan(t, plan.id, input.taxonomyId);
    const { version } = await lockVersion(t, "taxonomy", taxonomy.id);
    if (!problems.name && values.name.toLowerCase() !== taxonomy.name.toLowerCase()) await checkTaxonomyNameFree(t, plan.id, values.name, taxonomy.id, problems);
    if (taxonomy.multiple && !values.multiple) {
      const count = await carryingSeveral(t, taxonomy.id);
      if (count > 0) problems.multiple = { key: "taxonomiesAdmin.multipleInUse", params: { count } };
    }
    throwIfProblems(problems);
    checkVersion<TaxonomyFields>(version, input.version, () => ({ name: taxonomy.name, nameEn: taxonomy.nameEn ?? "", multiple: taxonomy.multiple }));
    const stored = storedTaxonomy(values);
    const changes = changesBetween({ ...taxonomy, nameEn: taxonomy.nameEn ?? "" }, values, TAXONOMY_FIELDS);
    if (changes.length === 0) return { version, changed: false };
    await t.update(taxonomies).set({ ...stored, version: version + 1, updatedAt: new Date() }).where(eq(taxonomies.id, taxonomy.id));
    await bumpContentVersion(t, taxonomy.workspaceId);
    await recordAudit(t, {
      workspaceId: taxonomy.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "taxonomy.updated", subjectType: "taxonomy", subjectId: taxonomy.id, changes,
    });
    return { version: version + 1, changed: true };
  });
}
