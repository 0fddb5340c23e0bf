// Pure figures derived from a plan graph: status distributions, organisations involved, the per-goal board.
import type { Locale } from "../domain/vocabulary.ts";
import type { ActivityView, Need, Organisation, PlanGraph, ReportView, Round, Status, Taxonomy, Term } from "./plan-graph.ts";

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
  /** Activities on the board (the columns and the completed list) and needs, after the filter. */
  activityCount: number;
  needCount: number;
}

/** What the board shows: one organisation (responsible or co-responsible) and/or terms (all of them must be carried). */
export interface BoardFilter {
  organisationId: string | null;
  termIds: string[];
}

export const NO_FILTER: BoardFilter = { organisationId: null, termIds: [] };

export function activityMatches(activity: ActivityView, filter: BoardFilter): boolean {
  if (filter.organisationId && !activity.responsibleIds.includes(filter.organisationId) && !activity.coResponsibleIds.includes(filter.organisationId)) {
    return false;
  }
  return filter.termIds.every((id) => activity.termIds.includes(id));
}

/** A need matches when the organisation that identified it is the filter's and it carries every filtered term. */
export function needMatches(graph: PlanGraph, need: Need, filter: BoardFilter): boolean {
  if (filter.organisationId && need.organisationId !== filter.organisationId) return false;
  const terms = graph.needTermIds.get(need.id) ?? [];
  return filter.termIds.every((id) => terms.includes(id));
}

/**
 * The organisation slides' board: ongoing under "Pågående", planned and under development under
 * "Under utveckling", open needs under "Behov"; completed fold into a list; cancelled leave the board.
 * Split into rows by the plan's board-split taxonomy when it has one.
 */
export function goalBoard(graph: PlanGraph, goalId: string, filter: BoardFilter = NO_FILTER): Board {
  const activities = activitiesOfGoal(graph, goalId).filter((a) => activityMatches(a, filter));
  const needs = graph.needs.filter((n) => n.goalId === goalId && !n.becameActivityId && needMatches(graph, n, filter));
  // An archived split taxonomy is not in the graph: the board is then simply not split.
  const splitId = graph.taxonomies.some((t) => t.id === graph.plan.boardSplitTaxonomyId) ? graph.plan.boardSplitTaxonomyId : null;
  const splitTerms = splitId ? graph.terms.filter((t) => t.taxonomyId === splitId) : [];
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
  let activityCount = 0;
  for (const activity of activities) {
    const row = rowFor(rowOf(activity.termIds));
    if (activity.phase === "ongoing") row.ongoing.push(activity);
    else if (activity.phase === "planned" || activity.phase === "under_development") row.underDevelopment.push(activity);
    else if (activity.phase === "completed") completed.push(activity);
    else continue;
    activityCount++;
  }
  for (const need of needs) rowFor(rowOf(graph.needTermIds.get(need.id) ?? [])).needs.push(need);
  return {
    rows: rows.filter((r) => r.term !== null || r.ongoing.length + r.underDevelopment.length + r.needs.length > 0 || splitTerms.length === 0),
    completed,
    activityCount,
    needCount: needs.length,
  };
}

/** Taxonomies the board filters by: every one of the plan's, except the one that splits the board and the kind. */
export function filterTaxonomies(graph: PlanGraph): Taxonomy[] {
  return graph.taxonomies.filter((t) => t.id !== graph.plan.boardSplitTaxonomyId && t.key !== "activity_kind" && t.key !== ORGANISATION_PARAM);
}

export const ORGANISATION_PARAM = "organisation";

export type ActiveFilter =
  | { param: string; kind: "organisation"; organisation: Organisation }
  | { param: string; kind: "term"; taxonomy: Taxonomy; term: Term };

export interface ParsedBoardFilter {
  filter: BoardFilter;
  /** What the filter holds, in the form's order. */
  active: ActiveFilter[];
  /** Parameters in the URL that were not used (unknown name, unknown or malformed value), for a visible note. */
  ignored: Array<{ param: string; value: string }>;
}

const KEY_VALUE = /^[a-z0-9][a-z0-9_-]{0,80}$/;

/**
 * The board filter in a goal page's query string: `organisation=<slug>` and `<taxonomy key>=<term key>`.
 * Anything not understood is ignored and reported back, never an error.
 */
export function boardFilterFrom(graph: PlanGraph, query: Record<string, unknown>): ParsedBoardFilter {
  const active: ActiveFilter[] = [];
  const ignored: Array<{ param: string; value: string }> = [];
  const taxonomies = filterTaxonomies(graph);
  const shown = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : String(value ?? ""));
  for (const [param, raw] of Object.entries(query)) {
    if (raw === "" || raw === undefined) continue;
    const value = typeof raw === "string" && KEY_VALUE.test(raw) ? raw : null;
    if (param === ORGANISATION_PARAM) {
      const organisation = value ? graph.organisations.find((o) => o.slug === value && !o.archivedAt) : undefined;
      if (organisation) active.push({ param, kind: "organisation", organisation });
      else ignored.push({ param, value: shown(raw) });
      continue;
    }
    const taxonomy = taxonomies.find((t) => t.key === param);
    const term = taxonomy && value ? graph.terms.find((t) => t.taxonomyId === taxonomy.id && t.key === value) : undefined;
    if (taxonomy && term) active.push({ param, kind: "term", taxonomy, term });
    else ignored.push({ param, value: shown(raw) });
  }
  const order = [ORGANISATION_PARAM, ...taxonomies.map((t) => t.key)];
  active.sort((a, b) => order.indexOf(a.param) - order.indexOf(b.param));
  const organisation = active.find((f) => f.kind === "organisation");
  return {
    filter: {
      organisationId: organisation?.kind === "organisation" ? organisation.organisation.id : null,
      termIds: active.flatMap((f) => (f.kind === "term" ? [f.term.id] : [])),
    },
    active,
    ignored,
  };
}

/** Action plans still in draft: internal readers see their activities, marked as not adopted. */
export function draftActionPlanIds(graph: PlanGraph): Set<string> {
  return new Set(graph.actionPlans.filter((p) => p.state === "draft").map((p) => p.id));
}

export function isDraftActivity(graph: PlanGraph, activity: Pick<ActivityView, "actionPlanId">): boolean {
  if (!activity.actionPlanId) return false;
  return graph.actionPlans.some((p) => p.id === activity.actionPlanId && p.state === "draft");
}
