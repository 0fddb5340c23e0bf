// Row-level steps shared by commands: lock a row and check the version the form was opened at, list the changed
// fields for the audit, bump the workspace's content version (read caches key on it).
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client.ts";
import { workspaces, type FieldChange } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../domain/errors.ts";

/** Tables whose rows carry id, workspace_id and version. Names are fixed here, never taken from input. */
export type VersionedTable =
  | "plan" | "goal" | "strategy" | "goal_prerequisite" | "taxonomy" | "term" | "follow_up_status" | "organisation"
  | "action_plan" | "activity" | "need" | "financing" | "workspace" | "follow_up_round" | "organisation_report" | "activity_report"
  | "dialogue_meeting" | "development_area" | "wheel_event" | "wheel_category" | "group" | "group_member" | "meeting" | "action_item";

/**
 * Locks the row for the rest of the transaction and returns its version and workspace. A stale `version` throws
 * Conflict carrying `current(row)` so the form can show what the other person saved.
 */
export async function lockVersion(t: Db, table: VersionedTable, id: string): Promise<{ version: number; workspaceId: string }> {
  const column = table === "workspace" ? sql`id` : sql`workspace_id`;
  const [row] = await queryRows<{ version: number; workspace_id: string }>(t, sql`select version, ${column} as workspace_id from ${sql.identifier(table)} where id = ${id} for update`);
  if (!row) throw new NotFound(table);
  return { version: Number(row.version), workspaceId: row.workspace_id };
}

/** Throws Conflict when the form was opened at an older version than the row has now. */
export function checkVersion<T>(currentVersion: number, formVersion: number, current: () => T): void {
  if (currentVersion !== formVersion) throw new Conflict<T>(current(), currentVersion);
}

/** The fields whose values differ, as the audit records them (values as text; lists joined). */
export function changesBetween<T extends object>(before: T, after: Partial<T>, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  const show = (v: unknown) => (v === null || v === undefined ? null : Array.isArray(v) ? v.join(", ") : v instanceof Date ? v.toISOString() : String(v));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after)) continue;
    const a = show(before[field]);
    const b = show(after[field]);
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** Every write in a workspace bumps its content version, so caches in every process drop what they hold. */
export async function bumpContentVersion(t: Db, workspaceId: string): Promise<void> {
  await t.update(workspaces).set({ contentVersion: sql`${workspaces.contentVersion} + 1` }).where(eq(workspaces.id, workspaceId));
}
