// Gives a group's calendar feed a new secret address: the old one stops answering at once (a subscriber who should
// no longer see the meetings loses them). The audit records that it happened, never the token.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { newCalendarToken } from "./save-group.ts";

export async function renewCalendarToken(db: Db, viewer: Viewer | null, input: { workspaceId: string; groupId: string }): Promise<{ token: string }> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "manage", { type: "year", workspaceId: input.workspaceId })) throw new Forbidden();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const token = newCalendarToken();
    const updated = await t
      .update(s.groups)
      .set({ calendarToken: token, updatedAt: new Date() })
      .where(and(eq(s.groups.id, input.groupId), eq(s.groups.workspaceId, input.workspaceId)))
      .returning({ id: s.groups.id });
    if (updated.length === 0) throw new NotFound("group");
    await recordAudit(t, { workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "group.calendarRenewed", subjectType: "group", subjectId: input.groupId });
    return { token };
  });
}
