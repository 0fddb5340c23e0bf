// "Över tid" on the public activity page: status and figures across rounds, as a table and a chart. The demo's 2024
// round shows for activity 1.2 (Föräldrakurser 85, baseline 68); a second round's value shows once the coordinator has
// accepted the report — before that only internal readers see it, marked "Inte accepterad ännu".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openFollowUpRound } from "../../src/commands/open-follow-up-round.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { loadPlanGraph, type PlanGraph } from "../../src/queries/plan-graph.ts";
import { activityOverTime } from "../../src/queries/activity-over-time.ts";
import * as s from "../../src/db/schema/index.ts";

const PLAN = "/malmo/planer/fri-fran-vald";

let database: Database;
let state: AppState;
let app: FastifyInstance;
let page = "";
let orgReport2025 = "";
let reader: Session;
let openSecondRound: () => Promise<void>;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();

/** The "Över tid" section of a page: its table's rows as text, and each chart's accessible summary. */
function overTime(html: string) {
  const start = html.indexOf('<section class="over-time"');
  if (start === -1) return null;
  const section = html.slice(start, html.indexOf("</section>", start));
  const rows = [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
  const charts = [...section.matchAll(/<svg class="over-time-chart__svg"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>\s*<title id="\1">([^<]*)<\/title>/g)].map((m) => m[2]!);
  const bars = [...section.matchAll(/<text class="over-time-chart__value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  return { section, rows, charts, bars };
}

async function anonymousPage() {
  const res = await app.inject({ method: "GET", url: page });
  expect(res.statusCode).toBe(200);
  return res.body;
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  const asf12 = (await one<{ id: string }>(sql`select id from activity where plan_id = ${plan.id} and number = '1.2'`)).id;
  page = `${PLAN}/aktiviteter/${asf12}`;
  reader = new Session(app);
  await reader.logIn("lasare@malmo.example");
  const asf = (await one<{ id: string }>(sql`select id from organisation where slug = 'asf' and workspace_id = ${plan.workspace_id}`)).id;
  const coordinatorId = (await one<{ id: string }>(sql`select id from app_user where email = 'samordnare@malmo.example'`)).id;
  const coordinator: Viewer = {
    userId: coordinatorId, email: "samordnare@malmo.example", name: "S", systemAdmin: false, memberships: [{ workspaceId: plan.workspace_id, role: "coordinator", organisationId: null }],
  };
  // The second round is opened only after the first test has looked at the demo as it is.
  openSecondRound = async () => {
    const opened = await openFollowUpRound(database.db, coordinator, {
      planId: plan.id, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: "2099-02-15",
      reminderOffsets: "14, 3, -1", approvalMode: "one", requireDifferentApprover: true, asks: [], organisationIds: [asf], confirmedPersonalData: false,
    });
    const report = await one<{ id: string; organisation_report_id: string }>(
      sql`select id, organisation_report_id from activity_report where round_id = ${opened.roundId} and activity_id = ${asf12} and organisation_id = ${asf}`,
    );
    orgReport2025 = report.organisation_report_id;
    // The editor's work, written directly: the status "Slutförd" and this year's value of the carried-over figure.
    await database.db.execute(sql`update activity_report set status_id = (select id from follow_up_status where plan_id = ${plan.id} and key = 'completed') where id = ${report.id}`);
    await database.db.execute(sql`update figure set value = 92, year = 2025 where activity_report_id = ${report.id} and name = 'Föräldrakurser'`);
    await database.db.execute(sql`update organisation_report set state = 'submitted' where id = ${orgReport2025}`);
    state.cache.invalidate();
  };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("an activity over time", () => {
  it("shows the demo's 2024 round for activity 1.2: status, Föräldrakurser 85 with baseline 68, as a table and a chart", async () => {
    const found = overTime(await anonymousPage());
    expect(found).not.toBeNull();
    expect(found!.section).toContain('<h2 id="over-time">Över tid</h2>');
    expect(found!.rows[0]).toBe("Uppföljning Status Föräldrakurser");
    expect(found!.rows.slice(1)).toEqual(["Uppföljning 2024 Pågående – testas operativt 85 kurser utgångsläge 68"]);
    expect(found!.charts).toEqual(["Föräldrakurser: 2024 85 kurser. Utgångsläge 68 kurser."]);
    expect(found!.bars).toEqual(["85"]);
    expect(found!.section).not.toContain("Inte accepterad ännu");
  });

  it("hides a second round's report from the public until it is accepted, and shows it to internal readers, marked", async () => {
    await openSecondRound();
    const pub = overTime(await anonymousPage())!;
    expect(pub.rows.slice(1)).toEqual(["Uppföljning 2024 Pågående – testas operativt 85 kurser utgångsläge 68"]);
    expect(pub.section).not.toContain("92");
    expect(pub.section).not.toContain("Inte accepterad ännu");

    const res = await reader.get(page);
    expect(res.statusCode).toBe(200);
    const internal = overTime(res.body)!;
    expect(internal.rows.slice(1)).toEqual([
      "Uppföljning 2024 Pågående – testas operativt 85 kurser utgångsläge 68",
      "Uppföljning 2025 Inte accepterad ännu Slutförd – del av ordinarie verksamhet 92 kurser utgångsläge 68",
    ]);
    expect(internal.charts).toEqual(["Föräldrakurser: 2024 85 kurser, 2025 92 kurser (inte accepterad ännu). Utgångsläge 68 kurser."]);
    expect(internal.bars).toEqual(["85", "92"]);
    expect(internal.section).toContain("over-time-chart__bar--unaccepted");
  });

  it("shows both years to everyone once the coordinator has accepted the second report, in English too", async () => {
    await database.db.execute(sql`update organisation_report set state = 'accepted', accepted_at = now() where id = ${orgReport2025}`);
    state.cache.invalidate();
    const pub = overTime(await anonymousPage())!;
    expect(pub.rows.slice(1)).toEqual([
      "Uppföljning 2024 Pågående – testas operativt 85 kurser utgångsläge 68",
      "Uppföljning 2025 Slutförd – del av ordinarie verksamhet 92 kurser utgångsläge 68",
    ]);
    expect(pub.charts).toEqual(["Föräldrakurser: 2024 85 kurser, 2025 92 kurser. Utgångsläge 68 kurser."]);
    expect(pub.bars).toEqual(["85", "92"]);
    expect(pub.section).not.toContain("over-time-chart__bar--unaccepted");

    const english = await app.inject({ method: "GET", url: page, cookies: { samverka_lang: "en" } });
    const en = overTime(english.body)!;
    expect(en.section).toContain('<h2 id="over-time">Over time</h2>');
    expect(en.rows[0]).toBe("Follow-up round Status Föräldrakurser");
    expect(en.rows[2]).toBe("Uppföljning 2025 Completed – part of ordinary work 92 kurser baseline 68");
    expect(en.charts).toEqual(["Föräldrakurser: 2024 85 kurser, 2025 92 kurser. Baseline 68 kurser."]);
  });

  it("leaves the section out for an activity without reports", async () => {
    // One the public sees (a draft action plan's activities are internal), chosen the same way every run.
    const unreported = await one<{ id: string }>(sql`
      select a.id from activity a join plan p on p.id = a.plan_id join action_plan ap on ap.id = a.action_plan_id
      where p.slug = 'fri-fran-vald' and a.archived_at is null and ap.state = 'adopted'
        and not exists (select 1 from activity_report r where r.activity_id = a.id)
      order by a.number nulls last, a.id limit 1`);
    const res = await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${unreported.id}` });
    expect(res.statusCode).toBe(200);
    expect(overTime(res.body)).toBeNull();
  });
});

describe("the over-time query", () => {
  async function graph(includeUnaccepted: boolean): Promise<PlanGraph> {
    const [workspace] = await database.db.select().from(s.workspaces).where(sql`slug = 'malmo'`);
    const [plan] = await database.db.select().from(s.plans).where(sql`slug = 'fri-fran-vald'`);
    return loadPlanGraph(database.db, workspace!, plan!, { includeUnaccepted });
  }

  it("gives one series per organisation when several report the same figure, and keeps the public to accepted reports", async () => {
    const g = await graph(true);
    const activityId = page.split("/").pop()!;
    const asfReport = g.reports.find((r) => r.activityId === activityId && r.organisationReport.state === "accepted")!;
    const other = g.organisations.find((o) => o.id !== asfReport.organisationId && o.type !== "external")!;
    // A co-responsible organisation's part in the same round, not accepted yet.
    g.reports.push({
      ...asfReport, id: "00000000-0000-4000-8000-0000000000aa", organisationId: other.id,
      organisationReport: { ...asfReport.organisationReport, state: "submitted" },
      figures: [{ ...asfReport.figures[0]!, id: "00000000-0000-4000-8000-0000000000ab", value: 12, baseline: 10, target: 15 }],
    });
    const internal = activityOverTime(g, activityId, { includeUnaccepted: true });
    expect(internal.severalOrganisations).toBe(true);
    const asfName = g.organisations.find((o) => o.id === asfReport.organisationId)!.name;
    // Series follow the workspace's order of organisations.
    const position = (id: string) => g.organisations.findIndex((o) => o.id === id);
    const expected = [
      { org: asfReport.organisationId, row: [`Föräldrakurser – ${asfName}`, [["2024", 85, true], ["2025", 92, true]], 68, null] },
      { org: other.id, row: [`Föräldrakurser – ${other.name}`, [["2024", 12, false]], 10, 15] },
    ].sort((a, b) => position(a.org) - position(b.org)).map((e) => e.row);
    expect(internal.series.map((x) => [x.key, x.points.map((p) => [p.label, p.value, p.accepted]), x.baseline, x.target])).toEqual(expected);
    // The same graph filtered for the public: the unaccepted part is gone, and one organisation needs no name.
    const pub = activityOverTime(g, activityId, { includeUnaccepted: false });
    expect(pub.severalOrganisations).toBe(false);
    expect(pub.rows.map((r) => [r.label, r.accepted])).toEqual([["2024", true], ["2025", true]]);
    expect(pub.series.map((x) => x.key)).toEqual(["Föräldrakurser"]);
  });
});
