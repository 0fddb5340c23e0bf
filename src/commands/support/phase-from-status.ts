// When the coordinator accepts an organisation's report, each activity it reports on moves to the phase its status
// stands for (follow_up_status.phase, which the coordinator edits on the statuses page). Only the responsible
// organisation's report moves an activity; a co-responsible organisation's part does not. Runs inside the accepting
// command's transaction (the follow-up cycle's accept command calls it).
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client.ts";
import { activities } from "../../db/schema/index.ts";
import { recordAudit } from "../audit.ts";
import { freezeRevisionIfAdopted } from "./action-plan-revision.ts";
import { bumpContentVersion } from "./rows.ts";

export interface PhaseChange {
  activityId: string;
  before: string;
  after: string;
}

export async function phasesFollowAcceptedReport(t: Db, organisationReportId: string, actorUserId: string | null): Promise<PhaseChange[]> {
  const rows = await queryRows<{ activity_id: string; phase: string; status_phase: string; action_plan_id: string | null; workspace_id: string; organisation_id: string }>(
    t,
    sql`select a.id as activity_id, a.phase, s.phase as status_phase, a.action_plan_id, a.workspace_id, ar.organisation_id
        from activity_report ar
        join follow_up_status s on s.id = ar.status_id
        join activity a on a.id = ar.activity_id
        where ar.organisation_report_id = ${organisationReportId}
          and a.archived_at is null
          and exists (select 1 from activity_organisation ao
                      where ao.activity_id = a.id and ao.organisation_id = ar.organisation_id and ao.role = 'responsible')
        order by a.id
        for update of a`,
  );
  const changes: PhaseChange[] = [];
  const actionPlans = new Set<string>();
  for (const row of rows) {
    if (row.phase === row.status_phase) continue;
    await t
      .update(activities)
      .set({ phase: row.status_phase, version: sql`${activities.version} + 1`, updatedAt: new Date() })
      .where(eq(activities.id, row.activity_id));
    await recordAudit(t, {
      workspaceId: row.workspace_id, actorUserId, via: "web", action: "activity.phaseFollowedStatus", subjectType: "activity",
      subjectId: row.activity_id, organisationId: row.organisation_id, changes: [{ field: "phase", before: row.phase, after: row.status_phase }],
    });
    changes.push({ activityId: row.activity_id, before: row.phase, after: row.status_phase });
    if (row.action_plan_id) actionPlans.add(row.action_plan_id);
  }
  for (const actionPlanId of actionPlans) await freezeRevisionIfAdopted(t, actionPlanId, actorUserId);
  if (changes.length > 0) await bumpContentVersion(t, rows[0]!.workspace_id);
  return changes;
}
