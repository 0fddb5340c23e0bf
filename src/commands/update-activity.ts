// Saves an activity's texts: policy check, personal-data guard, optimistic concurrency on `version`, and one audit
// event with each changed field's before and after — all in one transaction.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { activities, workspaces, type FieldChange } from "../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { activityForEdit } from "../queries/activity-for-edit.ts";
import type { Plan } from "../queries/plan-graph.ts";
import { recordAudit } from "./audit.ts";
import { guardTexts } from "./guard-texts.ts";

export const ACTIVITY_TEXT_FIELDS = ["title", "description", "childRights"] as const;
export type ActivityTexts = Record<(typeof ACTIVITY_TEXT_FIELDS)[number], string>;

export interface UpdateActivityInput extends ActivityTexts {
  activityId: string;
  /** The version the form was opened at. */
  version: number;
  /** The person has seen the warnings about likely personal data and confirms the text is fine. */
  confirmedPersonalData: boolean;
}

const LIMITS: Record<(typeof ACTIVITY_TEXT_FIELDS)[number], number> = { title: 500, description: 20000, childRights: 10000 };

export async function updateActivity(db: Db, viewer: Viewer | null, plan: Plan, input: UpdateActivityInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  const fields: Record<string, { key: string; params?: Record<string, string | number> }> = {};
  if (!input.title.trim()) fields.title = { key: "activity.edit.titleMissing" };
  for (const name of ACTIVITY_TEXT_FIELDS) {
    const limit = LIMITS[name];
    if (input[name].length > limit) fields[name] = { key: "form.tooLong", params: { max: limit } };
  }
  Object.assign(fields, guardTexts(ACTIVITY_TEXT_FIELDS.map((name) => ({ field: name, value: input[name] })), input.confirmedPersonalData));
  if (Object.keys(fields).length > 0) throw new Invalid(fields);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select id from activity where id = ${input.activityId} for update`);
    const { activity, subject } = await activityForEdit(t, plan, input.activityId);
    if (!can(viewer, "update", subject)) throw new Forbidden();
    if (activity.version !== input.version) {
      throw new Conflict<ActivityTexts>({ title: activity.title, description: activity.description, childRights: activity.childRights }, activity.version);
    }
    const changes: FieldChange[] = ACTIVITY_TEXT_FIELDS.filter((name) => activity[name] !== input[name]).map((name) => ({
      field: name, before: activity[name], after: input[name],
    }));
    if (changes.length === 0) return { version: activity.version, changed: false };
    const version = activity.version + 1;
    await t
      .update(activities)
      .set({ title: input.title, description: input.description, childRights: input.childRights, version, updatedAt: new Date() })
      .where(and(eq(activities.id, activity.id), eq(activities.version, activity.version)));
    await t.update(workspaces).set({ contentVersion: sql`${workspaces.contentVersion} + 1` }).where(eq(workspaces.id, activity.workspaceId));
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "activity.updated", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId, changes,
    });
    return { version, changed: true };
  });
}
