// What the activity and need forms choose among (the plan's goals, strategies, taxonomies and terms, the
// workspace's organisations and action plans), an activity's current links, and the numbers already taken in a plan.
// Archived rows are included and marked: a link that already exists stays readable and may be kept.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { ActionPlan, Goal, Organisation, Strategy, Taxonomy, Term } from "./plan-graph.ts";

export interface PlanChoices {
  /** Every goal of the plan, archived ones too, in the plan's order. */
  goals: Goal[];
  strategies: Strategy[];
  /** The plan's taxonomies that are in use (not archived). */
  taxonomies: Taxonomy[];
  /** Terms of those taxonomies, archived ones too. */
  terms: Term[];
  /** Every organisation of the workspace, archived ones too. */
  organisations: Organisation[];
  actionPlans: ActionPlan[];
}

export async function planChoices(db: Db, plan: { id: string; workspaceId: string }): Promise<PlanChoices> {
  const [goals, taxonomies, organisations, actionPlans] = await Promise.all([
    db.select().from(s.goals).where(eq(s.goals.planId, plan.id)).orderBy(asc(s.goals.position), asc(s.goals.number)),
    db.select().from(s.taxonomies).where(eq(s.taxonomies.planId, plan.id)).orderBy(asc(s.taxonomies.position)),
    db.select().from(s.organisations).where(eq(s.organisations.workspaceId, plan.workspaceId)).orderBy(asc(s.organisations.position), asc(s.organisations.name)),
    db.select().from(s.actionPlans).where(eq(s.actionPlans.planId, plan.id)),
  ]);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const goalIds = goals.map((g) => g.id);
  const activeTaxonomies = taxonomies.filter((t) => !t.archivedAt);
  const taxonomyIds = activeTaxonomies.map((t) => t.id);
  const [strategies, terms] = await Promise.all([
    db.select().from(s.strategies).where(inArray(s.strategies.goalId, goalIds.length ? goalIds : none)).orderBy(asc(s.strategies.position)),
    db.select().from(s.terms).where(inArray(s.terms.taxonomyId, taxonomyIds.length ? taxonomyIds : none)).orderBy(asc(s.terms.position)),
  ]);
  const goalOrder = new Map(goals.map((g, i) => [g.id, i]));
  strategies.sort((a, b) => (goalOrder.get(a.goalId) ?? 0) - (goalOrder.get(b.goalId) ?? 0) || a.position - b.position);
  const taxonomyOrder = new Map(activeTaxonomies.map((t, i) => [t.id, i]));
  terms.sort((a, b) => (taxonomyOrder.get(a.taxonomyId) ?? 0) - (taxonomyOrder.get(b.taxonomyId) ?? 0) || a.position - b.position);
  return { goals, strategies, taxonomies: activeTaxonomies, terms, organisations, actionPlans };
}

export interface ActivityLinks {
  strategyIds: string[];
  termIds: string[];
  responsibleIds: string[];
  coResponsibleIds: string[];
  partnerIds: string[];
}

export async function activityLinks(db: Db, activityId: string): Promise<ActivityLinks> {
  const [strategies, terms, organisations] = await Promise.all([
    db.select({ id: s.activityStrategies.strategyId }).from(s.activityStrategies).where(eq(s.activityStrategies.activityId, activityId)),
    db.select({ id: s.activityTerms.termId }).from(s.activityTerms).where(eq(s.activityTerms.activityId, activityId)),
    db.select({ id: s.activityOrganisations.organisationId, role: s.activityOrganisations.role }).from(s.activityOrganisations)
      .where(eq(s.activityOrganisations.activityId, activityId)).orderBy(asc(s.activityOrganisations.position)),
  ]);
  const role = (r: string) => organisations.filter((o) => o.role === r).map((o) => o.id);
  return {
    strategyIds: strategies.map((r) => r.id),
    termIds: terms.map((r) => r.id),
    responsibleIds: role("responsible"),
    coResponsibleIds: role("co_responsible"),
    partnerIds: role("partner"),
  };
}

export async function needTermIds(db: Db, needId: string): Promise<string[]> {
  const rows = await db.select({ id: s.needTerms.termId }).from(s.needTerms).where(eq(s.needTerms.needId, needId));
  return rows.map((r) => r.id);
}

/** Every number in use in the plan, archived activities included (their numbers stay taken). */
export async function numbersInPlan(db: Db, planId: string): Promise<string[]> {
  const rows = await db.select({ number: s.activities.number }).from(s.activities).where(eq(s.activities.planId, planId));
  return rows.map((r) => r.number).filter((n): n is string => n !== null);
}

export type NeedRow = typeof s.needs.$inferSelect;

export async function findNeed(db: Db, plan: { id: string }, needId: string): Promise<NeedRow | undefined> {
  const [row] = await db.select().from(s.needs).where(and(eq(s.needs.id, needId), eq(s.needs.planId, plan.id)));
  return row;
}

export type FinancingRow = typeof s.financings.$inferSelect;

export async function financingOf(db: Db, activityId: string): Promise<FinancingRow[]> {
  return db.select().from(s.financings).where(eq(s.financings.activityId, activityId)).orderBy(asc(s.financings.createdAt), asc(s.financings.id));
}
