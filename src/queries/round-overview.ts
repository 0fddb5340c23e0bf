// The coordinator's overview of a follow-up round: every organisation in the round with its report's state, how many of
// its activity reports are reported (status and narrative) and when it last changed, whether it is late; counts per
// state; and per goal the status distribution of the round's activity reports and the change since the plan's
// previous round (per status then and now, and how many activities moved to a later phase). Optionally only the
// activities under one goal. Reads only.
import { and, asc, desc, eq, inArray, lt, ne } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { daysBetween } from "../domain/local-date.ts";
import { isReported } from "../follow-up/reported.ts";
import type { Goal, Plan, Round, Status } from "./plan-graph.ts";

export const REPORT_STATES = ["not_started", "draft", "submitted", "approved", "accepted", "returned"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** States in which the organisation has handed its report in: not late, whatever the date. */
export const HANDED_IN: ReadonlySet<string> = new Set(["submitted", "approved", "accepted"]);

/** Late: the deadline has passed (`today` is after it) and the report has not been handed in. */
export function isOverdue(deadline: string, state: string, today: string): boolean {
  return today > deadline && !HANDED_IN.has(state);
}

/** The order of phases an activity moves through; cancelled is off the line and never "later". */
const PHASE_RANK: Record<string, number> = { planned: 0, under_development: 1, ongoing: 2, completed: 3 };

export function movedToLaterPhase(before: string, after: string): boolean {
  const a = PHASE_RANK[before];
  const b = PHASE_RANK[after];
  return a !== undefined && b !== undefined && b > a;
}

export interface OrganisationRow {
  organisationId: string;
  slug: string;
  name: string;
  state: string;
  /** Activity reports with a status and a narrative. */
  reported: number;
  /** The organisation's activity reports in the round (under the chosen goal). */
  total: number;
  lastChange: Date | null;
  overdue: boolean;
}

export interface StatusCount {
  status: Status;
  count: number;
}

export interface GoalComparison {
  round: Pick<Round, "id" | "slug" | "name" | "periodStart" | "periodEnd">;
  /** Per status: how many activity reports had it then, and have it now. */
  rows: Array<{ status: Status; then: number; now: number }>;
  /** Activities (per organisation) with a status in both rounds. */
  compared: number;
  /** Of those, how many moved to a later phase. */
  movedLater: number;
}

export interface GoalSection {
  goal: Goal;
  /** Activity reports under the goal in this round. */
  total: number;
  /** Of those, how many have no status yet. */
  withoutStatus: number;
  counts: StatusCount[];
  comparison: GoalComparison | null;
}

export interface RoundOverview {
  round: Round;
  /** The plan's previous round (by the end of its period), if any. */
  previous: Round | null;
  /** Days from today to the deadline: negative when it has passed. */
  daysLeft: number;
  organisations: OrganisationRow[];
  stateCounts: Record<ReportState, number>;
  reported: number;
  total: number;
  /** The plan's goals that can be chosen in the filter (not archived), in order. */
  goals: Goal[];
  /** The chosen goal, when the filter names one of the plan's goals. */
  goal: Goal | null;
  goalSections: GoalSection[];
}

/** The plan's round before this one: the latest (not a draft) whose period ends before this one's ends. */
export async function previousRound(db: Db, round: Round): Promise<Round | null> {
  const [previous] = await db.select().from(s.followUpRounds)
    .where(and(eq(s.followUpRounds.planId, round.planId), ne(s.followUpRounds.id, round.id), ne(s.followUpRounds.state, "draft"), lt(s.followUpRounds.periodEnd, round.periodEnd)))
    .orderBy(desc(s.followUpRounds.periodEnd))
    .limit(1);
  return previous ?? null;
}

interface ReportRow {
  activityId: string;
  organisationId: string;
  goalId: string;
  statusId: string | null;
  narrative: string;
  updatedAt: Date;
}

async function activityReportsOf(db: Db, roundId: string, organisationIds: string[]): Promise<ReportRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      activityId: s.activityReports.activityId, organisationId: s.activityReports.organisationId, goalId: s.activities.goalId,
      statusId: s.activityReports.statusId, narrative: s.activityReports.narrative, updatedAt: s.activityReports.updatedAt,
    })
    .from(s.activityReports)
    .innerJoin(s.activities, eq(s.activities.id, s.activityReports.activityId))
    .where(and(eq(s.activityReports.roundId, roundId), inArray(s.activityReports.organisationId, organisationIds)));
}

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * The overview of `round`. `goalId`: only activities under that goal count (ignored when it is not one of the
 * plan's goals — `goal` is then null). `today` is the ISO date in Stockholm.
 */
export async function roundOverview(db: Db, plan: Plan, round: Round, goalId: string | null, today: string): Promise<RoundOverview> {
  const organisations = await db
    .select({ organisation: s.organisations, report: s.organisationReports })
    .from(s.roundOrganisations)
    .innerJoin(s.organisations, eq(s.organisations.id, s.roundOrganisations.organisationId))
    .leftJoin(s.organisationReports, and(eq(s.organisationReports.roundId, s.roundOrganisations.roundId), eq(s.organisationReports.organisationId, s.roundOrganisations.organisationId)))
    .where(eq(s.roundOrganisations.roundId, round.id))
    .orderBy(asc(s.organisations.position), asc(s.organisations.name));
  const organisationIds = organisations.map((o) => o.organisation.id);

  const allGoals = await db.select().from(s.goals).where(eq(s.goals.planId, plan.id)).orderBy(asc(s.goals.position));
  const goal = goalId ? allGoals.find((g) => g.id === goalId && !g.archivedAt) ?? null : null;
  const statuses = await db.select().from(s.followUpStatuses).where(eq(s.followUpStatuses.planId, plan.id)).orderBy(asc(s.followUpStatuses.position));

  const inGoal = (r: ReportRow) => !goal || r.goalId === goal.id;
  const reports = (await activityReportsOf(db, round.id, organisationIds)).filter(inGoal);
  const previous = await previousRound(db, round);
  const earlier = previous ? (await activityReportsOf(db, previous.id, organisationIds)).filter(inGoal) : [];

  const stateCounts = Object.fromEntries(REPORT_STATES.map((state) => [state, 0])) as Record<ReportState, number>;
  const rows: OrganisationRow[] = organisations.map(({ organisation, report }) => {
    const state = report?.state ?? "not_started";
    if (state in stateCounts) stateCounts[state as ReportState] += 1;
    const own = reports.filter((r) => r.organisationId === organisation.id);
    const lastChange = own.reduce<Date | null>((last, r) => later(last, r.updatedAt), report?.updatedAt ?? null);
    return {
      organisationId: organisation.id, slug: organisation.slug, name: organisation.name, state,
      reported: own.filter(isReported).length, total: own.length, lastChange, overdue: isOverdue(round.deadline, state, today),
    };
  });

  const sectionGoals = allGoals.filter((g) => (goal ? g.id === goal.id : !g.archivedAt || reports.some((r) => r.goalId === g.id)));
  const goalSections = sectionGoals.map((g): GoalSection => {
    const now = reports.filter((r) => r.goalId === g.id);
    const then = earlier.filter((r) => r.goalId === g.id);
    const countOf = (list: ReportRow[], statusId: string) => list.filter((r) => r.statusId === statusId).length;
    const shown = statuses.filter((st) => !st.archivedAt || countOf(now, st.id) > 0 || countOf(then, st.id) > 0);
    let comparison: GoalComparison | null = null;
    if (previous) {
      const phaseOf = new Map(statuses.map((st) => [st.id, st.phase]));
      const before = new Map(then.filter((r) => r.statusId).map((r) => [`${r.activityId}:${r.organisationId}`, phaseOf.get(r.statusId!)!]));
      let compared = 0;
      let movedLater = 0;
      for (const r of now) {
        const was = before.get(`${r.activityId}:${r.organisationId}`);
        if (!r.statusId || was === undefined) continue;
        compared += 1;
        if (movedToLaterPhase(was, phaseOf.get(r.statusId)!)) movedLater += 1;
      }
      comparison = {
        round: previous,
        rows: shown.map((status) => ({ status, then: countOf(then, status.id), now: countOf(now, status.id) })),
        compared, movedLater,
      };
    }
    return {
      goal: g, total: now.length, withoutStatus: now.filter((r) => !r.statusId).length,
      counts: shown.map((status) => ({ status, count: countOf(now, status.id) })), comparison,
    };
  });

  return {
    round, previous, daysLeft: daysBetween(today, round.deadline), organisations: rows, stateCounts,
    reported: rows.reduce((n, r) => n + r.reported, 0), total: rows.reduce((n, r) => n + r.total, 0),
    goals: allGoals.filter((g) => !g.archivedAt), goal, goalSections,
  };
}
