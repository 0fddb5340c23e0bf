// Brings an archived activity back (an archive by mistake must be undoable): it returns to its action plan, the
// board and the public pages with its number, which stayed taken. An adopted action plan gets a revision.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { activityForEdit } from "../queries/activity-for-edit.ts";
import { recordAudit } from "./audit.ts";
import { freezeRevisionIfAdopted } from "./support/action-plan-revision.ts";
import { setArchived } from "./support/order.ts";
import { bumpContentVersion, lockVersion } from "./support/rows.ts";

export async function restoreActivity(db: Db, viewer: Viewer | null, input: { planId: string; activityId: string }): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    await lockVersion(t, "activity", input.activityId);
    const { activity, subject } = await activityForEdit(t, plan, input.activityId);
    if (!can(viewer, "update", subject)) throw new Forbidden();
    // Restoring what is not archived (a second click, another person first) changes nothing.
    if (!activity.archivedAt) return;
    await setArchived(t, "activity", activity.id, false);
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "activity.restored", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId,
      changes: [{ field: "archived", before: activity.number ? `${activity.number} ${activity.title}` : activity.title, after: null }],
    });
    await freezeRevisionIfAdopted(t, activity.actionPlanId, viewer.userId);
  });
}
