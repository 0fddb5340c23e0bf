// The read model of one plan: everything its public pages show, loaded in a few queries and assembled in memory.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { compareMeasureNumbers } from "../domain/vocabulary.ts";

export type Workspace = typeof s.workspaces.$inferSelect;
export type Plan = typeof s.plans.$inferSelect;
export type Goal = typeof s.goals.$inferSelect;
export type Strategy = typeof s.strategies.$inferSelect;
export type Organisation = typeof s.organisations.$inferSelect;
export type Term = typeof s.terms.$inferSelect;
export type Taxonomy = typeof s.taxonomies.$inferSelect;
export type Status = typeof s.followUpStatuses.$inferSelect;
export type Round = typeof s.followUpRounds.$inferSelect;
export type ActionPlan = typeof s.actionPlans.$inferSelect;
export type Need = typeof s.needs.$inferSelect;
export type Figure = typeof s.figures.$inferSelect;
export type Financing = typeof s.financings.$inferSelect;
export type OrganisationReport = typeof s.organisationReports.$inferSelect;

export interface ActivityView extends Omit<typeof s.activities.$inferSelect, never> {
  responsibleIds: string[];
  coResponsibleIds: string[];
  partnerIds: string[];
  termIds: string[];
  strategyIds: string[];
  financing: Financing[];
}

export interface ReportView extends Omit<typeof s.activityReports.$inferSelect, never> {
  figures: Figure[];
  organisationReport: OrganisationReport;
}

export interface PlanGraph {
  workspace: Workspace;
  plan: Plan;
  goals: Goal[];
  strategies: Strategy[];
  prerequisites: (typeof s.goalPrerequisites.$inferSelect)[];
  taxonomies: Taxonomy[];
  terms: Term[];
  statuses: Status[];
  organisations: Organisation[];
  actionPlans: ActionPlan[];
  activities: ActivityView[];
  needs: Need[];
  /** Taxonomy terms per need id. */
  needTermIds: Map<string, string[]>;
  /** Rounds that have been opened (drafts are internal), newest first. */
  rounds: Round[];
  /** Organisation reports visible to this reader. */
  organisationReports: OrganisationReport[];
  /** Activity reports visible to this reader (public: only those of accepted organisation reports). */
  reports: ReportView[];
}

export interface GraphOptions {
  /**
   * Include what is not public yet (internal readers only): reports not accepted by the coordinator, and
   * action plans still in draft with their activities.
   */
  includeUnaccepted: boolean;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export async function loadPlanGraph(db: Db, workspace: Workspace, plan: Plan, options: GraphOptions): Promise<PlanGraph> {
  const ws = workspace.id;
  const [goals, taxonomies, statuses, organisations, actionPlanRows, allActivityRows, needs, rounds] = await Promise.all([
    db.select().from(s.goals).where(and(eq(s.goals.planId, plan.id), isNull(s.goals.archivedAt))).orderBy(asc(s.goals.position)),
    db.select().from(s.taxonomies).where(and(eq(s.taxonomies.planId, plan.id), isNull(s.taxonomies.archivedAt))).orderBy(asc(s.taxonomies.position)),
    db.select().from(s.followUpStatuses).where(eq(s.followUpStatuses.planId, plan.id)).orderBy(asc(s.followUpStatuses.position)),
    db.select().from(s.organisations).where(eq(s.organisations.workspaceId, ws)).orderBy(asc(s.organisations.position), asc(s.organisations.name)),
    db.select().from(s.actionPlans).where(and(eq(s.actionPlans.planId, plan.id), isNull(s.actionPlans.archivedAt))),
    db.select().from(s.activities).where(and(eq(s.activities.planId, plan.id), isNull(s.activities.archivedAt))),
    db.select().from(s.needs).where(and(eq(s.needs.planId, plan.id), isNull(s.needs.archivedAt))).orderBy(asc(s.needs.position)),
    db.select().from(s.followUpRounds).where(and(eq(s.followUpRounds.planId, plan.id), ne(s.followUpRounds.state, "draft"))),
  ]);
  // The public sees adopted action plans only; a draft's activities are not public either.
  const draftPlanIds = new Set(actionPlanRows.filter((p) => p.state === "draft").map((p) => p.id));
  const actionPlans = options.includeUnaccepted ? actionPlanRows : actionPlanRows.filter((p) => !draftPlanIds.has(p.id));
  const activityRows = options.includeUnaccepted
    ? allActivityRows
    : allActivityRows.filter((a) => a.actionPlanId === null || !draftPlanIds.has(a.actionPlanId));
  const goalIds = goals.map((g) => g.id);
  const activityIds = activityRows.map((a) => a.id);
  const roundIds = rounds.map((r) => r.id);
  const none = ["00000000-0000-0000-0000-000000000000"];
  // Link tables are read for this plan's activities only, not the whole workspace.
  const ofPlan = db.select({ id: s.activities.id }).from(s.activities).where(eq(s.activities.planId, plan.id));
  const [strategies, prerequisites, terms, links, termLinks, strategyLinks, financing, orgReports, needTermLinks] = await Promise.all([
    db.select().from(s.strategies).where(and(inArray(s.strategies.goalId, goalIds.length ? goalIds : none), isNull(s.strategies.archivedAt))).orderBy(asc(s.strategies.position)),
    db.select().from(s.goalPrerequisites).where(and(inArray(s.goalPrerequisites.goalId, goalIds.length ? goalIds : none), isNull(s.goalPrerequisites.archivedAt))).orderBy(asc(s.goalPrerequisites.position)),
    db.select().from(s.terms).where(and(eq(s.terms.workspaceId, ws), isNull(s.terms.archivedAt))).orderBy(asc(s.terms.position)),
    db.select().from(s.activityOrganisations).where(inArray(s.activityOrganisations.activityId, ofPlan)).orderBy(asc(s.activityOrganisations.position)),
    db.select().from(s.activityTerms).where(inArray(s.activityTerms.activityId, ofPlan)),
    db.select().from(s.activityStrategies).where(inArray(s.activityStrategies.activityId, ofPlan)),
    db.select().from(s.financings).where(inArray(s.financings.activityId, ofPlan)),
    db.select().from(s.organisationReports).where(inArray(s.organisationReports.roundId, roundIds.length ? roundIds : none)),
    db.select().from(s.needTerms).where(eq(s.needTerms.workspaceId, ws)),
  ]);
  const visibleOrgReports = orgReports.filter((r) => options.includeUnaccepted || r.state === "accepted");
  const orgReportById = new Map(visibleOrgReports.map((r) => [r.id, r]));
  const activityReports = visibleOrgReports.length
    ? await db.select().from(s.activityReports).where(inArray(s.activityReports.organisationReportId, [...orgReportById.keys()]))
    : [];
  const figureRows = activityReports.length
    ? await db.select().from(s.figures).where(inArray(s.figures.activityReportId, activityReports.map((r) => r.id))).orderBy(asc(s.figures.position))
    : [];

  const taxonomyIds = new Set(taxonomies.map((t) => t.id));
  const activitySet = new Set(activityIds);
  const linksByActivity = groupBy(links.filter((l) => activitySet.has(l.activityId)), (l) => l.activityId);
  const termsByActivity = groupBy(termLinks, (l) => l.activityId);
  const strategiesByActivity = groupBy(strategyLinks, (l) => l.activityId);
  const financingByActivity = groupBy(financing, (f) => f.activityId);
  const goalOrder = new Map(goals.map((g, i) => [g.id, i]));

  const activities: ActivityView[] = activityRows
    .filter((a) => goalOrder.has(a.goalId))
    .map((a) => {
      const own = linksByActivity.get(a.id) ?? [];
      return {
        ...a,
        responsibleIds: own.filter((l) => l.role === "responsible").map((l) => l.organisationId),
        coResponsibleIds: own.filter((l) => l.role === "co_responsible").map((l) => l.organisationId),
        partnerIds: own.filter((l) => l.role === "partner").map((l) => l.organisationId),
        termIds: (termsByActivity.get(a.id) ?? []).map((l) => l.termId),
        strategyIds: (strategiesByActivity.get(a.id) ?? []).map((l) => l.strategyId),
        financing: financingByActivity.get(a.id) ?? [],
      };
    })
    .sort(
      (x, y) =>
        (goalOrder.get(x.goalId) ?? 0) - (goalOrder.get(y.goalId) ?? 0) ||
        compareMeasureNumbers(x.number, y.number) ||
        x.position - y.position ||
        x.title.localeCompare(y.title, "sv"),
    );

  const figuresByReport = groupBy(figureRows, (f) => f.activityReportId);
  const reports: ReportView[] = activityReports
    .filter((r) => activitySet.has(r.activityId))
    .map((r) => ({ ...r, figures: figuresByReport.get(r.id) ?? [], organisationReport: orgReportById.get(r.organisationReportId)! }));

  return {
    workspace,
    plan,
    goals,
    strategies,
    prerequisites,
    taxonomies,
    terms: terms.filter((t) => taxonomyIds.has(t.taxonomyId)),
    statuses,
    organisations,
    actionPlans,
    activities,
    needs: needs.filter((n) => goalOrder.has(n.goalId)),
    needTermIds: new Map([...groupBy(needTermLinks, (l) => l.needId)].map(([id, list]) => [id, list.map((l) => l.termId)])),
    rounds: rounds.sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.deadline.localeCompare(a.deadline)),
    organisationReports: visibleOrgReports,
    reports,
  };
}
