// The wheel's categories (one ring each): add one, rename or recolour it, and remove it — a category that events
// use is archived instead (they keep it; no new event can choose it), an unused one is deleted. With the audit.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { keyFromName, uniqueKey } from "../domain/derived-key.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween } from "./support/rows.ts";

export interface CategoryFields {
  name: string;
  /** #rrggbb */
  colour: string;
}

function guard(viewer: Viewer | null, workspaceId: string): Viewer {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "manage", { type: "year", workspaceId })) throw new Forbidden();
  return viewer;
}

export async function saveWheelCategory(
  db: Db,
  viewer: Viewer | null,
  input: CategoryFields & { workspaceId: string; categoryId?: string; confirmedPersonalData: boolean },
): Promise<{ id: string }> {
  const actor = guard(viewer, input.workspaceId);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const all = await t.select().from(s.wheelCategories).where(eq(s.wheelCategories.workspaceId, input.workspaceId));
    const current = input.categoryId ? all.find((c) => c.id === input.categoryId) : undefined;
    if (input.categoryId && !current) throw new NotFound("wheel_category");
    const problems = checkTexts([{ field: "name", value: input.name, max: 80, required: true }], input.confirmedPersonalData);
    const name = input.name.trim();
    if (!problems.name && all.some((c) => c.id !== current?.id && !c.archivedAt && c.name.toLowerCase() === name.toLowerCase())) problems.name = { key: "wheel.category.nameTaken" };
    const colour = input.colour.trim().toLowerCase();
    if (!/^#[0-9a-f]{6}$/.test(colour)) problems.colour = { key: "wheel.category.colourInvalid" };
    throwIfProblems(problems);
    if (current) {
      const changes = changesBetween<CategoryFields>(current, { name, colour }, ["name", "colour"]);
      if (changes.length === 0) return { id: current.id };
      await t.update(s.wheelCategories).set({ name, colour, version: current.version + 1, updatedAt: new Date() }).where(eq(s.wheelCategories.id, current.id));
      await bumpContentVersion(t, input.workspaceId);
      await recordAudit(t, { workspaceId: input.workspaceId, actorUserId: actor.userId, via: "web", action: "wheelCategory.updated", subjectType: "wheelCategory", subjectId: current.id, changes });
      return { id: current.id };
    }
    const key = uniqueKey(keyFromName(name, 40) || "kategori", new Set(all.map((c) => c.key)));
    const [row] = await t
      .insert(s.wheelCategories)
      .values({ workspaceId: input.workspaceId, key, name, colour, position: all.reduce((max, c) => Math.max(max, c.position + 1), 0) })
      .returning({ id: s.wheelCategories.id });
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: actor.userId, via: "web", action: "wheelCategory.created", subjectType: "wheelCategory", subjectId: row!.id,
      changes: [{ field: "name", before: null, after: name }, { field: "colour", before: null, after: colour }],
    });
    return { id: row!.id };
  });
}

/** Deletes an unused category; archives one that events use (they keep it). Says which, with the number of events. */
export async function removeWheelCategory(db: Db, viewer: Viewer | null, input: { workspaceId: string; categoryId: string }): Promise<{ archived: boolean; usedBy: number }> {
  const actor = guard(viewer, input.workspaceId);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [category] = await t
      .select()
      .from(s.wheelCategories)
      .where(and(eq(s.wheelCategories.id, input.categoryId), eq(s.wheelCategories.workspaceId, input.workspaceId)));
    if (!category) throw new NotFound("wheel_category");
    const events = await t.select({ archivedAt: s.wheelEvents.archivedAt }).from(s.wheelEvents).where(eq(s.wheelEvents.categoryId, category.id));
    const usedBy = events.filter((e) => !e.archivedAt).length;
    const archived = events.length > 0;
    if (archived) await t.update(s.wheelCategories).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(s.wheelCategories.id, category.id));
    else await t.delete(s.wheelCategories).where(eq(s.wheelCategories.id, category.id));
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: actor.userId, via: "web", action: archived ? "wheelCategory.archived" : "wheelCategory.deleted",
      subjectType: "wheelCategory", subjectId: category.id, changes: [{ field: "name", before: category.name, after: null }],
    });
    return { archived, usedBy };
  });
}

/** Brings an archived category back. */
export async function restoreWheelCategory(db: Db, viewer: Viewer | null, input: { workspaceId: string; categoryId: string }): Promise<void> {
  const actor = guard(viewer, input.workspaceId);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const restored = await t
      .update(s.wheelCategories)
      .set({ archivedAt: null, updatedAt: new Date() })
      .where(and(eq(s.wheelCategories.id, input.categoryId), eq(s.wheelCategories.workspaceId, input.workspaceId)))
      .returning({ name: s.wheelCategories.name });
    if (restored.length === 0) throw new NotFound("wheel_category");
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: actor.userId, via: "web", action: "wheelCategory.restored", subjectType: "wheelCategory", subjectId: input.categoryId,
      changes: [{ field: "name", before: null, after: restored[0]!.name }],
    });
  });
}
