// Submits an organisation's report as a whole: from draft (or returned) to submitted, for the organisation's approval.
// Activities still without a status, or "not started" without a comment, need the person to confirm; a round that
// asks for the summary needs one. The approvers are told by e-mail (the coordinators, when the organisation has none).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { shortActivityName } from "../domain/activity-name.ts";
import { throwIfProblems, type Problems } from "./support/checks.ts";
import { peopleWithRole } from "./support/recipients.ts";
import { writableOrganisationReport } from "./support/report-access.ts";
import { moveReport, requireVersion, type NoticeChannel } from "./support/report-transition.ts";

export interface SubmitReportInput {
  organisationReportId: string;
  version: number;
  /** "Yes, submit although these activities are not started and have no comment." */
  confirmNotStarted: boolean;
}

/** Activities of the report with no status, or a "not started" status and no comment: their numbers (or short titles). */
export async function unexplainedNotStarted(t: Db, organisationReportId: string): Promise<string[]> {
  const rows = await t
    .select({ number: s.activities.number, title: s.activities.title, meaning: s.followUpStatuses.meaning, comment: s.activityReports.statusComment })
    .from(s.activityReports)
    .innerJoin(s.activities, eq(s.activities.id, s.activityReports.activityId))
    .leftJoin(s.followUpStatuses, eq(s.followUpStatuses.id, s.activityReports.statusId))
    .where(eq(s.activityReports.organisationReportId, organisationReportId))
    .orderBy(asc(s.activities.number));
  return rows.filter((r) => (r.meaning === null || r.meaning === "not_started") && r.comment.trim() === "").map(shortActivityName);
}

export async function submitOrganisationReport(db: Db, viewer: Viewer | null, channel: NoticeChannel, input: SubmitReportInput): Promise<{ state: string }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, round } = await writableOrganisationReport(t, viewer, input.organisationReportId, "submit");
    requireVersion(report, input.version, "submit");
    const problems: Problems = {};
    const [count] = await t.select({ id: s.activityReports.id }).from(s.activityReports).where(and(eq(s.activityReports.organisationReportId, report.id))).limit(1);
    if (!count && !report.summary.trim()) problems.submit = { key: "report.nothingToSubmit" };
    if (round.asks.summary && !report.summary.trim()) problems.summary = { key: "report.summaryRequired" };
    const unexplained = await unexplainedNotStarted(t, report.id);
    if (unexplained.length > 0 && !input.confirmNotStarted) {
      problems.confirmNotStarted = { key: "report.confirmNotStarted", params: { count: unexplained.length, numbers: unexplained.join(", ") } };
    }
    throwIfProblems(problems);
    const approvers = await peopleWithRole(t, report.workspaceId, ["approver"], report.organisationId);
    const recipients = approvers.length > 0 ? approvers : await peopleWithRole(t, report.workspaceId, ["coordinator"]);
    await moveReport(t, channel, {
      report, viewer: viewer!, action: "organisationReport.submitted", to: "submitted",
      set: { submittedAt: new Date(), submittedBy: viewer!.userId, returnComment: null },
      changes: unexplained.length ? [{ field: "notStartedConfirmed", before: null, after: unexplained.join(", ") }] : [],
      notice: { kind: approvers.length > 0 ? "submitted" : "awaitingDecision", recipients },
    });
    return { state: "submitted" };
  });
}
