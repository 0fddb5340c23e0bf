// Whether an organisation's report for a round may be written now, shared by every command that changes a report's
// content (activity reports, figures, attachments, the summary): the round is open (or this organisation's reports
// were reopened after closing), and the report is not submitted, approved or accepted. Locks the report row.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/roles.ts";
import { can } from "../../policies/can.ts";

export type OrganisationReport = typeof s.organisationReports.$inferSelect;
export type FollowUpRound = typeof s.followUpRounds.$inferSelect;
export type ActivityReport = typeof s.activityReports.$inferSelect;

/** States in which the organisation still writes its report. */
export const WRITABLE_STATES: ReadonlySet<string> = new Set(["not_started", "draft", "returned"]);

/** The round is open, or closed with this organisation's reports reopened. */
export function roundAllowsWriting(round: Pick<FollowUpRound, "state">, report: Pick<OrganisationReport, "reopenedAt">): boolean {
  return round.state === "open" || (round.state === "closed" && report.reopenedAt !== null);
}

/** True when the report can be written now (state and round), whoever asks. */
export function reportIsWritable(round: Pick<FollowUpRound, "state">, report: Pick<OrganisationReport, "state" | "reopenedAt">): boolean {
  return roundAllowsWriting(round, report) && WRITABLE_STATES.has(report.state);
}

/** Locks the organisation report and its round (in that order: every transition does the same, so no deadlock). */
export async function lockOrganisationReport(t: Db, organisationReportId: string): Promise<{ report: OrganisationReport; round: FollowUpRound }> {
  const [report] = await t.select().from(s.organisationReports).where(eq(s.organisationReports.id, organisationReportId)).for("update");
  if (!report) throw new NotFound("organisation report");
  const [round] = await t.select().from(s.followUpRounds).where(eq(s.followUpRounds.id, report.roundId));
  if (!round) throw new NotFound("round");
  return { report, round };
}

/**
 * The report, locked, when `viewer` may write it now. Throws LoginRequired, NotFound, Forbidden (not its editor or a
 * coordinator), or Invalid under `field` with "report.roundClosed" / "report.notWritable" (submitted, approved …).
 */
export async function writableOrganisationReport(
  t: Db, viewer: Viewer | null, organisationReportId: string, field = "report",
): Promise<{ report: OrganisationReport; round: FollowUpRound }> {
  if (!viewer) throw new LoginRequired();
  const { report, round } = await lockOrganisationReport(t, organisationReportId);
  if (!can(viewer, "report", { type: "followUp", workspaceId: report.workspaceId, organisationId: report.organisationId })) throw new Forbidden();
  if (!roundAllowsWriting(round, report)) throw new Invalid({ [field]: { key: "report.roundClosed", params: { round: round.name } } });
  if (!WRITABLE_STATES.has(report.state)) throw new Invalid({ [field]: { key: "report.notWritable", params: { state: report.state } } });
  return { report, round };
}

/** The activity report with its organisation report (locked) when `viewer` may write it now. */
export async function writableActivityReport(
  t: Db, viewer: Viewer | null, activityReportId: string, field = "report",
): Promise<{ activityReport: ActivityReport; report: OrganisationReport; round: FollowUpRound }> {
  if (!viewer) throw new LoginRequired();
  const [found] = await t.select({ organisationReportId: s.activityReports.organisationReportId }).from(s.activityReports).where(eq(s.activityReports.id, activityReportId));
  if (!found) throw new NotFound("activity report");
  const { report, round } = await writableOrganisationReport(t, viewer, found.organisationReportId, field);
  const [activityReport] = await t.select().from(s.activityReports).where(eq(s.activityReports.id, activityReportId)).for("update");
  if (!activityReport) throw new NotFound("activity report");
  return { activityReport, report, round };
}

/** The first saved word moves a report from "not started" to "draft". */
export async function markStarted(t: Db, report: OrganisationReport): Promise<void> {
  if (report.state !== "not_started") return;
  await t.update(s.organisationReports).set({ state: "draft", updatedAt: new Date() }).where(eq(s.organisationReports.id, report.id));
}
