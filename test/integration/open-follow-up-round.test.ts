// Opening a follow-up round on the Malmö demo: one organisation report per organisation in scope, one draft activity
// report per activity it is responsible for (also in another organisation's action plan), last round's figures
// carried over without their values — and bad input refused with nothing half-saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { Forbidden, Invalid } from "../../src/domain/errors.ts";
import { openFollowUpRound, type OpenRoundInput } from "../../src/commands/open-follow-up-round.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let planId = "";
let workspaceId = "";
let asf = "";
let exempelbyOrg = "";
let coordinator: Viewer;
let reader: Viewer;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const count = async (table: string) => (await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)).n;
const tables = ["follow_up_round", "round_organisation", "organisation_report", "activity_report", "figure", "audit_event"];
const counts = async (): Promise<Record<string, number>> => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)] as const)));
const input = (over: Partial<OpenRoundInput> = {}): OpenRoundInput => ({
  planId, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: "2026-02-15", today: "2025-11-01",
  organisationIds: [asf], confirmedPersonalData: false, ...over,
});

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  planId = plan.id;
  workspaceId = plan.workspace_id;
  asf = (await one<{ id: string }>(sql`select id from organisation where slug = 'asf' and workspace_id = ${workspaceId}`)).id;
  exempelbyOrg = (await one<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'exempelby' limit 1`)).id;
  const user = (email: string) => one<{ id: string }>(sql`select id from app_user where email = ${email}`);
  coordinator = { userId: (await user("samordnare@malmo.example")).id, email: "samordnare@malmo.example", name: "S", systemAdmin: false, memberships: [{ workspaceId, role: "coordinator", organisationId: null }] };
  reader = { userId: (await user("lasare@malmo.example")).id, email: "lasare@malmo.example", name: "L", systemAdmin: false, memberships: [{ workspaceId, role: "reader", organisationId: null }] };
});
afterAll(async () => {
  await database?.close();
});

describe("opening a follow-up round", () => {
  it("refuses bad input, all at once, and saves nothing", async () => {
    const before = await counts();
    const error = await openFollowUpRound(database.db, coordinator, input({
      name: " ", periodStart: "2025-12-31", periodEnd: "2025-01-01", deadline: "2024-01-01", organisationIds: [exempelbyOrg], slug: "Fel adress",
    })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.fromEntries(Object.entries((error as Invalid).fields).map(([f, p]) => [f, p.key]))).toEqual({
      name: "form.nameRequired", periodEnd: "form.endBeforeStart", deadline: "round.deadlinePast", slug: "form.slugInvalid", organisationIds: "form.unknownChoice",
    });
    expect(await counts()).toEqual(before);
  });

  it("is for coordinators: a reader is refused and nothing is saved", async () => {
    const before = await counts();
    await expect(openFollowUpRound(database.db, reader, input())).rejects.toBeInstanceOf(Forbidden);
    expect(await counts()).toEqual(before);
  });

  it("creates the reports of each organisation in scope and carries last round's figures without their values", async () => {
    const responsibleFor = (await one<{ n: number }>(sql`
      select count(*)::int as n from activity_organisation ao join activity a on a.id = ao.activity_id
      where a.plan_id = ${planId} and a.archived_at is null and ao.role = 'responsible' and ao.organisation_id = ${asf}`)).n;
    const before = await counts();
    const opened = await openFollowUpRound(database.db, coordinator, input());
    expect(opened.organisationReports).toBe(1);
    expect(opened.activityReports).toBe(responsibleFor);
    expect(opened.activityReports).toBeGreaterThan(10);
    const round = await one<{ slug: string; state: string }>(sql`select slug, state from follow_up_round where id = ${opened.roundId}`);
    expect(round).toEqual({ slug: "uppfoljning-2025", state: "open" });
    const drafts = await one<{ n: number; with_status: number }>(sql`
      select count(*)::int as n, count(status_id)::int as with_status from activity_report where round_id = ${opened.roundId}`);
    expect(drafts).toEqual({ n: responsibleFor, with_status: 0 });

    // Last round's parent courses (85, baseline 68) come back with the name, unit and baseline, and no value.
    expect(opened.carriedFigures).toBeGreaterThan(0);
    const carried = await queryRows<{ name: string; value: number | null; baseline: number | null; target: number | null; carried_from_id: string | null }>(database.db, sql`
      select f.name, f.value::float8 as value, f.baseline::float8 as baseline, f.target::float8 as target, f.carried_from_id
      from figure f join activity_report ar on ar.id = f.activity_report_id where ar.round_id = ${opened.roundId}`);
    expect(carried).toHaveLength(opened.carriedFigures);
    expect(carried.every((f) => f.value === null && f.carried_from_id !== null)).toBe(true);
    expect(carried.find((f) => f.name === "Föräldrakurser")).toMatchObject({ value: null, baseline: 68 });

    const after = await counts();
    expect(after.follow_up_round).toBe(before.follow_up_round! + 1);
    expect(after.organisation_report).toBe(before.organisation_report! + 1);
    expect(after.activity_report).toBe(before.activity_report! + responsibleFor);
    const audit = await one<{ action: string }>(sql`select action from audit_event where subject_id = ${opened.roundId}`);
    expect(audit.action).toBe("followUpRound.opened");
  });

  it("refuses an address the site itself uses (P/uppfoljning/ny is the form for a new round)", async () => {
    const before = await counts();
    const error = await openFollowUpRound(database.db, coordinator, input({ name: "Ny", slug: "ny" })).catch((e: unknown) => e);
    expect((error as Invalid).fields.slug?.key).toBe("ps.slugReserved");
    expect(await counts()).toEqual(before);
  });

  it("refuses a second round with the same address", async () => {
    const before = await counts();
    const error = await openFollowUpRound(database.db, coordinator, input()).catch((e: unknown) => e);
    expect((error as Invalid).fields.slug?.key).toBe("round.slugTaken");
    expect(await counts()).toEqual(before);
  });
});
