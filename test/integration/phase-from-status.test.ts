// Accepting a report moves each reported activity to the phase its status stands for — from the plan's own
// status → phase mapping, only by the responsible organisation's report, audited, and as a new revision of an
// adopted action plan. The follow-up cycle's accept command calls this inside its transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../src/db/client.ts";
import { phasesFollowAcceptedReport } from "../../src/commands/support/phase-from-status.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let reportId: string;
let reported: Array<{ activity_id: string; number: string; status_phase: string; action_plan_id: string }>;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const phaseOf = async (id: string) => (await one<{ phase: string }>(sql`select phase from activity where id = ${id}`)).phase;
const run = () => database.db.transaction((tx) => phasesFollowAcceptedReport(tx as unknown as Db, reportId, null));

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  reportId = (
    await one<{ id: string }>(sql`
      select r.id from organisation_report r join organisation o on o.id = r.organisation_id join follow_up_round fr on fr.id = r.round_id
      where o.slug = 'asf' and fr.slug = 'uppfoljning-2024'`)
  ).id;
  reported = await queryRows(database.db, sql`
    select a.id as activity_id, a.number, s.phase as status_phase, a.action_plan_id
    from activity_report ar join activity a on a.id = ar.activity_id join follow_up_status s on s.id = ar.status_id
    join activity_organisation ao on ao.activity_id = a.id and ao.organisation_id = ar.organisation_id and ao.role = 'responsible'
    where ar.organisation_report_id = ${reportId} order by a.number`);
});
afterAll(async () => {
  await database?.close();
});

describe("an accepted report moves its activities' phases", () => {
  it("has reported activities with statuses in the demo", () => {
    expect(reported.length).toBeGreaterThan(3);
  });

  it("moves an activity whose phase lags behind its status, audits it and freezes a new revision", async () => {
    const target = reported[0]!;
    const other = target.status_phase === "planned" ? "ongoing" : "planned";
    await database.db.execute(sql`update activity set phase = ${other} where id = ${target.activity_id}`);
    const revisionsBefore = (await one<{ n: number }>(sql`select count(*)::int as n from action_plan_revision where action_plan_id = ${target.action_plan_id}`)).n;
    const changes = await run();
    expect(changes).toContainEqual({ activityId: target.activity_id, before: other, after: target.status_phase });
    expect(await phaseOf(target.activity_id)).toBe(target.status_phase);
    const audit = await one<{ action: string; changes: unknown }>(sql`select action, changes from audit_event where subject_id = ${target.activity_id} order by at desc limit 1`);
    expect(audit.action).toBe("activity.phaseFollowedStatus");
    expect(audit.changes).toEqual([{ field: "phase", before: other, after: target.status_phase }]);
    const revisionsAfter = (await one<{ n: number }>(sql`select count(*)::int as n from action_plan_revision where action_plan_id = ${target.action_plan_id}`)).n;
    expect(revisionsAfter).toBe(revisionsBefore + 1);
  });

  it("changes nothing the second time", async () => {
    expect(await run()).toEqual([]);
  });

  it("follows the plan's own mapping when the coordinator edits a status's phase", async () => {
    const target = reported[0]!;
    const status = await one<{ id: string }>(sql`select ar.status_id as id from activity_report ar where ar.organisation_report_id = ${reportId} and ar.activity_id = ${target.activity_id}`);
    const newPhase = target.status_phase === "completed" ? "ongoing" : "completed";
    await database.db.execute(sql`update follow_up_status set phase = ${newPhase} where id = ${status.id}`);
    const changes = await run();
    expect(changes.map((c) => c.activityId)).toContain(target.activity_id);
    expect(await phaseOf(target.activity_id)).toBe(newPhase);
  });

  it("leaves an activity alone when the report is a co-responsible organisation's part", async () => {
    // Make the reporting organisation co-responsible for the second activity: its report is then only its part.
    const target = reported[1]!;
    const other = target.status_phase === "cancelled" ? "planned" : "cancelled";
    await database.db.execute(sql`update activity set phase = ${other} where id = ${target.activity_id}`);
    await database.db.execute(sql`update activity_organisation set role = 'co_responsible' where activity_id = ${target.activity_id} and role = 'responsible'`);
    const changes = await run();
    expect(changes.map((c) => c.activityId)).not.toContain(target.activity_id);
    expect(await phaseOf(target.activity_id)).toBe(other);
  });
});
