// Removes a financing row. Nothing refers to financing, so it is deleted; the activity's history keeps what it held.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { AUDITED_FINANCING_FIELDS, financingAuditView } from "./support/financing-input.ts";
import { bumpContentVersion, changesBetween, checkVersion } from "./support/rows.ts";
import { asResolvedFinancing, financingFields, lockFinancing } from "./update-financing.ts";

export interface RemoveFinancingInput {
  planId: string;
  activityId: string;
  financingId: string;
  version: number;
}

export async function removeFinancing(db: Db, viewer: Viewer | null, input: RemoveFinancingInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { activity, subject, financing } = await lockFinancing(t, viewer, input.planId, input.activityId, input.financingId);
    checkVersion(financing.version, input.version, () => financingFields(financing));
    await t.delete(s.financings).where(eq(s.financings.id, financing.id));
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "financing.removed", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId,
      changes: changesBetween(financingAuditView(asResolvedFinancing(financing)), financingAuditView(null), AUDITED_FINANCING_FIELDS),
    });
  });
}
