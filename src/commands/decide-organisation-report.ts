// The coordinator's decision on an organisation's report: accept it (each activity then follows its status to the
// matching phase), or return it with a comment so the organisation can change it again. And the approver's refusal:
// send the submitted report back to the organisation's editors with a comment. Each is audited and e-mailed.
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { phasesFollowAcceptedReport } from "./support/phase-from-status.ts";
import { peopleWithRole } from "./support/recipients.ts";
import { lockOrganisationReport, roundAllowsWriting, type FollowUpRound, type OrganisationReport } from "./support/report-access.ts";
import { moveReport, requireState, requireVersion, type NoticeChannel } from "./support/report-transition.ts";

export interface DecisionInput {
  organisationReportId: string;
  version: number;
}

export interface ReturnInput extends DecisionInput {
  comment: string;
  confirmedPersonalData: boolean;
}

/** States the coordinator decides from: approved, or submitted when the organisation has no approver. */
async function decidable(t: Db, report: OrganisationReport, field: string): Promise<void> {
  if (report.state === "submitted") {
    const approvers = await peopleWithRole(t, report.workspaceId, ["approver"], report.organisationId);
    if (approvers.length === 0) return;
    throw new Invalid({ [field]: { key: "report.awaitingApproval" } });
  }
  requireState(report, ["approved"], field);
}

async function locked(
  t: Db, viewer: Viewer | null, input: DecisionInput, action: "decide" | "approve", field: string,
): Promise<{ report: OrganisationReport; round: FollowUpRound; viewer: Viewer }> {
  if (!viewer) throw new LoginRequired();
  const { report, round } = await lockOrganisationReport(t, input.organisationReportId);
  if (!can(viewer, action, { type: "followUp", workspaceId: report.workspaceId, organisationId: report.organisationId })) throw new Forbidden();
  if (!roundAllowsWriting(round, report)) throw new Invalid({ [field]: { key: "report.roundClosed", params: { round: round.name } } });
  requireVersion(report, input.version, field);
  return { report, round, viewer };
}

const commentProblems = (input: ReturnInput) =>
  checkTexts([{ field: "returnComment", value: input.comment, max: 5000, required: true, requiredKey: "report.commentRequired" }], input.confirmedPersonalData);

const editorsOf = async (t: Db, report: OrganisationReport) => {
  const editors = await peopleWithRole(t, report.workspaceId, ["editor"], report.organisationId);
  return editors;
};

export async function acceptOrganisationReport(db: Db, viewer: Viewer | null, channel: NoticeChannel, input: DecisionInput): Promise<{ phaseChanges: number }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, viewer: v } = await locked(t, viewer, input, "decide", "accept");
    await decidable(t, report, "accept");
    await moveReport(t, channel, {
      report, viewer: v, action: "organisationReport.accepted", to: "accepted", set: { acceptedAt: new Date(), acceptedBy: v.userId },
      notice: { kind: "accepted", recipients: await editorsOf(t, report) },
    });
    const changes = await phasesFollowAcceptedReport(t, report.id, v.userId);
    return { phaseChanges: changes.length };
  });
}

export async function returnOrganisationReport(db: Db, viewer: Viewer | null, channel: NoticeChannel, input: ReturnInput): Promise<void> {
  const problems = commentProblems(input);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, viewer: v } = await locked(t, viewer, input, "decide", "return");
    await decidable(t, report, "return");
    throwIfProblems(problems);
    await moveReport(t, channel, {
      report, viewer: v, action: "organisationReport.returned", to: "returned", set: { returnComment: input.comment.trim() },
      changes: [{ field: "returnComment", before: report.returnComment, after: input.comment.trim() }],
      notice: { kind: "returned", recipients: await editorsOf(t, report), comment: input.comment.trim() },
    });
  });
}

/** The approver does not approve: the report goes back to the organisation's editors with the approver's comment. */
export async function declineOrganisationReport(db: Db, viewer: Viewer | null, channel: NoticeChannel, input: ReturnInput): Promise<void> {
  const problems = commentProblems(input);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, viewer: v } = await locked(t, viewer, input, "approve", "decline");
    requireState(report, ["submitted"], "decline");
    throwIfProblems(problems);
    await t.insert(s.reportApprovals).values({
      workspaceId: report.workspaceId, organisationReportId: report.id, userId: v.userId, decision: "declined", comment: input.comment.trim(),
    });
    await moveReport(t, channel, {
      report, viewer: v, action: "organisationReport.declined", to: "returned", set: { returnComment: input.comment.trim() },
      changes: [{ field: "returnComment", before: report.returnComment, after: input.comment.trim() }],
      notice: { kind: "declined", recipients: await editorsOf(t, report), comment: input.comment.trim() },
    });
  });
}
