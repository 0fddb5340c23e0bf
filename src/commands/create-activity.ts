// Adds an activity to an organisation's action plan with every field of the form, in one transaction: the right to
// write that action plan, every problem at once, the number free in the plan, the links, the audit, and a new
// revision when the action plan is adopted. Made from a need, it links both ways (activity.fromNeedId,
// need.becameActivityId) so the need's card leaves "Behov" on the goal board.
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { planChoices } from "../queries/activity-form.ts";
import { recordAudit } from "./audit.ts";
import { freezeRevisionIfAdopted } from "./support/action-plan-revision.ts";
import {
  activityAuditView, activityChoiceProblems, activityTextProblems, auditedFields, numberProblem, resolveActivity, writeActivityLinks,
  type ActivityFields,
} from "./support/activity-input.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface CreateActivityInput extends ActivityFields {
  planId: string;
  /** The action plan the activity stands in. */
  actionPlanId: string;
  /** The need it is made from, if any. */
  fromNeedId: string | null;
  confirmedPersonalData: boolean;
}

const shown = (v: string | string[] | null | undefined) => (v === null || v === undefined ? null : Array.isArray(v) ? (v.length ? v.join(", ") : null) : v === "" ? null : v);

export async function createActivity(db: Db, viewer: Viewer | null, input: CreateActivityInput): Promise<{ id: string; actionPlanId: string }> {
  if (!viewer) throw new LoginRequired();
  const textProblems = activityTextProblems(input, input.confirmedPersonalData);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    const [actionPlan] = await t
      .select({ id: s.actionPlans.id, organisationId: s.actionPlans.organisationId, title: s.actionPlans.title })
      .from(s.actionPlans)
      .where(and(eq(s.actionPlans.id, input.actionPlanId), eq(s.actionPlans.planId, plan.id), isNull(s.actionPlans.archivedAt)));
    if (!actionPlan) throw new NotFound("action plan");
    if (!can(viewer, "update", { type: "actionPlan", workspaceId: plan.workspaceId, organisationId: actionPlan.organisationId })) throw new Forbidden();

    const problems = { ...textProblems };
    let need: typeof s.needs.$inferSelect | undefined;
    if (input.fromNeedId) {
      [need] = await t.select().from(s.needs).where(and(eq(s.needs.id, input.fromNeedId), eq(s.needs.planId, plan.id))).for("update");
      if (!need) throw new NotFound("need");
      if (!can(viewer, "update", { type: "need", workspaceId: plan.workspaceId, organisationId: need.organisationId })) throw new Forbidden();
      if (need.becameActivityId || need.archivedAt) problems.fromNeedId = { key: "need.alreadyActivity" };
    }

    const choices = await planChoices(t, plan);
    const checked = activityChoiceProblems(choices, input, null);
    const activity = resolveActivity(input, checked.resolved);
    Object.assign(problems, checked.problems);
    if (!problems.number) Object.assign(problems, await numberProblem(t, plan.id, activity.number, null));
    throwIfProblems(problems);

    const [last] = await queryRows<{ max: number }>(t, sql`select coalesce(max(position), 0) as max from activity where action_plan_id = ${actionPlan.id}`);
    const [row] = await t
      .insert(s.activities)
      .values({
        workspaceId: plan.workspaceId, planId: plan.id, actionPlanId: actionPlan.id, goalId: activity.goalId, number: activity.number,
        position: Number(last?.max ?? 0) + 1, title: activity.title, description: activity.description, phase: activity.phase,
        childRights: activity.childRights, plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd, boardNote: activity.boardNote,
        fromNeedId: need?.id ?? null,
      })
      .returning({ id: s.activities.id });
    const id = row!.id;
    await writeActivityLinks(t, plan.workspaceId, id, activity);

    const view = activityAuditView(choices, activity, { actionPlan: actionPlan.title, fromNeed: need?.title ?? null });
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "activity.created", subjectType: "activity", subjectId: id,
      organisationId: actionPlan.organisationId,
      changes: auditedFields(choices).map((field) => ({ field, before: null, after: shown(view[field]) })).filter((c) => c.after !== null),
    });
    if (need) {
      await t.update(s.needs).set({ becameActivityId: id, version: need.version + 1, updatedAt: new Date() }).where(eq(s.needs.id, need.id));
      await recordAudit(t, {
        workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "need.becameActivity", subjectType: "need", subjectId: need.id,
        organisationId: need.organisationId,
        changes: [{ field: "becameActivity", before: null, after: activity.number ? `${activity.number} ${activity.title}` : activity.title }],
      });
    }
    await bumpContentVersion(t, plan.workspaceId);
    await freezeRevisionIfAdopted(t, actionPlan.id, viewer.userId);
    return { id, actionPlanId: actionPlan.id };
  });
}
