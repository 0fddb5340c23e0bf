// Removes an attachment from a report the organisation may still write. Nothing refers to an attachment, so the row
// (with its bytes) is deleted; the report's history keeps its name and SHA-256, so what was there can be told later.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { SECTION_FIELD } from "./add-attachment.ts";
import { writableActivityReport } from "./support/report-access.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface RemoveAttachmentInput {
  activityReportId: string;
  attachmentId: string;
}

export async function removeAttachment(db: Db, viewer: Viewer | null, input: RemoveAttachmentInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { activityReport: ar } = await writableActivityReport(t, viewer, input.activityReportId, SECTION_FIELD);
    const [attachment] = await t
      .select({ id: s.attachments.id, filename: s.attachments.filename, mediaType: s.attachments.mediaType, sizeBytes: s.attachments.sizeBytes, sha256: s.attachments.sha256 })
      .from(s.attachments)
      .where(and(eq(s.attachments.id, input.attachmentId), eq(s.attachments.activityReportId, ar.id)))
      .for("update");
    if (!attachment) throw new NotFound("attachment");
    await t.delete(s.attachments).where(eq(s.attachments.id, attachment.id));
    await bumpContentVersion(t, ar.workspaceId);
    await recordAudit(t, {
      workspaceId: ar.workspaceId, actorUserId: viewer.userId, via: "web", action: "attachment.removed", subjectType: "activity_report", subjectId: ar.id,
      organisationId: ar.organisationId,
      changes: [
        { field: "attachment", before: attachment.filename, after: null },
        { field: "mediaType", before: attachment.mediaType, after: null },
        { field: "sizeBytes", before: attachment.sizeBytes, after: null },
        { field: "sha256", before: attachment.sha256, after: null },
      ],
    });
  });
}
