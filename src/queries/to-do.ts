// "Att göra": what waits for the logged-in person in a workspace's follow-up rounds. Editors: their organisations'
// reports still to write (open rounds, or reopened after closing). Approvers: submitted reports of their organisations
// they have not decided on since. Coordinators and administrators: approved reports waiting for a decision, and the
// late ones (deadline passed, not handed in). Each with x of y activities reported and the deadline. Reads only.
import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { daysBetween } from "../domain/local-date.ts";
import { organisationsWithRole, rolesIn, type Viewer } from "../domain/roles.ts";
import { isReported } from "../follow-up/reported.ts";
import { reportIsWritable } from "../commands/support/report-access.ts";
import { HANDED_IN } from "./round-overview.ts";
import type { Workspace } from "./plan-graph.ts";

export interface ToDoItem {
  reportId: string;
  plan: { slug: string; name: string };
  round: { slug: string; name: string; deadline: string };
  organisation: { slug: string; name: string };
  state: string;
  reported: number;
  total: number;
  /** Days from today to the deadline: negative when it has passed. */
  daysLeft: number;
}

export interface ToDo {
  /** Which lists apply to the person (by their roles), so the page shows only those. */
  roles: { editor: boolean; approver: boolean; coordinator: boolean };
  write: ToDoItem[];
  approve: ToDoItem[];
  decide: ToDoItem[];
  overdue: ToDoItem[];
}

export async function toDoFor(db: Db, viewer: Viewer, workspace: Workspace, today: string): Promise<ToDo> {
  const held = rolesIn(viewer, workspace.id);
  const editorOf = organisationsWithRole(viewer, workspace.id, "editor");
  const approverOf = organisationsWithRole(viewer, workspace.id, "approver");
  const coordinator = held.has("admin") || held.has("coordinator");
  const roles = { editor: editorOf.size > 0, approver: approverOf.size > 0, coordinator };
  const empty: ToDo = { roles, write: [], approve: [], decide: [], overdue: [] };

  // Only the reports someone here could be asked about: of their organisations, or all of them for coordinators.
  const mine = [...new Set([...editorOf, ...approverOf])];
  if (!coordinator && mine.length === 0) return empty;
  const scope: SQL[] = [eq(s.organisationReports.workspaceId, workspace.id), isNull(s.plans.archivedAt)];
  if (!coordinator) scope.push(inArray(s.organisationReports.organisationId, mine));
  // Open rounds, and closed ones where a report was reopened.
  scope.push(or(eq(s.followUpRounds.state, "open"), and(eq(s.followUpRounds.state, "closed"), isNotNull(s.organisationReports.reopenedAt)))!);
  const rows = await db
    .select({ report: s.organisationReports, round: s.followUpRounds, plan: { slug: s.plans.slug, name: s.plans.name }, organisation: { slug: s.organisations.slug, name: s.organisations.name } })
    .from(s.organisationReports)
    .innerJoin(s.followUpRounds, eq(s.followUpRounds.id, s.organisationReports.roundId))
    .innerJoin(s.plans, eq(s.plans.id, s.followUpRounds.planId))
    .innerJoin(s.organisations, eq(s.organisations.id, s.organisationReports.organisationId))
    .where(and(...scope))
    .orderBy(asc(s.followUpRounds.deadline), asc(s.plans.name), asc(s.organisations.position), asc(s.organisations.name));
  const live = rows;
  if (live.length === 0) return empty;

  const reportIds = live.map((r) => r.report.id);
  const activityReports = await db
    .select({ organisationReportId: s.activityReports.organisationReportId, statusId: s.activityReports.statusId, narrative: s.activityReports.narrative })
    .from(s.activityReports)
    .where(inArray(s.activityReports.organisationReportId, reportIds));
  const decided = approverOf.size
    ? await db.select({ organisationReportId: s.reportApprovals.organisationReportId, decidedAt: s.reportApprovals.decidedAt })
        .from(s.reportApprovals)
        .where(and(inArray(s.reportApprovals.organisationReportId, reportIds), eq(s.reportApprovals.userId, viewer.userId)))
    : [];

  const item = ({ report, round, plan, organisation }: (typeof live)[number]): ToDoItem => {
    const own = activityReports.filter((a) => a.organisationReportId === report.id);
    return {
      reportId: report.id, plan, round: { slug: round.slug, name: round.name, deadline: round.deadline }, organisation, state: report.state,
      reported: own.filter(isReported).length, total: own.length, daysLeft: daysBetween(today, round.deadline),
    };
  };
  /** The approver has decided on this submission already (a decision after it was submitted). */
  const decidedSince = (r: (typeof live)[number]) =>
    decided.some((d) => d.organisationReportId === r.report.id && (!r.report.submittedAt || d.decidedAt >= r.report.submittedAt));
  /** The round wants someone else than the submitter to approve. */
  const ownSubmission = (r: (typeof live)[number]) => r.round.requireDifferentApprover && r.report.submittedBy === viewer.userId;

  return {
    roles,
    write: live.filter((r) => editorOf.has(r.report.organisationId) && reportIsWritable(r.round, r.report)).map(item),
    approve: live.filter((r) => approverOf.has(r.report.organisationId) && r.report.state === "submitted" && !decidedSince(r) && !ownSubmission(r)).map(item),
    decide: coordinator ? live.filter((r) => r.report.state === "approved").map(item) : [],
    overdue: coordinator ? live.filter((r) => r.round.state === "open" && today > r.round.deadline && !HANDED_IN.has(r.report.state)).map(item) : [],
  };
}
