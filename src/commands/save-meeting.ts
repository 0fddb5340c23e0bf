// Plans a group's meeting or changes it: every problem at once, a warning (saved once confirmed) when it overlaps
// another meeting of the group, optimistic concurrency on `version`, one audit event with each changed field — in
// one transaction. A series' occurrence kept as its own row changes only itself and cannot recur.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { choiceFromRule } from "../wheel/recurrence-choice.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { meetingFieldProblems, meetingFormFields, overlappingMeeting, type MeetingFields, type ResolvedMeetingFields } from "./support/meeting-input.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface SaveMeetingInput extends MeetingFields {
  groupId: string;
  /** Absent: a new meeting. */
  meetingId?: string;
  /** The version the form was opened at (updates). */
  version?: number;
  confirmedPersonalData: boolean;
  confirmedOverlap: boolean;
}

const AUDITED = ["title", "startsAt", "endsAt", "place", "videoUrl", "agenda", "rrule"] as const;
type Audited = Record<(typeof AUDITED)[number], string | Date | null>;
const auditView = (m: ResolvedMeetingFields): Audited => ({
  title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, place: m.place || null, videoUrl: m.videoUrl, agenda: m.agenda || null, rrule: m.rrule,
});

export async function saveMeeting(db: Db, viewer: Viewer | null, input: SaveMeetingInput): Promise<{ id: string; version: number }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [group] = await t.select().from(s.groups).where(eq(s.groups.id, input.groupId));
    if (!group || group.archivedAt) throw new NotFound("group");
    if (!can(viewer, "manage", { type: "year", workspaceId: group.workspaceId })) throw new Forbidden();
    let current: typeof s.meetings.$inferSelect | undefined;
    if (input.meetingId) {
      await lockVersion(t, "meeting", input.meetingId);
      [current] = await t.select().from(s.meetings).where(and(eq(s.meetings.id, input.meetingId), eq(s.meetings.groupId, group.id)));
      if (!current) throw new NotFound("meeting");
    }
    const { problems, resolved } = meetingFieldProblems(input, input.confirmedPersonalData, !current?.seriesId);
    if (resolved && !input.confirmedOverlap) {
      const overlap = await overlappingMeeting(t, group.id, resolved, current ? [current.id] : []);
      if (overlap) {
        problems.startTime = { key: "meeting.form.overlap", params: overlap };
        problems.confirmOverlap = { key: "meeting.form.overlapConfirm" };
      }
    }
    throwIfProblems(problems);
    const fields = resolved!;
    if (current) {
      const before = current;
      checkVersion(before.version, input.version ?? 0, () => meetingFormFields(before, choiceFromRule(before.rrule)));
      const changes = changesBetween<Audited>(auditView({ ...before, rrule: before.rrule }), auditView(fields), AUDITED);
      if (changes.length === 0) return { id: before.id, version: before.version };
      const version = before.version + 1;
      await t.update(s.meetings).set({ ...fields, version, updatedAt: new Date() }).where(eq(s.meetings.id, before.id));
      await bumpContentVersion(t, group.workspaceId);
      await recordAudit(t, { workspaceId: group.workspaceId, actorUserId: viewer.userId, via: "web", action: "meeting.updated", subjectType: "meeting", subjectId: before.id, changes });
      return { id: before.id, version };
    }
    const [row] = await t.insert(s.meetings).values({ workspaceId: group.workspaceId, groupId: group.id, ...fields }).returning({ id: s.meetings.id });
    const empty: Audited = { title: null, startsAt: null, endsAt: null, place: null, videoUrl: null, agenda: null, rrule: null };
    await bumpContentVersion(t, group.workspaceId);
    await recordAudit(t, {
      workspaceId: group.workspaceId, actorUserId: viewer.userId, via: "web", action: "meeting.created", subjectType: "meeting", subjectId: row!.id,
      changes: changesBetween<Audited>(empty, auditView(fields), AUDITED),
    });
    return { id: row!.id, version: 1 };
  });
}
