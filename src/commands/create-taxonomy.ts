// Adds a taxonomy to a plan (focus areas, target groups, prevention levels …): a name in Swedish, optionally in
// English, and whether an activity may carry several of its terms. Its key is derived from the name once and never
// changes, so software that looks for a key (activity_kind, focus_area …) keeps finding it after a rename.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { taxonomies } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { createdChanges, deriveKey, lockPlan, planForShaping, uniqueKey } from "./support/shaping.ts";

export const TAXONOMY_FIELDS = ["name", "nameEn", "multiple"] as const;
export interface TaxonomyFields {
  name: string;
  /** "" when there is none. */
  nameEn: string;
  multiple: boolean;
}
export const TAXONOMY_LIMITS = { name: 200, nameEn: 200 } as const;

export interface CreateTaxonomyInput extends TaxonomyFields {
  planId: string;
  confirmedPersonalData: boolean;
}

export function tidyTaxonomy(input: TaxonomyFields): TaxonomyFields {
  return { name: input.name.trim(), nameEn: input.nameEn.trim(), multiple: input.multiple };
}

export function checkTaxonomy(values: TaxonomyFields, confirmedPersonalData: boolean): Problems {
  return checkTexts(
    [
      { field: "name", value: values.name, max: TAXONOMY_LIMITS.name, required: true, requiredKey: "taxonomiesAdmin.nameMissing" },
      { field: "nameEn", value: values.nameEn, max: TAXONOMY_LIMITS.nameEn },
    ],
    confirmedPersonalData,
  );
}

/** Inside the transaction: no other live taxonomy of the plan has this name (letter case aside). */
export async function checkTaxonomyNameFree(t: Db, planId: string, name: string, exceptId: string | null, problems: Problems): Promise<void> {
  const conditions = [eq(taxonomies.planId, planId), isNull(taxonomies.archivedAt), sql`lower(${taxonomies.name}) = lower(${name})`];
  if (exceptId) conditions.push(ne(taxonomies.id, exceptId));
  const [holder] = await t.select({ id: taxonomies.id }).from(taxonomies).where(and(...conditions));
  if (holder) problems.name = { key: "taxonomiesAdmin.nameTaken", params: { name } };
}

/** The stored form: "" for no English name is kept as null. */
export const storedTaxonomy = (v: TaxonomyFields) => ({ name: v.name, nameEn: v.nameEn || null, multiple: v.multiple });

export async function createTaxonomy(db: Db, viewer: Viewer | null, input: CreateTaxonomyInput): Promise<{ id: string; key: string }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyTaxonomy(input);
  const problems = checkTaxonomy(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    if (!problems.name) await checkTaxonomyNameFree(t, plan.id, values.name, null, problems);
    throwIfProblems(problems);
    const key = await uniqueKey(t, "taxonomy", { column: "plan_id", value: plan.id }, deriveKey(values.name, "taxonomy"));
    const position = await nextPosition(t, "taxonomy", plan.id);
    const [row] = await t
      .insert(taxonomies)
      .values({ workspaceId: plan.workspaceId, planId: plan.id, key, position, ...storedTaxonomy(values) })
      .returning({ id: taxonomies.id });
    const id = row!.id;
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "taxonomy.created", subjectType: "taxonomy", subjectId: id,
      changes: [{ field: "key", before: null, after: key }, ...createdChanges(values, TAXONOMY_FIELDS)],
    });
    return { id, key };
  });
}
