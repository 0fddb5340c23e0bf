// Writes one audit event inside the caller's transaction: who, when, what, and each changed field's before and after.
import type { Db } from "../db/client.ts";
import { auditEvents, type FieldChange } from "../db/schema/index.ts";

export interface AuditEntry {
  workspaceId?: string | null;
  actorUserId?: string | null;
  /** "web", "cli", "system" */
  via: string;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  organisationId?: string | null;
  changes?: FieldChange[];
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    workspaceId: entry.workspaceId ?? null,
    actorUserId: entry.actorUserId ?? null,
    via: entry.via,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    organisationId: entry.organisationId ?? null,
    changes: entry.changes ?? [],
  });
}
