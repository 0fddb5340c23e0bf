// Pure figures derived from a plan graph: status distributions, organisations involved, the per-goal board.
import type { Locale } from "../domain/vocabulary.ts";
import type { ActivityView, Need, Organisation, PlanGraph, ReportView, Round, Status, Term } from "./plan-graph.ts";

export interface StatusCount {
  key: string;
  name: string;
  colour: string;
  count: number;
}

export function statusName(status: Status, locale: Locale): string {
  return locale === "en" ? status.nameEn ?? status.name : status.name;
}

export function termName(term: Term, locale: Locale): string {
  return locale === "en" ? term.nameEn ?? term.name : term.name;
}

export function latestRound(graph: PlanGraph): Round | undefined {
  return graph.rounds[0];
}

/** Reports of a round, optionally only for some activities. */
export function reportsIn(graph: PlanGraph, roundId: string, activityIds?: ReadonlySet<string>): ReportView[] {
  return graph.reports.filter((r) => r.roundId === roundId && (!activityIds || activityIds.has(r.activityId)));
}

export function statusCounts(graph: PlanGraph, reports: readonly ReportView[], locale: Locale): StatusCount[] {
  const counts = new Map<string, number>();
  for (const report of reports) if (report.statusId) counts.set(report.statusId, (counts.get(report.statusId) ?? 0) + 1);
  return graph.statuses.map((status) => ({
    key: status.key,
    name: statusName(status, locale),
    colour: status.colour,
    count: counts.get(status.id) ?? 0,
  }));
}

/** Organisations responsible or co-responsible for any of the activities, in the workspace's order. */
export function organisationsInvolved(graph: PlanGraph, activities: readonly ActivityView[]): Organisation[] {
  const ids = new Set(activities.flatMap((a) => [...a.responsibleIds, ...a.coResponsibleIds]));
  return graph.organisations.filter((o) => ids.has(o.id));
}

export function activitiesOfGoal(graph: PlanGraph, goalId: string): ActivityView[] {
  return graph.activities.filter((a) => a.goalId === goalId);
}

export type BoardColumn = "ongoing" | "underDevelopment" | "needs";

export interface BoardRow {
  /** The split term (e.g. "för medarbetare"), or null for cards without one. */
  term: Term | null;
  ongoing: ActivityView[];
  underDevelopment: ActivityView[];
  needs: Need[];
}

export interface Board {
  rows: BoardRow[];
  completed: ActivityView[];
}

/**
 * The organisation slides' board: ongoing under "Pågående", planned and under development under
 * "Under utveckling", open needs under "Behov"; completed fold into a list; cancelled leave the board.
 * Split into rows by the plan's board-split taxonomy when it has one.
 */
export function goalBoard(graph: PlanGraph, goalId: string): Board {
  const activities = activitiesOfGoal(graph, goalId);
  const needs = graph.needs.filter((n) => n.goalId === goalId && !n.becameActivityId);
  const splitTerms = graph.plan.boardSplitTaxonomyId ? graph.terms.filter((t) => t.taxonomyId === graph.plan.boardSplitTaxonomyId) : [];
  const splitIds = new Set(splitTerms.map((t) => t.id));
  const rowOf = (termIds: readonly string[]) => termIds.find((id) => splitIds.has(id)) ?? null;
  const rows: BoardRow[] = [...splitTerms.map((term) => term as Term | null), null].map((term) => ({
    term,
    ongoing: [],
    underDevelopment: [],
    needs: [],
  }));
  const rowFor = (termId: string | null) => rows.find((r) => (r.term?.id ?? null) === termId)!;
  const completed: ActivityView[] = [];
  for (const activity of activities) {
    const row = rowFor(rowOf(activity.termIds));
    if (activity.phase === "ongoing") row.ongoing.push(activity);
    else if (activity.phase === "planned" || activity.phase === "under_development") row.underDevelopment.push(activity);
    else if (activity.phase === "completed") completed.push(activity);
  }
  for (const need of needs) rowFor(rowOf(graph.needTermIds.get(need.id) ?? [])).needs.push(need);
  return {
    rows: rows.filter((r) => r.term !== null || r.ongoing.length + r.underDevelopment.length + r.needs.length > 0 || splitTerms.length === 0),
    completed,
  };
}
