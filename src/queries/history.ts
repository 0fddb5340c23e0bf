// The audit events of one subject, newest first, with the names of the people who made them.
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEvents, users } from "../db/schema/index.ts";

export interface HistoryEntry {
  at: Date;
  action: string;
  actorName: string | null;
  via: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

export async function historyOf(db: Db, workspaceId: string, subjectType: string, subjectId: string, also?: { subjectType: string; subjectIds: string[] }): Promise<HistoryEntry[]> {
  const own = and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, subjectId));
  const parts = also && also.subjectIds.length ? or(own, and(eq(auditEvents.subjectType, also.subjectType), inArray(auditEvents.subjectId, also.subjectIds))) : own;
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.workspaceId, workspaceId), parts))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
  return rows.map((r) => ({ at: r.event.at, action: r.event.action, actorName: r.actorName, via: r.event.via, changes: r.event.changes }));
}
