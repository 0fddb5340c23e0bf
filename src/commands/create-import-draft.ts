// Keeps a recognised upload for its preview: the draft, the file's name and format, for which plan and organisation, by
// whom. Only someone who may write that organisation's action plan may import into it. Audited with the file's name.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import type { StoredImport } from "../import/stored.ts";
import { recordAudit } from "./audit.ts";

export interface CreateImportDraftInput {
  workspaceId: string;
  planId: string;
  organisationId: string;
  fileName: string;
  stored: StoredImport;
}

export async function createImportDraft(db: Db, viewer: Viewer | null, input: CreateImportDraftInput): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "update", { type: "actionPlan", workspaceId: input.workspaceId, organisationId: input.organisationId })) throw new Forbidden();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [organisation] = await t.select({ id: s.organisations.id }).from(s.organisations)
      .where(and(eq(s.organisations.id, input.organisationId), eq(s.organisations.workspaceId, input.workspaceId)));
    if (!organisation) throw new NotFound("organisation");
    const [row] = await t.insert(s.importDrafts).values({
      workspaceId: input.workspaceId, planId: input.planId, organisationId: input.organisationId, userId: viewer.userId,
      fileName: input.fileName, format: input.stored.format, draft: input.stored, corrections: {},
    }).returning({ id: s.importDrafts.id });
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "import.uploaded", subjectType: "import_draft", subjectId: row!.id,
      organisationId: input.organisationId, changes: [{ field: "file", before: null, after: input.fileName }],
    });
    return { id: row!.id };
  });
}
