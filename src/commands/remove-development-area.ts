// Removes a development area that was written by mistake or dropped. One that already became a need is part of
// the need's history and is refused with a message. Audited with its text, in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { areaField, lockedArea } from "./support/development-area.ts";
import { bumpContentVersion, checkVersion } from "./support/rows.ts";

export interface RemoveDevelopmentAreaInput {
  planId: string;
  meetingId: string;
  areaId: string;
  version: number;
}

export async function removeDevelopmentArea(db: Db, viewer: Viewer | null, input: RemoveDevelopmentAreaInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { area, meeting } = await lockedArea(t, input.planId, input.meetingId, input.areaId);
    if (!can(viewer, "manageDialogue", { type: "followUp", workspaceId: meeting.workspaceId })) throw new Forbidden();
    if (area.needId) throw new Invalid({ [areaField(area.id)]: { key: "dialogue.area.removeIsNeed", params: { text: area.text } } });
    checkVersion(area.version, input.version, () => ({ text: area.text }));
    await t.delete(s.developmentAreas).where(and(eq(s.developmentAreas.id, area.id), eq(s.developmentAreas.version, area.version)));
    await bumpContentVersion(t, meeting.workspaceId);
    await recordAudit(t, {
      workspaceId: meeting.workspaceId, actorUserId: viewer.userId, via: "web", action: "developmentArea.removed", subjectType: "developmentArea",
      subjectId: area.id, changes: [{ field: "meeting", before: meeting.title, after: null }, { field: "text", before: area.text, after: null }],
    });
  });
}
