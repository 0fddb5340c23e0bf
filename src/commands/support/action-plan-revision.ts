// Revisions of an action plan: adopting freezes revision 1; every later change to an adopted plan or its activities
// freezes the next one. A snapshot holds names, not ids, so it reads the same after things are renamed or archived.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { compareMeasureNumbers } from "../../domain/vocabulary.ts";

export interface SnapshotActivity {
  number: string | null;
  title: string;
  description: string;
  goal?: string;
  phase?: string;
  childRights?: string;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  responsible?: string[];
  coResponsible?: string[];
  partners?: string[];
  strategies?: string[];
  /** "Taxonomy: term" */
  terms?: string[];
}

export interface ActionPlanSnapshot {
  actionPlan: {
    title: string; periodStart: string; periodEnd: string; introduction: string; howMade: string; steeringGroup: string;
    state: string; adoptedOn?: string | null; adoptedBy?: string | null;
  };
  activities: SnapshotActivity[];
}

export async function actionPlanSnapshot(t: Db, actionPlanId: string): Promise<ActionPlanSnapshot> {
  const [plan] = await t.select().from(s.actionPlans).where(eq(s.actionPlans.id, actionPlanId));
  if (!plan) throw new Error(`action plan ${actionPlanId} not found`);
  const rows = await t
    .select({ activity: s.activities, goalNumber: s.goals.number, goalTitle: s.goals.title })
    .from(s.activities)
    .innerJoin(s.goals, eq(s.goals.id, s.activities.goalId))
    .where(and(eq(s.activities.actionPlanId, actionPlanId), isNull(s.activities.archivedAt)))
    .orderBy(asc(s.goals.position), asc(s.activities.position));
  const ofPlan = t.select({ id: s.activities.id }).from(s.activities).where(eq(s.activities.actionPlanId, actionPlanId));
  const [orgLinks, termLinks, strategyLinks] = await Promise.all([
    t.select({ activityId: s.activityOrganisations.activityId, role: s.activityOrganisations.role, name: s.organisations.name })
      .from(s.activityOrganisations).innerJoin(s.organisations, eq(s.organisations.id, s.activityOrganisations.organisationId))
      .where(sql`${s.activityOrganisations.activityId} in ${ofPlan}`).orderBy(asc(s.activityOrganisations.position)),
    t.select({ activityId: s.activityTerms.activityId, taxonomy: s.taxonomies.name, term: s.terms.name })
      .from(s.activityTerms).innerJoin(s.terms, eq(s.terms.id, s.activityTerms.termId)).innerJoin(s.taxonomies, eq(s.taxonomies.id, s.terms.taxonomyId))
      .where(sql`${s.activityTerms.activityId} in ${ofPlan}`).orderBy(asc(s.taxonomies.position), asc(s.terms.position)),
    t.select({ activityId: s.activityStrategies.activityId, title: s.strategies.title })
      .from(s.activityStrategies).innerJoin(s.strategies, eq(s.strategies.id, s.activityStrategies.strategyId))
      .where(sql`${s.activityStrategies.activityId} in ${ofPlan}`).orderBy(asc(s.strategies.position)),
  ]);
  const orgs = (id: string, role: string) => orgLinks.filter((l) => l.activityId === id && l.role === role).map((l) => l.name);
  const activities = rows
    .map(({ activity: a, goalNumber, goalTitle }) => ({
      number: a.number, title: a.title, description: a.description, goal: `${goalNumber} ${goalTitle}`, phase: a.phase,
      childRights: a.childRights, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd,
      responsible: orgs(a.id, "responsible"), coResponsible: orgs(a.id, "co_responsible"), partners: orgs(a.id, "partner"),
      strategies: strategyLinks.filter((l) => l.activityId === a.id).map((l) => l.title),
      terms: termLinks.filter((l) => l.activityId === a.id).map((l) => `${l.taxonomy}: ${l.term}`),
    }))
    .sort((a, b) => compareMeasureNumbers(a.number, b.number));
  return {
    actionPlan: {
      title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, introduction: plan.introduction, howMade: plan.howMade,
      steeringGroup: plan.steeringGroup, state: plan.state, adoptedOn: plan.adoptedOn, adoptedBy: plan.adoptedBy,
    },
    activities,
  };
}

/** Freezes the action plan as it stands now as its next revision; returns the revision number. */
export async function freezeRevision(t: Db, actionPlanId: string, userId: string | null): Promise<number> {
  const [plan] = await t.select({ revision: s.actionPlans.revision, workspaceId: s.actionPlans.workspaceId }).from(s.actionPlans).where(eq(s.actionPlans.id, actionPlanId)).for("update");
  if (!plan) throw new Error(`action plan ${actionPlanId} not found`);
  const number = plan.revision + 1;
  const snapshot = await actionPlanSnapshot(t, actionPlanId);
  await t.insert(s.actionPlanRevisions).values({ workspaceId: plan.workspaceId, actionPlanId, number, snapshot, createdBy: userId });
  await t.update(s.actionPlans).set({ revision: number }).where(eq(s.actionPlans.id, actionPlanId));
  return number;
}

/**
 * Call after changing an action plan or one of its activities: an adopted plan gets a new revision, a draft none
 * (a draft is still being written; its first revision is frozen when it is adopted). Returns the new number or null.
 */
export async function freezeRevisionIfAdopted(t: Db, actionPlanId: string | null, userId: string | null): Promise<number | null> {
  if (!actionPlanId) return null;
  const [plan] = await t.select({ state: s.actionPlans.state }).from(s.actionPlans).where(eq(s.actionPlans.id, actionPlanId));
  return plan?.state === "adopted" ? freezeRevision(t, actionPlanId, userId) : null;
}
