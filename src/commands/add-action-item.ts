// Adds an action item from a meeting's minutes: what to do (with the personal-data guard), an owner who has a role
// in the workspace (the item waits on their "Att göra" list), an optional due date — with the audit.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, isIsoDate, throwIfProblems } from "./support/checks.ts";
import { MEETING_LIMITS } from "./support/meeting-input.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface ActionItemFields {
  text: string;
  ownerUserId: string;
  /** yyyy-mm-dd or "" */
  dueOn: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function addActionItem(
  db: Db,
  viewer: Viewer | null,
  input: ActionItemFields & { groupId: string; meetingId: string; confirmedPersonalData: boolean },
): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [meeting] = await t.select().from(s.meetings).where(and(eq(s.meetings.id, input.meetingId), eq(s.meetings.groupId, input.groupId)));
    if (!meeting) throw new NotFound("meeting");
    if (!can(viewer, "manage", { type: "year", workspaceId: meeting.workspaceId })) throw new Forbidden();
    const problems = checkTexts([{ field: "itemText", value: input.text, max: MEETING_LIMITS.item, required: true }], input.confirmedPersonalData);
    if (meeting.rrule) problems.itemText = { key: "meeting.minutes.seriesHasNone" };
    const dueOn = input.dueOn.trim();
    if (dueOn && (!isIsoDate(dueOn) || dueOn < "2000-01-01" || dueOn > "2199-12-31")) problems.dueOn = { key: "form.dateInvalid" };
    let ownerName = "";
    if (!input.ownerUserId) problems.ownerUserId = { key: "meeting.item.ownerRequired" };
    else if (!UUID.test(input.ownerUserId)) problems.ownerUserId = { key: "form.unknownChoice" };
    else {
      const [owner] = await t
        .select({ name: s.users.name })
        .from(s.users)
        .innerJoin(s.memberships, eq(s.memberships.userId, s.users.id))
        .where(and(eq(s.users.id, input.ownerUserId), eq(s.memberships.workspaceId, meeting.workspaceId)))
        .limit(1);
      if (!owner) problems.ownerUserId = { key: "form.unknownChoice" };
      else ownerName = owner.name;
    }
    throwIfProblems(problems);
    const [row] = await t
      .insert(s.actionItems)
      .values({ workspaceId: meeting.workspaceId, meetingId: meeting.id, text: input.text.trim(), ownerUserId: input.ownerUserId, dueOn: dueOn || null })
      .returning({ id: s.actionItems.id });
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "actionItem.created", subjectType: "actionItem", subjectId: row!.id,
      changes: [
        { field: "text", before: null, after: input.text.trim() },
        { field: "owner", before: null, after: ownerName },
        { field: "dueOn", before: null, after: dueOn || null },
      ],
    });
    return { id: row!.id };
  });
}
