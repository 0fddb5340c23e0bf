// "Gör till behov": a development area agreed at a dialogue meeting becomes a need (behov av insats) under the goal
// chosen. The need is written by the same core as the need form (checks, terms, its own audit), the area keeps the
// link and the need remembers where it came from — all in one transaction. An area that already became a need is
// refused with a message.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { organisationsOfMeetings } from "../queries/dialogue-meetings.ts";
import { recordAudit } from "./audit.ts";
import { insertNeed } from "./create-need.ts";
import { areaGoalField, lockedArea } from "./support/development-area.ts";
import { bumpContentVersion, checkVersion } from "./support/rows.ts";

export interface DevelopmentAreaToNeedInput {
  planId: string;
  meetingId: string;
  areaId: string;
  goalId: string;
  /** The area's version when the page was opened. */
  version: number;
  /** The need's description, in the words of the person's language ("Utvecklingsområde från dialogmötet …"). */
  description: string;
}

export async function developmentAreaToNeed(db: Db, viewer: Viewer | null, input: DevelopmentAreaToNeedInput): Promise<{ needId: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { area, meeting } = await lockedArea(t, input.planId, input.meetingId, input.areaId);
    if (!can(viewer, "manageDialogue", { type: "followUp", workspaceId: meeting.workspaceId })) throw new Forbidden();
    const field = areaGoalField(area.id);
    if (area.needId) throw new Invalid({ [field]: { key: "dialogue.area.alreadyNeed" } });
    checkVersion(area.version, input.version, () => ({ text: area.text }));

    // A meeting with one organisation: the need is that organisation's; a cluster's need is the coordinator's.
    const organisations = ((await organisationsOfMeetings(t, [meeting.id])).get(meeting.id) ?? []).filter((o) => !o.archivedAt);
    const organisationId = organisations.length === 1 ? organisations[0]!.id : "";
    let needId: string;
    try {
      // The texts passed the personal-data guard when they were written (the area, the meeting's title).
      ({ id: needId } = await insertNeed(t, viewer, {
        planId: input.planId, title: area.text, description: input.description, goalId: input.goalId, organisationId, terms: {}, boardNote: "",
        confirmedPersonalData: true,
      }));
    } catch (error) {
      // The need's problems (an unknown goal …) belong to this area's small form.
      if (error instanceof Invalid) throw new Invalid({ [field]: error.fields.goalId ?? Object.values(error.fields)[0]! });
      throw error;
    }
    await t.update(s.needs).set({ fromDevelopmentAreaId: area.id }).where(eq(s.needs.id, needId));
    await t
      .update(s.developmentAreas)
      .set({ needId, version: area.version + 1, updatedAt: new Date() })
      .where(and(eq(s.developmentAreas.id, area.id), eq(s.developmentAreas.version, area.version)));
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "developmentArea.madeNeed", subjectType: "developmentArea",
      subjectId: area.id, organisationId: organisationId || null,
      changes: [{ field: "need", before: null, after: area.text }],
    });
    return { needId };
  });
}
