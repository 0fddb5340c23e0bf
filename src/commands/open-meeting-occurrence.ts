// Keeps one occurrence of a recurring meeting as its own row, so it can get minutes, decisions and action items (and
// move on its own): a copy of the series at that start, remembered as the start it replaces. Opening it again
// returns the same row.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { meetingOccurrences } from "../wheel/recurrence.ts";
import { recordAudit } from "./audit.ts";
import { bumpContentVersion } from "./support/rows.ts";

export async function openMeetingOccurrence(db: Db, viewer: Viewer | null, input: { groupId: string; seriesId: string; start: Date }): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [series] = await t.select().from(s.meetings).where(and(eq(s.meetings.id, input.seriesId), eq(s.meetings.groupId, input.groupId)));
    if (!series?.rrule) throw new NotFound("meeting");
    if (!can(viewer, "manage", { type: "year", workspaceId: series.workspaceId })) throw new Forbidden();
    const [existing] = await t
      .select({ id: s.meetings.id })
      .from(s.meetings)
      .where(and(eq(s.meetings.seriesId, series.id), eq(s.meetings.recurrenceStart, input.start)));
    if (existing) return existing;
    const probe = meetingOccurrences(series.startsAt, series.endsAt, series.rrule, input.start, new Date(input.start.getTime() + 60_000), 1);
    const occurrence = probe.occurrences[0];
    if (!occurrence || occurrence.start.getTime() !== input.start.getTime()) throw new NotFound("meeting_occurrence");
    const [row] = await t
      .insert(s.meetings)
      .values({
        workspaceId: series.workspaceId, groupId: series.groupId, seriesId: series.id, recurrenceStart: occurrence.start, title: series.title,
        startsAt: occurrence.start, endsAt: occurrence.end, place: series.place, videoUrl: series.videoUrl, agenda: series.agenda,
      })
      .returning({ id: s.meetings.id });
    await bumpContentVersion(t, series.workspaceId);
    await recordAudit(t, {
      workspaceId: series.workspaceId, actorUserId: viewer.userId, via: "web", action: "meeting.occurrenceOpened", subjectType: "meeting", subjectId: row!.id,
      changes: [{ field: "recurrenceStart", before: null, after: occurrence.start.toISOString() }],
    });
    return { id: row!.id };
  });
}
