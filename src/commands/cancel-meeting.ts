// Cancels a meeting (a single one, one kept occurrence of a series, or a whole series) or takes the cancellation
// back. A cancelled meeting stays for the record: it leaves the wheel and the coming meetings, and calendar feeds
// mark it CANCELLED so subscribers' calendars drop it. Optimistic concurrency and the audit, in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { bumpContentVersion, checkVersion, lockVersion } from "./support/rows.ts";

export async function setMeetingCancelled(
  db: Db,
  viewer: Viewer | null,
  input: { groupId: string; meetingId: string; cancelled: boolean; version: number },
): Promise<{ version: number }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockVersion(t, "meeting", input.meetingId);
    const [meeting] = await t.select().from(s.meetings).where(and(eq(s.meetings.id, input.meetingId), eq(s.meetings.groupId, input.groupId)));
    if (!meeting) throw new NotFound("meeting");
    if (!can(viewer, "manage", { type: "year", workspaceId: meeting.workspaceId })) throw new Forbidden();
    checkVersion(meeting.version, input.version, () => ({ cancelled: !!meeting.cancelledAt }));
    if (!!meeting.cancelledAt === input.cancelled) return { version: meeting.version };
    const cancelledAt = input.cancelled ? new Date() : null;
    const version = meeting.version + 1;
    await t.update(s.meetings).set({ cancelledAt, version, updatedAt: new Date() }).where(eq(s.meetings.id, meeting.id));
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: input.cancelled ? "meeting.cancelled" : "meeting.reinstated",
      subjectType: "meeting", subjectId: meeting.id, changes: [{ field: "cancelledAt", before: meeting.cancelledAt?.toISOString() ?? null, after: cancelledAt?.toISOString() ?? null }],
    });
    return { version };
  });
}
