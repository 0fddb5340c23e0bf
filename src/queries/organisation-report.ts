// What an organisation's report page and an activity's report form show: the round, the organisation's report with
// its activity reports (number, title, goal, status, done or not), the activities it is co-responsible for, the
// approvals so far, and for one activity its report, figures and last round's report beside it.
import { and, asc, desc, eq, lt, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { NotFound } from "../domain/errors.ts";
import { compareMeasureNumbers } from "../domain/vocabulary.ts";
import { isReported } from "../follow-up/reported.ts";
import type { Organisation, OrganisationReport, Plan, Round, Status } from "./plan-graph.ts";

export async function findRound(db: Db, planId: string, slug: string): Promise<Round> {
  const [round] = await db.select().from(s.followUpRounds).where(and(eq(s.followUpRounds.planId, planId), eq(s.followUpRounds.slug, slug)));
  if (!round) throw new NotFound("round");
  return round;
}

export interface RoundListItem extends Round {
  organisations: number;
  accepted: number;
}

/** The plan's rounds, latest period first, with how many organisations are asked and how many are accepted. */
export async function roundsOfPlan(db: Db, planId: string): Promise<RoundListItem[]> {
  const rounds = await db.select().from(s.followUpRounds).where(eq(s.followUpRounds.planId, planId)).orderBy(desc(s.followUpRounds.periodEnd), desc(s.followUpRounds.createdAt));
  const counts = await db
    .select({ roundId: s.organisationReports.roundId, organisations: sql<number>`count(*)::int`, accepted: sql<number>`(count(*) filter (where ${s.organisationReports.state} = 'accepted'))::int` })
    .from(s.organisationReports).innerJoin(s.followUpRounds, eq(s.followUpRounds.id, s.organisationReports.roundId))
    .where(eq(s.followUpRounds.planId, planId)).groupBy(s.organisationReports.roundId);
  const byRound = new Map(counts.map((c) => [c.roundId, c]));
  return rounds.map((r) => ({ ...r, organisations: Number(byRound.get(r.id)?.organisations ?? 0), accepted: Number(byRound.get(r.id)?.accepted ?? 0) }));
}

export interface ActivityReportLine {
  id: string;
  activityId: string;
  number: string | null;
  title: string;
  goalNumber: string | null;
  goalTitle: string;
  status: Pick<Status, "id" | "name" | "nameEn" | "colour" | "meaning"> | null;
  statusComment: string;
  reported: boolean;
  figures: number;
}

export interface OrganisationReportView {
  organisation: Organisation;
  report: OrganisationReport;
  lines: ActivityReportLine[];
  /** Activities of the plan the organisation is co-responsible for and has no part in yet. */
  coResponsible: Array<{ activityId: string; number: string | null; title: string }>;
  approvals: Array<{ name: string; decision: string; comment: string; decidedAt: Date }>;
  approvers: number;
  submittedByName: string | null;
  acceptedByName: string | null;
}

export async function organisationReportView(db: Db, plan: Plan, round: Round, organisationSlug: string): Promise<OrganisationReportView> {
  const [found] = await db
    .select({ organisation: s.organisations, report: s.organisationReports })
    .from(s.organisationReports)
    .innerJoin(s.organisations, eq(s.organisations.id, s.organisationReports.organisationId))
    .where(and(eq(s.organisationReports.roundId, round.id), eq(s.organisations.slug, organisationSlug), eq(s.organisations.workspaceId, plan.workspaceId)));
  if (!found) throw new NotFound("organisation report");
  const { organisation, report } = found;
  const rows = await db
    .select({ ar: s.activityReports, number: s.activities.number, title: s.activities.title, goalNumber: s.goals.number, goalTitle: s.goals.title, status: s.followUpStatuses,
      figures: sql<number>`(select count(*)::int from figure f where f.activity_report_id = ${s.activityReports.id})` })
    .from(s.activityReports)
    .innerJoin(s.activities, eq(s.activities.id, s.activityReports.activityId))
    .innerJoin(s.goals, eq(s.goals.id, s.activities.goalId))
    .leftJoin(s.followUpStatuses, eq(s.followUpStatuses.id, s.activityReports.statusId))
    .where(eq(s.activityReports.organisationReportId, report.id));
  const lines = rows
    .map((r) => ({
      id: r.ar.id, activityId: r.ar.activityId, number: r.number, title: r.title, goalNumber: r.goalNumber, goalTitle: r.goalTitle,
      status: r.status ? { id: r.status.id, name: r.status.name, nameEn: r.status.nameEn, colour: r.status.colour, meaning: r.status.meaning } : null,
      statusComment: r.ar.statusComment, reported: isReported(r.ar), figures: Number(r.figures),
    }))
    .sort((a, b) => compareMeasureNumbers(a.number, b.number));
  const reportedIds = lines.map((l) => l.activityId);
  const coResponsible = await db
    .select({ activityId: s.activities.id, number: s.activities.number, title: s.activities.title })
    .from(s.activityOrganisations)
    .innerJoin(s.activities, eq(s.activities.id, s.activityOrganisations.activityId))
    .where(and(
      eq(s.activityOrganisations.organisationId, organisation.id), eq(s.activityOrganisations.role, "co_responsible"), eq(s.activities.planId, plan.id),
      sql`${s.activities.archivedAt} is null`, reportedIds.length ? notInArray(s.activities.id, reportedIds) : undefined,
    ));
  coResponsible.sort((a, b) => compareMeasureNumbers(a.number, b.number));
  const approvals = await db
    .select({ name: s.users.name, decision: s.reportApprovals.decision, comment: s.reportApprovals.comment, decidedAt: s.reportApprovals.decidedAt })
    .from(s.reportApprovals).innerJoin(s.users, eq(s.users.id, s.reportApprovals.userId))
    .where(eq(s.reportApprovals.organisationReportId, report.id)).orderBy(asc(s.reportApprovals.decidedAt));
  const [approverCount] = await db.select({ n: sql<number>`count(distinct ${s.memberships.userId})::int` }).from(s.memberships)
    .innerJoin(s.users, eq(s.users.id, s.memberships.userId))
    .where(and(eq(s.memberships.organisationId, organisation.id), eq(s.memberships.role, "approver"), sql`${s.users.disabledAt} is null`));
  const nameOf = async (id: string | null) => (id ? (await db.select({ name: s.users.name }).from(s.users).where(eq(s.users.id, id)))[0]?.name ?? null : null);
  return {
    organisation, report, lines, coResponsible, approvals, approvers: Number(approverCount?.n ?? 0),
    submittedByName: await nameOf(report.submittedBy), acceptedByName: await nameOf(report.acceptedBy),
  };
}

export interface PreviousReport {
  roundName: string;
  status: Pick<Status, "name" | "nameEn" | "colour"> | null;
  narrative: string;
  nextSteps: string;
  figures: Array<typeof s.figures.$inferSelect>;
}

/** The same organisation's report on the activity in the plan's latest earlier round, if there is one. */
export async function previousActivityReport(db: Db, round: Round, activityId: string, organisationId: string): Promise<PreviousReport | null> {
  const [row] = await db
    .select({ ar: s.activityReports, roundName: s.followUpRounds.name, status: s.followUpStatuses })
    .from(s.activityReports)
    .innerJoin(s.followUpRounds, eq(s.followUpRounds.id, s.activityReports.roundId))
    .leftJoin(s.followUpStatuses, eq(s.followUpStatuses.id, s.activityReports.statusId))
    .where(and(
      eq(s.activityReports.activityId, activityId), eq(s.activityReports.organisationId, organisationId), eq(s.followUpRounds.planId, round.planId),
      ne(s.followUpRounds.id, round.id), lt(s.followUpRounds.periodEnd, round.periodEnd),
    ))
    .orderBy(desc(s.followUpRounds.periodEnd)).limit(1);
  if (!row) return null;
  const figures = await db.select().from(s.figures).where(eq(s.figures.activityReportId, row.ar.id)).orderBy(asc(s.figures.position));
  return {
    roundName: row.roundName, status: row.status ? { name: row.status.name, nameEn: row.status.nameEn, colour: row.status.colour } : null,
    narrative: row.ar.narrative, nextSteps: row.ar.nextSteps, figures,
  };
}

/** The plan's statuses a report may choose, in order. */
export function statusChoices(db: Db, planId: string): Promise<Status[]> {
  return db.select().from(s.followUpStatuses).where(and(eq(s.followUpStatuses.planId, planId), sql`${s.followUpStatuses.archivedAt} is null`)).orderBy(asc(s.followUpStatuses.position));
}
