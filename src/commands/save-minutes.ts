// Saves a meeting's minutes and decisions: the personal-data guard, optimistic concurrency, one audit event. A
// recurring series has no minutes of its own: each occurrence gets them once it is opened.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { MEETING_LIMITS } from "./support/meeting-input.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface MinutesFields {
  minutes: string;
  decisions: string;
}

export async function saveMinutes(
  db: Db,
  viewer: Viewer | null,
  input: MinutesFields & { groupId: string; meetingId: string; version: number; confirmedPersonalData: boolean },
): Promise<{ version: number }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockVersion(t, "meeting", input.meetingId);
    const [meeting] = await t.select().from(s.meetings).where(and(eq(s.meetings.id, input.meetingId), eq(s.meetings.groupId, input.groupId)));
    if (!meeting) throw new NotFound("meeting");
    if (!can(viewer, "manage", { type: "year", workspaceId: meeting.workspaceId })) throw new Forbidden();
    if (meeting.rrule) throw new Invalid({ minutes: { key: "meeting.minutes.seriesHasNone" } });
    throwIfProblems(
      checkTexts(
        [
          { field: "minutes", value: input.minutes, max: MEETING_LIMITS.minutes },
          { field: "decisions", value: input.decisions, max: MEETING_LIMITS.decisions },
        ],
        input.confirmedPersonalData,
      ),
    );
    checkVersion<MinutesFields>(meeting.version, input.version, () => ({ minutes: meeting.minutes, decisions: meeting.decisions }));
    const after = { minutes: input.minutes.trimEnd(), decisions: input.decisions.trimEnd() };
    const changes = changesBetween<MinutesFields>(meeting, after, ["minutes", "decisions"]);
    if (changes.length === 0) return { version: meeting.version };
    const version = meeting.version + 1;
    await t.update(s.meetings).set({ ...after, version, updatedAt: new Date() }).where(eq(s.meetings.id, meeting.id));
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, { workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "meeting.minutesSaved", subjectType: "meeting", subjectId: meeting.id, changes });
    return { version };
  });
}
