// A co-responsible organisation adds its own part to an activity's follow-up: an activity report of its own in its
// organisation report, beside the responsible organisation's. Only for activities of the plan it is co-responsible for.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Invalid } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { markStarted, writableOrganisationReport } from "./support/report-access.ts";
import { bumpContentVersion } from "./support/rows.ts";

export async function addCoResponsiblePart(db: Db, viewer: Viewer | null, input: { organisationReportId: string; activityId: string }): Promise<{ activityReportId: string }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { report, round } = await writableOrganisationReport(t, viewer, input.organisationReportId, "activityId");
    const [link] = await t.select({ id: s.activities.id, number: s.activities.number, title: s.activities.title }).from(s.activityOrganisations)
      .innerJoin(s.activities, eq(s.activities.id, s.activityOrganisations.activityId))
      .where(and(
        eq(s.activityOrganisations.activityId, input.activityId), eq(s.activityOrganisations.organisationId, report.organisationId),
        eq(s.activityOrganisations.role, "co_responsible"), eq(s.activities.planId, round.planId), isNull(s.activities.archivedAt),
      ));
    if (!link) throw new Invalid({ activityId: { key: "form.unknownChoice" } });
    const [existing] = await t.select({ id: s.activityReports.id }).from(s.activityReports)
      .where(and(eq(s.activityReports.roundId, round.id), eq(s.activityReports.activityId, input.activityId), eq(s.activityReports.organisationId, report.organisationId)));
    if (existing) return { activityReportId: existing.id };
    const [row] = await t.insert(s.activityReports).values({
      workspaceId: report.workspaceId, roundId: round.id, activityId: input.activityId, organisationId: report.organisationId, organisationReportId: report.id,
    }).returning({ id: s.activityReports.id });
    await markStarted(t, report);
    await bumpContentVersion(t, report.workspaceId);
    await recordAudit(t, {
      workspaceId: report.workspaceId, actorUserId: viewer!.userId, via: "web", action: "activityReport.partAdded", subjectType: "activity_report",
      subjectId: row!.id, organisationId: report.organisationId, changes: [{ field: "activity", before: null, after: [link.number, link.title].filter(Boolean).join(" ") }],
    });
    return { activityReportId: row!.id };
  });
}
