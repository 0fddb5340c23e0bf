// Marks an action item done, or open again: its owner or a coordinator; a stale form (someone else changed it) is
// a conflict; the audit records when.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { bumpContentVersion, checkVersion, lockVersion } from "./support/rows.ts";

export async function setActionItemDone(db: Db, viewer: Viewer | null, input: { itemId: string; done: boolean; version: number }): Promise<{ version: number }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockVersion(t, "action_item", input.itemId);
    const [item] = await t.select().from(s.actionItems).where(eq(s.actionItems.id, input.itemId));
    if (!item) throw new NotFound("action_item");
    if (!can(viewer, "completeItem", { type: "year", workspaceId: item.workspaceId, ownerUserId: item.ownerUserId })) throw new Forbidden();
    checkVersion(item.version, input.version, () => ({ done: !!item.doneAt }));
    if (!!item.doneAt === input.done) return { version: item.version };
    const doneAt = input.done ? new Date() : null;
    const version = item.version + 1;
    await t.update(s.actionItems).set({ doneAt, version, updatedAt: new Date() }).where(eq(s.actionItems.id, item.id));
    await bumpContentVersion(t, item.workspaceId);
    await recordAudit(t, {
      workspaceId: item.workspaceId, actorUserId: viewer.userId, via: "web", action: input.done ? "actionItem.done" : "actionItem.reopened",
      subjectType: "actionItem", subjectId: item.id, changes: [{ field: "doneAt", before: item.doneAt?.toISOString() ?? null, after: doneAt?.toISOString() ?? null }],
    });
    return { version };
  });
}
