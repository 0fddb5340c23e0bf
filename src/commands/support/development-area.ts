// A development area of a dialogue meeting in a plan, locked for the rest of the transaction, with the meeting.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { NotFound } from "../../domain/errors.ts";
import { lockVersion } from "./rows.ts";

export async function lockedArea(t: Db, planId: string, meetingId: string, areaId: string) {
  await lockVersion(t, "development_area", areaId);
  const [row] = await t
    .select({ area: s.developmentAreas, meeting: s.dialogueMeetings })
    .from(s.developmentAreas)
    .innerJoin(s.dialogueMeetings, eq(s.dialogueMeetings.id, s.developmentAreas.dialogueMeetingId))
    .where(and(eq(s.developmentAreas.id, areaId), eq(s.dialogueMeetings.id, meetingId), eq(s.dialogueMeetings.planId, planId)));
  if (!row) throw new NotFound("development_area");
  return row;
}

/** The field a development area's own problems are shown at: its row in the meeting's list. */
export const areaField = (areaId: string) => `area-${areaId}`;
/** The goal select of the area's "make it a need" form. */
export const areaGoalField = (areaId: string) => `goal-${areaId}`;
