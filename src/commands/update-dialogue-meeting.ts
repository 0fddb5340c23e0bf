// Saves a dialogue meeting's title, date, organisations, participants and notes: every problem at once, optimistic
// concurrency on `version` (a stale form gets the other person's values back), one audit event with each changed
// field's before and after — in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { organisationsOfMeetings, type DialogueMeeting } from "../queries/dialogue-meetings.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { AUDITED_MEETING_FIELDS, meetingAuditView, meetingProblems, type DialogueMeetingFields } from "./support/dialogue-input.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface UpdateDialogueMeetingInput extends DialogueMeetingFields {
  planId: string;
  meetingId: string;
  /** The version the form was opened at. */
  version: number;
  confirmedPersonalData: boolean;
}

/** A meeting as its form shows it (what a conflict hands back). */
export function meetingFields(meeting: DialogueMeeting, organisationIds: readonly string[]): DialogueMeetingFields {
  return {
    title: meeting.title, heldOn: meeting.heldOn, organisationIds: [...organisationIds], participants: meeting.participants, notes: meeting.notes,
  };
}

export async function updateDialogueMeeting(db: Db, viewer: Viewer | null, input: UpdateDialogueMeetingInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockVersion(t, "dialogue_meeting", input.meetingId);
    const [meeting] = await t
      .select()
      .from(s.dialogueMeetings)
      .where(and(eq(s.dialogueMeetings.id, input.meetingId), eq(s.dialogueMeetings.planId, input.planId)));
    if (!meeting) throw new NotFound("dialogue_meeting");
    if (!can(viewer, "manageDialogue", { type: "followUp", workspaceId: meeting.workspaceId })) throw new Forbidden();
    const current = (await organisationsOfMeetings(t, [meeting.id])).get(meeting.id) ?? [];
    const currentIds = current.map((o) => o.id);
    const { problems, resolved } = await meetingProblems(t, meeting.workspaceId, input, input.confirmedPersonalData, currentIds);
    throwIfProblems(problems);
    checkVersion(meeting.version, input.version, () => meetingFields(meeting, currentIds));

    const changes = changesBetween<Record<string, string | null>>(
      meetingAuditView(meeting, current.map((o) => o.name)),
      meetingAuditView(resolved, resolved.organisationNames),
      AUDITED_MEETING_FIELDS,
    );
    if (changes.length === 0) return { version: meeting.version, changed: false };
    const version = meeting.version + 1;
    await t
      .update(s.dialogueMeetings)
      .set({ title: resolved.title, heldOn: resolved.heldOn, participants: resolved.participants, notes: resolved.notes, version, updatedAt: new Date() })
      .where(and(eq(s.dialogueMeetings.id, meeting.id), eq(s.dialogueMeetings.version, meeting.version)));
    const added = resolved.organisationIds.filter((id) => !currentIds.includes(id));
    const removed = currentIds.filter((id) => !resolved.organisationIds.includes(id));
    for (const organisationId of removed) {
      await t
        .delete(s.dialogueMeetingOrganisations)
        .where(and(eq(s.dialogueMeetingOrganisations.dialogueMeetingId, meeting.id), eq(s.dialogueMeetingOrganisations.organisationId, organisationId)));
    }
    if (added.length) {
      await t
        .insert(s.dialogueMeetingOrganisations)
        .values(added.map((organisationId) => ({ workspaceId: meeting.workspaceId, dialogueMeetingId: meeting.id, organisationId })));
    }
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "dialogueMeeting.updated", subjectType: "dialogueMeeting",
      subjectId: meeting.id, organisationId: resolved.organisationIds.length === 1 ? resolved.organisationIds[0] : null, changes,
    });
    return { version, changed: true };
  });
}
