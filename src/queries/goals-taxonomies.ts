// Reads for shaping a plan's goals (with their strategies and what needs to be in place) and its taxonomies (with
// their terms). Every lookup by id is scoped to the plan, and a child to its parent: a strategy of another goal or a
// term of another taxonomy is "not found", never someone else's row.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEvents, goalPrerequisites, goals, strategies, taxonomies, terms, users } from "../db/schema/index.ts";
import { NotFound } from "../domain/errors.ts";

export type GoalRow = typeof goals.$inferSelect;
export type StrategyRow = typeof strategies.$inferSelect;
export type PrerequisiteRow = typeof goalPrerequisites.$inferSelect;
export type TaxonomyRow = typeof taxonomies.$inferSelect;
export type TermRow = typeof terms.$inferSelect;

/** Archived rows are found too only when asked (history, restoring); editing and moving want live rows. */
export interface FindOptions {
  archived?: boolean;
}

function live<T>(row: T & { archivedAt: Date | null }, options: FindOptions | undefined, what: string): T {
  if (row.archivedAt && !options?.archived) throw new NotFound(what);
  return row;
}

export async function goalOfPlan(db: Db, planId: string, goalId: string, options?: FindOptions): Promise<GoalRow> {
  const [row] = await db.select().from(goals).where(and(eq(goals.id, goalId), eq(goals.planId, planId)));
  if (!row) throw new NotFound("goal");
  return live(row, options, "goal");
}

/** The strategy, if it belongs to this goal of this plan (the goal may not be archived unless `archived`). */
export async function strategyOfGoal(db: Db, planId: string, goalId: string, strategyId: string, options?: FindOptions): Promise<StrategyRow> {
  await goalOfPlan(db, planId, goalId, options);
  const [row] = await db.select().from(strategies).where(and(eq(strategies.id, strategyId), eq(strategies.goalId, goalId)));
  if (!row) throw new NotFound("strategy");
  return live(row, options, "strategy");
}

export async function prerequisiteOfGoal(db: Db, planId: string, goalId: string, prerequisiteId: string, options?: FindOptions): Promise<PrerequisiteRow> {
  await goalOfPlan(db, planId, goalId, options);
  const [row] = await db.select().from(goalPrerequisites).where(and(eq(goalPrerequisites.id, prerequisiteId), eq(goalPrerequisites.goalId, goalId)));
  if (!row) throw new NotFound("goal_prerequisite");
  return live(row, options, "goal_prerequisite");
}

export async function taxonomyOfPlan(db: Db, planId: string, taxonomyId: string, options?: FindOptions): Promise<TaxonomyRow> {
  const [row] = await db.select().from(taxonomies).where(and(eq(taxonomies.id, taxonomyId), eq(taxonomies.planId, planId)));
  if (!row) throw new NotFound("taxonomy");
  return live(row, options, "taxonomy");
}

export async function termOfTaxonomy(db: Db, planId: string, taxonomyId: string, termId: string, options?: FindOptions): Promise<TermRow> {
  await taxonomyOfPlan(db, planId, taxonomyId, options);
  const [row] = await db.select().from(terms).where(and(eq(terms.id, termId), eq(terms.taxonomyId, taxonomyId)));
  if (!row) throw new NotFound("term");
  return live(row, options, "term");
}

export interface GoalOverview extends GoalRow {
  strategyCount: number;
  prerequisiteCount: number;
  activityCount: number;
}

/** The plan's goals in order, live ones first then archived, with how much hangs under each. */
export async function goalsOverview(db: Db, planId: string): Promise<GoalOverview[]> {
  const rows = await db
    .select({
      goal: goals,
      strategyCount: sql<number>`(select count(*)::int from strategy s where s.goal_id = "goal"."id" and s.archived_at is null)`,
      prerequisiteCount: sql<number>`(select count(*)::int from goal_prerequisite x where x.goal_id = "goal"."id" and x.archived_at is null)`,
      activityCount: sql<number>`(select count(*)::int from activity a where a.goal_id = "goal"."id" and a.archived_at is null)`,
    })
    .from(goals)
    .where(eq(goals.planId, planId))
    .orderBy(asc(goals.position), asc(goals.createdAt), asc(goals.id));
  return rows.map((r) => ({
    ...r.goal, strategyCount: Number(r.strategyCount), prerequisiteCount: Number(r.prerequisiteCount), activityCount: Number(r.activityCount),
  }));
}

/** The goal's strategies and prerequisites in order (archived ones included; the page lists them apart). */
export async function goalParts(db: Db, goalId: string): Promise<{ strategies: StrategyRow[]; prerequisites: PrerequisiteRow[] }> {
  const [strategyRows, prerequisiteRows] = await Promise.all([
    db.select().from(strategies).where(eq(strategies.goalId, goalId)).orderBy(asc(strategies.position), asc(strategies.createdAt), asc(strategies.id)),
    db.select().from(goalPrerequisites).where(eq(goalPrerequisites.goalId, goalId))
      .orderBy(asc(goalPrerequisites.position), asc(goalPrerequisites.createdAt), asc(goalPrerequisites.id)),
  ]);
  return { strategies: strategyRows, prerequisites: prerequisiteRows };
}

export interface TaxonomyOverview extends TaxonomyRow {
  termCount: number;
}

export async function taxonomiesOverview(db: Db, planId: string): Promise<TaxonomyOverview[]> {
  const rows = await db
    .select({
      taxonomy: taxonomies,
      termCount: sql<number>`(select count(*)::int from term x where x.taxonomy_id = "taxonomy"."id" and x.archived_at is null)`,
    })
    .from(taxonomies)
    .where(eq(taxonomies.planId, planId))
    .orderBy(asc(taxonomies.position), asc(taxonomies.createdAt), asc(taxonomies.id));
  return rows.map((r) => ({ ...r.taxonomy, termCount: Number(r.termCount) }));
}

export async function termsOfTaxonomy(db: Db, taxonomyId: string): Promise<TermRow[]> {
  return db.select().from(terms).where(eq(terms.taxonomyId, taxonomyId)).orderBy(asc(terms.position), asc(terms.createdAt), asc(terms.id));
}

export interface ShapingHistoryEntry {
  at: Date;
  action: string;
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

/** The audit events of several subjects together (a goal and its strategies and prerequisites), newest first. */
export async function historyOfSubjects(db: Db, workspaceId: string, subjects: Array<{ type: string; ids: string[] }>): Promise<ShapingHistoryEntry[]> {
  const wanted: SQL[] = subjects
    .filter((s) => s.ids.length > 0)
    .map((s) => and(eq(auditEvents.subjectType, s.type), inArray(auditEvents.subjectId, s.ids))!);
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.workspaceId, workspaceId), or(...wanted)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
  return rows.map((r) => ({
    at: r.event.at, action: r.event.action, actorName: r.actorName, subjectType: r.event.subjectType, subjectId: r.event.subjectId, changes: r.event.changes,
  }));
}

/** Live rows only, for counting and choosing. */
export const isLive = <T extends { archivedAt: Date | null }>(row: T) => row.archivedAt === null;
