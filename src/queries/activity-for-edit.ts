// One activity as its editors and the policy see it, whatever the state of its action plan.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { actionPlans, activities, activityOrganisations } from "../db/schema/index.ts";
import { NotFound } from "../domain/errors.ts";
import type { ActivitySubject } from "../policies/activity.ts";
import type { Plan } from "./plan-graph.ts";

export type ActivityRow = typeof activities.$inferSelect;

export interface ActivityForEdit {
  activity: ActivityRow;
  subject: ActivitySubject;
}

export async function activityForEdit(db: Db, plan: Plan, activityId: string): Promise<ActivityForEdit> {
  const [row] = await db
    .select({ activity: activities, actionPlanOrganisationId: actionPlans.organisationId })
    .from(activities)
    .leftJoin(actionPlans, eq(actionPlans.id, activities.actionPlanId))
    .where(and(eq(activities.id, activityId), eq(activities.planId, plan.id)));
  if (!row) throw new NotFound("activity");
  const links = await db
    .select({ organisationId: activityOrganisations.organisationId })
    .from(activityOrganisations)
    .where(and(eq(activityOrganisations.activityId, activityId), eq(activityOrganisations.role, "responsible")));
  return {
    activity: row.activity,
    subject: {
      type: "activity",
      workspaceId: plan.workspaceId,
      planPublished: plan.published,
      actionPlanOrganisationId: row.actionPlanOrganisationId ?? null,
      responsibleIds: links.map((l) => l.organisationId),
    },
  };
}
