// Archives an activity (never deletes it: reports, history and earlier revisions refer to it). It leaves the board,
// the action plan and the public pages; its number stays taken in the plan. An adopted action plan gets a revision.
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
import { bumpContentVersion, checkVersion, lockVersion } from "./support/rows.ts";

export interface ArchiveActivityInput {
  planId: string;
  activityId: string;
  version: number;
}

export async function archiveActivity(db: Db, viewer: Viewer | null, input: ArchiveActivityInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    await lockVersion(t, "activity", input.activityId);
    const { activity, subject } = await activityForEdit(t, plan, input.activityId);
    if (activity.archivedAt) throw new NotFound("activity");
    if (!can(viewer, "update", subject)) throw new Forbidden();
    checkVersion(activity.version, input.version, () => ({ title: activity.title }));
    await setArchived(t, "activity", activity.id, true);
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "activity.archived", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId,
      changes: [{ field: "archived", before: null, after: activity.number ? `${activity.number} ${activity.title}` : activity.title }],
    });
    await freezeRevisionIfAdopted(t, activity.actionPlanId, viewer.userId);
  });
}
