// Changes the text of something that needs to be in place for a goal, against the version the form was opened at.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { goalPrerequisites } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { prerequisiteOfGoal } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkPrerequisite, PREREQUISITE_FIELDS, tidyPrerequisite, type PrerequisiteFields } from "./create-prerequisite.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { lockPlan, planForShaping } from "./support/shaping.ts";

export interface UpdatePrerequisiteInput extends PrerequisiteFields {
  planId: string;
  goalId: string;
  prerequisiteId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export async function updatePrerequisite(db: Db, viewer: Viewer | null, input: UpdatePrerequisiteInput): Promise<{ version: number; changed: boolean }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyPrerequisite(input);
  throwIfProblems(checkPrerequisite(values, input.confirmedPersonalData));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const row = await prerequisiteOfGoal(t, plan.id, input.goalId, input.prerequisiteId);
    const { version } = await lockVersion(t, "goal_prerequisite", row.id);
    checkVersion<PrerequisiteFields>(version, input.version, () => ({ text: row.text }));
    const changes = changesBetween(row, values, PREREQUISITE_FIELDS);
    if (changes.length === 0) return { version, changed: false };
    await t.update(goalPrerequisites).set({ ...values, version: version + 1, updatedAt: new Date() }).where(eq(goalPrerequisites.id, row.id));
    await bumpContentVersion(t, row.workspaceId);
    await recordAudit(t, {
      workspaceId: row.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "prerequisite.updated", subjectType: "goal_prerequisite", subjectId: row.id, changes,
    });
    return { version: version + 1, changed: true };
  });
}
