// Commits an import as its preview showed it, with the corrections last chosen: everything in one transaction through
// the ordinary commands (src/import/commit/action-plan.ts), and the import marked committed so it cannot be committed
// twice. A refusal leaves the database as it was and names the measure.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { commitActionPlanImport, type CommitResult } from "../import/commit/action-plan.ts";
import type { Corrections } from "../import/proposal/action-plan.ts";
import type { StoredImport } from "../import/stored.ts";
import type { Plan, Workspace } from "../queries/plan-graph.ts";
import { lockImportDraft } from "./update-import-corrections.ts";

export interface CommitImportDraftInput {
  id: string;
  workspace: Workspace;
  plan: Plan;
  corrections: Corrections;
  confirmedPersonalData: boolean;
}

export async function commitImportDraft(db: Db, viewer: Viewer | null, input: CommitImportDraftInput): Promise<CommitResult> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await lockImportDraft(t, viewer, input.id);
    const stored = row.draft as StoredImport;
    const result = await commitActionPlanImport(t, viewer, {
      workspace: input.workspace, plan: input.plan, organisationId: row.organisationId ?? "", draft: stored.draft, corrections: input.corrections,
      confirmedPersonalData: input.confirmedPersonalData, via: "web", fileName: row.fileName,
    });
    await t.update(s.importDrafts).set({ corrections: input.corrections, committedAt: new Date(), version: row.version + 1, updatedAt: new Date() }).where(eq(s.importDrafts.id, row.id));
    return result;
  });
}
