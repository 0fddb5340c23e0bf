// An approver of the organisation approves its submitted report and records where it was anchored ("förankrad"):
// the body (styrgrupp, ledningsgrupp …) and the date. The round says how many must approve: one, any one of several,
// or all of them; and whether the person who submitted may approve. When enough have approved, the report is
// approved and the coordinators are told; until then each approval is recorded and audited.
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { localDate } from "../domain/local-date.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, isIsoDate, throwIfProblems } from "./support/checks.ts";
import { peopleWithRole } from "./support/recipients.ts";
import { lockOrganisationReport, roundAllowsWriting } from "./support/report-access.ts";
import { moveReport, requireState, requireVersion, type NoticeChannel } from "./support/report-transition.ts";

export interface ApproveReportInput {
  organisationReportId: string;
  version: number;
  anchoredIn: string;
  anchoredOn: string;
  comment: string;
  confirmedPersonalData: boolean;
  /** Today in Stockholm; the anchoring date may not be later. */
  today?: string;
}

export async function approveOrganisationReport(db: Db, viewer: Viewer | null, channel: NoticeChannel, input: ApproveReportInput): Promise<{ state: string }> {
  if (!viewer) throw new LoginRequired();
  const problems = checkTexts([
    { field: "anchoredIn", value: input.anchoredIn, max: 200, required: true, requiredKey: "approval.anchoredInRequired" },
    { field: "comment", value: input.comment, max: 2000 },
  ], input.confirmedPersonalData);
  const today = input.today ?? localDate();
  if (!input.anchoredOn) problems.anchoredOn ??= { key: "form.dateRequired" };
  else if (!isIsoDate(input.anchoredOn)) problems.anchoredOn ??= { key: "form.dateInvalid" };
  else if (input.anchoredOn > today) problems.anchoredOn ??= { key: "approval.anchoredInFuture" };

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, round } = await lockOrganisationReport(t, input.organisationReportId);
    if (!can(viewer, "approve", { type: "followUp", workspaceId: report.workspaceId, organisationId: report.organisationId })) throw new Forbidden();
    if (!roundAllowsWriting(round, report)) throw new Invalid({ approve: { key: "report.roundClosed", params: { round: round.name } } });
    requireState(report, ["submitted"], "approve");
    requireVersion(report, input.version, "approve");
    if (round.requireDifferentApprover && report.submittedBy === viewer.userId) throw new Invalid({ approve: { key: "approval.ownSubmission" } });
    throwIfProblems(problems);

    await t.insert(s.reportApprovals).values({
      workspaceId: report.workspaceId, organisationReportId: report.id, userId: viewer.userId, decision: "approved", comment: input.comment.trim(),
    });
    // Approvals of this submission (a returned and resubmitted report starts again).
    const since = report.submittedAt ?? new Date(0);
    const approvals = await t.selectDistinct({ userId: s.reportApprovals.userId }).from(s.reportApprovals)
      .where(and(eq(s.reportApprovals.organisationReportId, report.id), eq(s.reportApprovals.decision, "approved"), gte(s.reportApprovals.decidedAt, since)));
    const approvedBy = new Set(approvals.map((a) => a.userId));
    const approvers = await peopleWithRole(t, report.workspaceId, ["approver"], report.organisationId);
    const eligible = approvers.filter((a) => !(round.requireDifferentApprover && a.userId === report.submittedBy));
    const enough = round.approvalMode === "all" ? eligible.every((a) => approvedBy.has(a.userId)) : approvedBy.size >= 1;
    const anchoring = [
      { field: "anchoredIn", before: report.anchoredIn, after: input.anchoredIn.trim() },
      { field: "anchoredOn", before: report.anchoredOn, after: input.anchoredOn },
    ];
    if (!enough) {
      await recordAudit(t, {
        workspaceId: report.workspaceId, actorUserId: viewer.userId, via: "web", action: "organisationReport.approvalRecorded",
        subjectType: "organisation_report", subjectId: report.id, organisationId: report.organisationId,
        changes: [{ field: "approvals", before: null, after: `${approvedBy.size}/${eligible.length}` }],
      });
      await t.update(s.organisationReports).set({ version: report.version + 1, updatedAt: new Date() }).where(eq(s.organisationReports.id, report.id));
      return { state: "submitted" };
    }
    await moveReport(t, channel, {
      report, viewer, action: "organisationReport.approved", to: "approved",
      set: { anchoredIn: input.anchoredIn.trim(), anchoredOn: input.anchoredOn }, changes: anchoring,
      notice: { kind: "approved", recipients: await peopleWithRole(t, report.workspaceId, ["coordinator"]) },
    });
    return { state: "approved" };
  });
}
