// Saves an activity's every field: policy check, every problem at once (texts, the personal-data guard, dates, ids
// that must belong to this plan, the number free in the plan), optimistic concurrency on `version`, one audit event
// with each changed field's before and after (lists as names), and a new revision of an adopted action plan — all in
// one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { activityForEdit } from "../queries/activity-for-edit.ts";
import { activityLinks, planChoices, type ActivityLinks, type PlanChoices } from "../queries/activity-form.ts";
import { recordAudit } from "./audit.ts";
import { freezeRevisionIfAdopted } from "./support/action-plan-revision.ts";
import {
  activityAuditView, activityChoiceProblems, activityTextProblems, auditedFields, numberProblem, resolveActivity, writeActivityLinks,
  type ActivityFields, type ResolvedActivity,
} from "./support/activity-input.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface UpdateActivityInput extends ActivityFields {
  planId: string;
  activityId: string;
  /** The version the form was opened at. */
  version: number;
  /** The person has seen the warnings about likely personal data and confirms the text is fine. */
  confirmedPersonalData: boolean;
}

type ActivityRow = typeof s.activities.$inferSelect;

/** An activity as its form shows it (what a conflict hands back: the other person's saved values). */
export function activityFields(activity: ActivityRow, links: ActivityLinks, choices: PlanChoices): ActivityFields {
  const terms: Record<string, string[]> = {};
  for (const taxonomy of choices.taxonomies) {
    terms[taxonomy.key] = choices.terms.filter((t) => t.taxonomyId === taxonomy.id && links.termIds.includes(t.id)).map((t) => t.id);
  }
  return {
    number: activity.number ?? "", title: activity.title, description: activity.description, goalId: activity.goalId,
    strategyIds: links.strategyIds, terms, responsibleIds: links.responsibleIds, coResponsibleIds: links.coResponsibleIds,
    partnerIds: links.partnerIds, childRights: activity.childRights, plannedStart: activity.plannedStart ?? "",
    plannedEnd: activity.plannedEnd ?? "", phase: activity.phase, boardNote: activity.boardNote ?? "",
  };
}

function asResolved(activity: ActivityRow, links: ActivityLinks): ResolvedActivity {
  return {
    number: activity.number, title: activity.title, description: activity.description, goalId: activity.goalId, strategyIds: links.strategyIds,
    termIds: links.termIds, responsibleIds: links.responsibleIds, coResponsibleIds: links.coResponsibleIds, partnerIds: links.partnerIds,
    childRights: activity.childRights, plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd,
    phase: activity.phase as ResolvedActivity["phase"], boardNote: activity.boardNote,
  };
}

export async function updateActivity(db: Db, viewer: Viewer | null, input: UpdateActivityInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  const textProblems = activityTextProblems(input, input.confirmedPersonalData);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    await lockVersion(t, "activity", input.activityId);
    const { activity, subject } = await activityForEdit(t, plan, input.activityId);
    if (activity.archivedAt) throw new NotFound("activity");
    if (!can(viewer, "update", subject)) throw new Forbidden();

    const [links, choices] = await Promise.all([activityLinks(t, activity.id), planChoices(t, plan)]);
    const checked = activityChoiceProblems(choices, input, { goalId: activity.goalId, ...links });
    const after = resolveActivity(input, checked.resolved);
    const problems = { ...textProblems, ...checked.problems };
    if (!problems.number) Object.assign(problems, await numberProblem(t, plan.id, after.number, activity.id));
    throwIfProblems(problems);
    checkVersion(activity.version, input.version, () => activityFields(activity, links, choices));

    const before = asResolved(activity, links);
    const changes = changesBetween(activityAuditView(choices, before), activityAuditView(choices, after), auditedFields(choices));
    if (changes.length === 0) return { version: activity.version, changed: false };
    const version = activity.version + 1;
    await t
      .update(s.activities)
      .set({
        number: after.number, title: after.title, description: after.description, goalId: after.goalId, phase: after.phase,
        childRights: after.childRights, plannedStart: after.plannedStart, plannedEnd: after.plannedEnd, boardNote: after.boardNote,
        version, updatedAt: new Date(),
      })
      .where(and(eq(s.activities.id, activity.id), eq(s.activities.version, activity.version)));
    await writeActivityLinks(t, activity.workspaceId, activity.id, after);
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "activity.updated", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId, changes,
    });
    await freezeRevisionIfAdopted(t, activity.actionPlanId, viewer.userId);
    return { version, changed: true };
  });
}
