// Adds a term to a taxonomy: a name in Swedish, optionally in English, and a description. Its key is derived from the
// name once, unique within the taxonomy, and stays when the term is renamed.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { terms } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { taxonomyOfPlan } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { createdChanges, deriveKey, lockPlan, planForShaping, uniqueKey } from "./support/shaping.ts";

export const TERM_FIELDS = ["name", "nameEn", "description"] as const;
export type TermFields = Record<(typeof TERM_FIELDS)[number], string>;
export const TERM_LIMITS = { name: 200, nameEn: 200, description: 5000 } as const;

export interface CreateTermInput extends TermFields {
  planId: string;
  taxonomyId: string;
  confirmedPersonalData: boolean;
}

export function tidyTerm(input: TermFields): TermFields {
  return { name: input.name.trim(), nameEn: input.nameEn.trim(), description: input.description.trim() };
}

export function checkTerm(values: TermFields, confirmedPersonalData: boolean): Problems {
  return checkTexts(
    [
      { field: "name", value: values.name, max: TERM_LIMITS.name, required: true, requiredKey: "taxonomiesAdmin.term.nameMissing" },
      { field: "nameEn", value: values.nameEn, max: TERM_LIMITS.nameEn },
      { field: "description", value: values.description, max: TERM_LIMITS.description },
    ],
    confirmedPersonalData,
  );
}

/** Inside the transaction: no other live term of the taxonomy has this name (letter case aside). */
export async function checkTermNameFree(t: Db, taxonomyId: string, name: string, exceptId: string | null, problems: Problems): Promise<void> {
  const conditions = [eq(terms.taxonomyId, taxonomyId), isNull(terms.archivedAt), sql`lower(${terms.name}) = lower(${name})`];
  if (exceptId) conditions.push(ne(terms.id, exceptId));
  const [holder] = await t.select({ id: terms.id }).from(terms).where(and(...conditions));
  if (holder) problems.name = { key: "taxonomiesAdmin.term.nameTaken", params: { name } };
}

export const storedTerm = (v: TermFields) => ({ name: v.name, nameEn: v.nameEn || null, description: v.description });

export async function createTerm(db: Db, viewer: Viewer | null, input: CreateTermInput): Promise<{ id: string; key: string }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyTerm(input);
  const problems = checkTerm(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const taxonomy = await taxonomyOfPlan(t, plan.id, input.taxonomyId);
    if (!problems.name) await checkTermNameFree(t, taxonomy.id, values.name, null, problems);
    throwIfProblems(problems);
    const key = await uniqueKey(t, "term", { column: "taxonomy_id", value: taxonomy.id }, deriveKey(values.name, "term"));
    const position = await nextPosition(t, "term", taxonomy.id);
    const [row] = await t
      .insert(terms)
      .values({ workspaceId: taxonomy.workspaceId, taxonomyId: taxonomy.id, key, position, ...storedTerm(values) })
      .returning({ id: terms.id });
    const id = row!.id;
    await bumpContentVersion(t, taxonomy.workspaceId);
    await recordAudit(t, {
      workspaceId: taxonomy.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "term.created", subjectType: "term", subjectId: id,
      changes: [{ field: "key", before: null, after: key }, ...createdChanges(values, TERM_FIELDS)],
    });
    return { id, key };
  });
}
