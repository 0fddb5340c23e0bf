// Adds a development area (utvecklingsområde) agreed at a dialogue meeting: one line of text through the
// personal-data guard, placed last, audited — in one transaction. The meeting's own version is left alone, so an
// open edit form of the meeting does not go stale.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { areaText, DIALOGUE_LIMITS } from "./support/dialogue-input.ts";
import { bumpContentVersion, lockVersion } from "./support/rows.ts";

export interface AddDevelopmentAreaInput {
  planId: string;
  meetingId: string;
  text: string;
  confirmedPersonalData: boolean;
}

export async function addDevelopmentArea(db: Db, viewer: Viewer | null, input: AddDevelopmentAreaInput): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  const text = areaText(input.text);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // Locking the meeting puts two people adding at once one after the other, so positions stay distinct.
    await lockVersion(t, "dialogue_meeting", input.meetingId);
    const [meeting] = await t
      .select()
      .from(s.dialogueMeetings)
      .where(and(eq(s.dialogueMeetings.id, input.meetingId), eq(s.dialogueMeetings.planId, input.planId)));
    if (!meeting) throw new NotFound("dialogue_meeting");
    if (!can(viewer, "manageDialogue", { type: "followUp", workspaceId: meeting.workspaceId })) throw new Forbidden();
    throwIfProblems(
      checkTexts([{ field: "areaText", value: text, max: DIALOGUE_LIMITS.area, required: true, requiredKey: "dialogue.area.textMissing" }], input.confirmedPersonalData),
    );
    const [last] = await t
      .select({ max: sql<number | null>`max(${s.developmentAreas.position})` })
      .from(s.developmentAreas)
      .where(eq(s.developmentAreas.dialogueMeetingId, meeting.id));
    const [row] = await t
      .insert(s.developmentAreas)
      .values({ workspaceId: meeting.workspaceId, dialogueMeetingId: meeting.id, position: Number(last?.max ?? 0) + 1, text })
      .returning({ id: s.developmentAreas.id });
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "developmentArea.added", subjectType: "developmentArea",
      subjectId: row!.id, changes: [{ field: "meeting", before: null, after: meeting.title }, { field: "text", before: null, after: text }],
    });
    return { id: row!.id };
  });
}
