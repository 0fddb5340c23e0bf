// Steps shared by the commands that shape a plan's goals and taxonomies: who may (the plan's `update` policy), one
// structure change in a plan at a time (the plan row is locked, so positions and uniqueness checks never race),
// keys derived from names, and moving, archiving and restoring with their audit events.
import { eq, sql } from "drizzle-orm";
import { keyFromName } from "../../domain/derived-key.ts";
import { queryRows, type Db } from "../../db/client.ts";
import { plans, type FieldChange } from "../../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/roles.ts";
import { can } from "../../policies/can.ts";
import { recordAudit } from "../audit.ts";
import { moveInOrder, setArchived, type OrderedTable } from "./order.ts";
import { bumpContentVersion } from "./rows.ts";

export type PlanRow = typeof plans.$inferSelect;

/** The plan, when the viewer may shape it: no viewer → LoginRequired, unknown or archived plan → NotFound, else Forbidden. */
export async function planForShaping(db: Db, viewer: Viewer | null, planId: string): Promise<PlanRow & { viewer: Viewer }> {
  if (!viewer) throw new LoginRequired();
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan || plan.archivedAt) throw new NotFound("plan");
  if (!can(viewer, "update", { type: "plan", workspaceId: plan.workspaceId, published: plan.published })) throw new Forbidden();
  return { ...plan, viewer };
}

/** Holds the plan row for the rest of the transaction: structure changes in one plan happen one after another. */
export async function lockPlan(t: Db, planId: string): Promise<void> {
  await t.execute(sql`select id from plan where id = ${planId} for update`);
}

/** "Målgrupper för insatsen" → "malgrupper_for_insatsen": a stable key for the software, derived once from the name. */
export function deriveKey(name: string, fallback: string): string {
  return keyFromName(name, 50, "_") || fallback;
}

/** `base`, or `base_2`, `base_3` … — the first not held in the scope (archived rows hold their keys too). */
export async function uniqueKey(t: Db, table: "taxonomy" | "term", scope: { column: "plan_id" | "taxonomy_id"; value: string }, base: string): Promise<string> {
  const rows = await queryRows<{ key: string }>(
    t,
    sql`select key from ${sql.identifier(table)} where ${sql.identifier(scope.column)} = ${scope.value} and (key = ${base} or key like ${`${base}\\_%`})`,
  );
  const taken = new Set(rows.map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export interface ShapedItem {
  id: string;
  workspaceId: string;
  position: number;
  archivedAt: Date | null;
}

export interface ShapingStep {
  planId: string;
  table: OrderedTable & ("goal" | "strategy" | "goal_prerequisite" | "taxonomy" | "term");
  /** The audit action's prefix: "goal", "strategy", "prerequisite", "taxonomy", "term". */
  actionPrefix: string;
  /** Finds the row inside the transaction, checking it belongs to the plan (and its parent); throws NotFound. */
  find: (t: Db) => Promise<ShapedItem>;
}

async function positionOf(t: Db, table: string, id: string): Promise<number> {
  const [row] = await queryRows<{ position: number }>(t, sql`select position from ${sql.identifier(table)} where id = ${id}`);
  return Number(row?.position ?? 0);
}

/** Moves a live row one step among its live siblings; false when it already stood first (up) or last (down). */
export async function moveShaped(db: Db, viewer: Viewer | null, step: ShapingStep, direction: "up" | "down"): Promise<boolean> {
  const plan = await planForShaping(db, viewer, step.planId);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const item = await step.find(t);
    if (item.archivedAt) throw new NotFound(step.table);
    const before = await positionOf(t, step.table, item.id);
    const moved = await moveInOrder(t, step.table, item.id, direction);
    if (!moved) return false;
    const after = await positionOf(t, step.table, item.id);
    await bumpContentVersion(t, item.workspaceId);
    await recordAudit(t, {
      workspaceId: item.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: `${step.actionPrefix}.moved`, subjectType: step.table,
      subjectId: item.id, changes: [{ field: "position", before: String(before), after: String(after) }],
    });
    return true;
  });
}

/**
 * Archives (archived = true) or restores a row. Nothing is deleted: what refers to it (activities, needs, old
 * revisions) keeps referring to it. Returns false when it already was in that state.
 */
export async function archiveShaped(db: Db, viewer: Viewer | null, step: ShapingStep, archived: boolean): Promise<boolean> {
  const plan = await planForShaping(db, viewer, step.planId);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const item = await step.find(t);
    const changed = await setArchived(t, step.table, item.id, archived);
    if (!changed) return false;
    const [row] = await queryRows<{ archived_at: Date | string | null }>(t, sql`select archived_at from ${sql.identifier(step.table)} where id = ${item.id}`);
    const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
    await bumpContentVersion(t, item.workspaceId);
    await recordAudit(t, {
      workspaceId: item.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: `${step.actionPrefix}.${archived ? "archived" : "restored"}`,
      subjectType: step.table, subjectId: item.id, changes: [{ field: "archivedAt", before: iso(item.archivedAt), after: iso(row?.archived_at) }],
    });
    return true;
  });
}

/** The audit changes of a new row: each filled-in field, from nothing to its value. */
export function createdChanges<T extends object>(values: T, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  return fields
    .filter((field) => values[field] !== "" && values[field] !== null && values[field] !== undefined)
    .map((field) => ({ field, before: null, after: String(values[field]) }));
}
