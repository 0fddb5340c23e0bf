// Renames a term or changes its description, against the version the form was opened at. The key stays as it is.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { terms } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { termOfTaxonomy } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkTerm, checkTermNameFree, storedTerm, TERM_FIELDS, tidyTerm, type TermFields } from "./create-term.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { lockPlan, planForShaping } from "./support/shaping.ts";

export interface UpdateTermInput extends TermFields {
  planId: string;
  taxonomyId: string;
  termId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export async function updateTerm(db: Db, viewer: Viewer | null, input: UpdateTermInput): Promise<{ version: number; changed: boolean }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyTerm(input);
  const problems = checkTerm(values, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const term = await termOfTaxonomy(t, plan.id, input.taxonomyId, input.termId);
    const { version } = await lockVersion(t, "term", term.id);
    const saved: TermFields = { name: term.name, nameEn: term.nameEn ?? "", description: term.description };
    if (!problems.name && values.name.toLowerCase() !== term.name.toLowerCase()) await checkTermNameFree(t, term.taxonomyId, values.name, term.id, problems);
    throwIfProblems(problems);
    checkVersion<TermFields>(version, input.version, () => saved);
    const changes = changesBetween(saved, values, TERM_FIELDS);
    if (changes.length === 0) return { version, changed: false };
    await t.update(terms).set({ ...storedTerm(values), version: version + 1, updatedAt: new Date() }).where(eq(terms.id, term.id));
    await bumpContentVersion(t, term.workspaceId);
    await recordAudit(t, {
      workspaceId: term.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "term.updated", subjectType: "term", subjectId: term.id, changes,
    });
    return { version: version + 1, changed: true };
  });
}
