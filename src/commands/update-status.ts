// Saves a follow-up status: its names, colour, meaning and the phase it moves an activity to. The key stays.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { followUpStatuses } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { checkStatusValues, statusForShaping, statusRowValues, type StatusRow, type StatusValues } from "./support/plan-structure.ts";
import { bumpContentVersion, changesBetween, checkVersion } from "./support/rows.ts";

export interface UpdateStatusInput extends StatusValues {
  planId: string;
  statusId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export function statusValuesOf(status: StatusRow): StatusValues {
  return { name: status.name, nameEn: status.nameEn ?? "", colour: status.colour, meaning: status.meaning, phase: status.phase };
}

export async function updateStatus(db: Db, viewer: Viewer | null, input: UpdateStatusInput): Promise<{ version: number; changed: boolean }> {
  const problems = checkStatusValues(input, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { plan, status } = await statusForShaping(t, viewer, input.planId, input.statusId);
    checkVersion(status.version, input.version, () => statusValuesOf(status));
    throwIfProblems(problems);
    const after = statusRowValues(input);
    const changes = changesBetween(status, after, ["name", "nameEn", "colour", "meaning", "phase"]);
    if (changes.length === 0) return { version: status.version, changed: false };
    const version = status.version + 1;
    await t.update(followUpStatuses).set({ ...after, version, updatedAt: new Date() }).where(eq(followUpStatuses.id, status.id));
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web", action: "follow_up_status.updated", subjectType: "follow_up_status", subjectId: status.id, changes,
    });
    return { version, changed: true };
  });
}
