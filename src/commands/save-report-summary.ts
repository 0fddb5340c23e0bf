// Saves an organisation's own texts in its report: the introduction, how the report was made, and the summary and
// planning ahead ("Sammanfattning och planering framåt"). Only while the report may be written; audited.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { writableOrganisationReport } from "./support/report-access.ts";
import { bumpContentVersion, changesBetween, checkVersion } from "./support/rows.ts";

export const SUMMARY_LIMITS = { introduction: 10_000, howMade: 5_000, summary: 20_000 } as const;

export interface ReportSummaryFields {
  introduction: string;
  howMade: string;
  summary: string;
}

export interface SaveSummaryInput extends ReportSummaryFields {
  organisationReportId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export async function saveReportSummary(db: Db, viewer: Viewer | null, input: SaveSummaryInput): Promise<{ version: number; changed: boolean }> {
  const problems = checkTexts([
    { field: "introduction", value: input.introduction, max: SUMMARY_LIMITS.introduction },
    { field: "howMade", value: input.howMade, max: SUMMARY_LIMITS.howMade },
    { field: "summary", value: input.summary, max: SUMMARY_LIMITS.summary },
  ], input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report } = await writableOrganisationReport(t, viewer, input.organisationReportId, "summary");
    throwIfProblems(problems);
    checkVersion<ReportSummaryFields>(report.version, input.version, () => ({ introduction: report.introduction, howMade: report.howMade, summary: report.summary }));
    const after = { introduction: input.introduction, howMade: input.howMade, summary: input.summary };
    const changes = changesBetween(report, after, ["introduction", "howMade", "summary"]);
    if (changes.length === 0) return { version: report.version, changed: false };
    const version = report.version + 1;
    await t.update(s.organisationReports).set({ ...after, state: report.state === "not_started" ? "draft" : report.state, version, updatedAt: new Date() })
      .where(eq(s.organisationReports.id, report.id));
    await bumpContentVersion(t, report.workspaceId);
    await recordAudit(t, {
      workspaceId: report.workspaceId, actorUserId: viewer!.userId, via: "web", action: "organisationReport.summarySaved", subjectType: "organisation_report",
      subjectId: report.id, organisationId: report.organisationId,
      changes: report.state === "not_started" ? [{ field: "state", before: "not_started", after: "draft" }, ...changes] : changes,
    });
    return { version, changed: true };
  });
}
