// Ordered lists people rearrange (goals, strategies, statuses, terms …): move one step up or down among the
// siblings that are not archived, and archive instead of delete so what referred to a row stays readable.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client.ts";
import { NotFound } from "../../domain/errors.ts";
import type { VersionedTable } from "./rows.ts";

/** The ordered tables and the column that groups siblings (the list a row is moved within). */
export const ORDER_SCOPES = {
  goal: "plan_id",
  strategy: "goal_id",
  goal_prerequisite: "goal_id",
  taxonomy: "plan_id",
  term: "taxonomy_id",
  follow_up_status: "plan_id",
  need: "goal_id",
  organisation: "workspace_id",
} as const satisfies Partial<Record<VersionedTable, string>>;
export type OrderedTable = keyof typeof ORDER_SCOPES;

/**
 * Moves the row one place up or down among its siblings and renumbers them 1..n (old data may have ties).
 * Versions are left alone: the order is not part of any row's form, so a move must not make an open form stale.
 * Returns false when it already stands first (up) or last (down). Runs inside the caller's transaction.
 */
export async function moveInOrder(t: Db, table: OrderedTable, id: string, direction: "up" | "down"): Promise<boolean> {
  const scope = sql.identifier(ORDER_SCOPES[table]);
  const name = sql.identifier(table);
  const [row] = await queryRows<{ scope: string }>(t, sql`select ${scope} as scope from ${name} where id = ${id} and archived_at is null`);
  if (!row) throw new NotFound(table);
  const siblings = await queryRows<{ id: string }>(
    t,
    sql`select id from ${name} where ${scope} = ${row.scope} and archived_at is null order by position, created_at, id for update`,
  );
  const ids = siblings.map((s) => s.id);
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return false;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  for (const [index, siblingId] of ids.entries()) {
    await t.execute(sql`update ${name} set position = ${index + 1}, updated_at = now() where id = ${siblingId} and position is distinct from ${index + 1}`);
  }
  return true;
}

/** The position after the last sibling, for a new row. */
export async function nextPosition(t: Db, table: OrderedTable, scopeValue: string): Promise<number> {
  const [row] = await queryRows<{ max: number | null }>(
    t,
    sql`select max(position) as max from ${sql.identifier(table)} where ${sql.identifier(ORDER_SCOPES[table])} = ${scopeValue}`,
  );
  return Number(row?.max ?? 0) + 1;
}

/** Archives (or brings back) a row; returns false when it already was in that state. */
export async function setArchived(t: Db, table: OrderedTable | "activity" | "plan" | "action_plan", id: string, archived: boolean): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    t,
    archived
      ? sql`update ${sql.identifier(table)} set archived_at = now(), version = version + 1, updated_at = now() where id = ${id} and archived_at is null returning id`
      : sql`update ${sql.identifier(table)} set archived_at = null, version = version + 1, updated_at = now() where id = ${id} and archived_at is not null returning id`,
  );
  return rows.length > 0;
}
