// Saves the preview's corrections of an import (which goal a heading is, which organisation a written name is, which
// measures to leave out) so the preview shows what committing would then do. Only the uploader's organisation's writers.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Conflict, Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import type { Corrections } from "../import/proposal/action-plan.ts";

export type ImportDraftRow = typeof s.importDrafts.$inferSelect;

/** The import's row, locked, for a viewer who may write its organisation's action plan; a committed one is final. */
export async function lockImportDraft(t: Db, viewer: Viewer, id: string): Promise<ImportDraftRow> {
  const [row] = await t.select().from(s.importDrafts).where(eq(s.importDrafts.id, id)).for("update");
  if (!row) throw new NotFound("import");
  if (!can(viewer, "update", { type: "actionPlan", workspaceId: row.workspaceId, organisationId: row.organisationId ?? "" })) throw new Forbidden();
  if (row.committedAt) throw new Conflict(row, row.version);
  return row;
}

export async function updateImportCorrections(db: Db, viewer: Viewer | null, input: { id: string; corrections: Corrections }): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await lockImportDraft(t, viewer, input.id);
    await t.update(s.importDrafts).set({ corrections: input.corrections, version: row.version + 1, updatedAt: new Date() }).where(eq(s.importDrafts.id, row.id));
  });
}
