// The gap analysis on the Malmö demo: who may read it, what it finds (organisations without an action plan or a
// handed-in report, a term without activities, blank child-rights perspectives) and gaps made for the test (a goal
// and a strategy without activities, a status standing still over two rounds); every line's link answers; the CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { collectGapAnalysis } from "../../src/reports/gap-analysis/collect.ts";
import { findWorkspace } from "../../src/queries/find-plan.ts";
import * as schema from "../../src/db/schema/index.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let state: AppState;
let app: FastifyInstance;
let coordinator: Session;
const PLAN = "/malmo/planer/fri-fran-vald";
const PAGE = `${PLAN}/analys`;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
/** The text of the section whose heading starts with `heading`. */
function section(html: string, heading: string): string {
  const chunks = html.split("<section").slice(1).map((chunk) => chunk.slice(0, chunk.indexOf("</section>")));
  const found = chunks.find((chunk) => text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(chunk)?.[1] ?? "").trim().startsWith(heading));
  expect(found, heading).toBeTruthy();
  return text(found!);
}
/** Links inside the gap lists. */
function gapHrefs(html: string): string[] {
  const lists = [...html.matchAll(/<ul class="gap-list">([\s\S]*?)<\/ul>/g)].map((m) => m[1]!).join("");
  return [...lists.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}
function readCsv(body: string, delimiter = ","): string[][] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(body.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("who may read the gap analysis", () => {
  it("is internal: anonymous → log in, everyone with a role reads it, the CSV too", async () => {
    const anonymous = await app.inject({ method: "GET", url: PAGE });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/logga-in");
    expect((await app.inject({ method: "GET", url: `${PAGE}.csv` })).statusCode).toBe(303);
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    expect((await reader.get(PAGE)).statusCode).toBe(200);
    expect((await coordinator.get(PAGE)).statusCode).toBe(200);
  });

  it("answers 404 for a round that is not the plan's, or a malformed one", async () => {
    expect((await coordinator.get(`${PAGE}?uppfoljning=finns-inte`)).statusCode).toBe(404);
    expect((await coordinator.get(`${PAGE}?uppfoljning=Ogiltig!`)).statusCode).toBe(404);
    expect((await coordinator.get(`${PAGE}.csv?uppfoljning=finns-inte`)).statusCode).toBe(404);
  });
});

describe("on the demo", () => {
  it("finds organisations without an action plan, without a handed-in report, a term and activities to look at", async () => {
    const res = await coordinator.get(PAGE);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("<h1>Luckor i planen</h1>");
    expect(text(html)).toContain("Uppföljningen som visas: Uppföljning 2024.");

    const noPlan = section(html, "Organisationer utan handlingsplan");
    expect(noPlan).toContain("Kulturförvaltningen");
    expect(noPlan).not.toContain("Arbetsmarknads- och socialförvaltningen");
    // A board is covered by the administration that serves it; external partners are not asked for a plan.
    expect(noPlan).not.toContain("Arbetsmarknads- och socialnämnden");
    expect(noPlan).not.toContain("Polisen");

    const noReport = section(html, "Organisationer som inte har lämnat in sin rapport i Uppföljning 2024");
    expect(noReport).toContain("Fritidsförvaltningen");
    expect(noReport).not.toContain("Grundskoleförvaltningen");

    expect(section(html, "Våldsformer: termer utan aktiviteter")).toContain("Latent våld");
    expect(section(html, "Inriktningsmål utan aktiviteter")).toContain("Inga luckor");

    const blank = await queryRows<{ number: string }>(database.db, sql`select a.number from activity a join plan p on p.id = a.plan_id
      where p.slug = 'fri-fran-vald' and a.archived_at is null and a.phase <> 'cancelled' and btrim(a.child_rights) = ''`);
    expect(blank.length).toBeGreaterThan(0);
    const childRights = section(html, "Aktiviteter utan beskrivet barnrättsperspektiv");
    expect(childRights).toContain(`(${blank.length} luck`);
    for (const { number } of blank) expect(childRights).toContain(`Aktivitet ${number}:`);

    // Only one round so far: the status comparison says why it is empty.
    expect(text(html)).toContain("Jämförelsen kräver två uppföljningar");
  });

  it("speaks English to an English reader, in the plan's own words", async () => {
    const english = new Session(app);
    await english.logIn("samordnare@malmo.example");
    english.cookies.set("samverka_lang", "en");
    const html = (await english.get(PAGE)).body;
    expect(html).toContain("<h1>Gaps in the plan</h1>");
    expect(section(html, "Organisations without an action plan")).toContain("Kulturförvaltningen");
    expect(section(html, "Organisations without an action plan")).not.toContain("Organisationer");
  });

  it("links every line to a page that answers 200 for the coordinator", async () => {
    const hrefs = [...new Set(gapHrefs((await coordinator.get(PAGE)).body))];
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect((await coordinator.get(href)).statusCode, href).toBe(200);
  });

  it("gives the same lines as CSV, with absolute links, and with the semicolon option", async () => {
    const workspace = await findWorkspace(database.db, "malmo");
    const [plan] = await database.db.select().from(schema.plans).where(and(eq(schema.plans.workspaceId, workspace.id), eq(schema.plans.slug, "fri-fran-vald")));
    const analysis = await collectGapAnalysis(database.db, workspace, plan!, null, "sv");
    expect(analysis.total).toBeGreaterThan(5);
    const res = await coordinator.get(`${PAGE}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(String(res.headers["content-disposition"])).toMatch(/^attachment; filename="fri-fran-vald-luckor-uppfoljning-2024\.csv"/);
    const [header, ...rows] = readCsv(res.body);
    expect(header).toEqual(["Avsnitt", "Vad", "Nummer", "Namn", "Anmärkning", "Länk"]);
    expect(rows.length).toBe(analysis.total);
    const kultur = rows.find((r) => r[3] === "Kulturförvaltningen")!;
    expect(kultur[0]).toBe("Organisationer utan handlingsplan");
    expect(kultur[5]).toMatch(/^https?:\/\/[^/]+\/malmo\/planer\/fri-fran-vald\/handlingsplaner$/);
    const semi = readCsv((await coordinator.get(`${PAGE}.csv?avgransare=semikolon&lang=en`)).body, ";");
    expect(semi[0]).toEqual(["Section", "What", "Number", "Name", "Note", "Link"]);
    expect(semi.length - 1).toBe(analysis.total);
  });
});

describe("gaps made for the test", () => {
  it("shows a goal and a strategy without activities, a status standing still over two rounds, and an organisation asked in the new round", async () => {
    const [plan] = await queryRows<{ id: string; workspace_id: string }>(database.db, sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
    const ws = plan!.workspace_id;
    const [goal1] = await queryRows<{ id: string }>(database.db, sql`select id from goal where plan_id = ${plan!.id} and number = '1'`);
    await database.db.execute(sql`insert into goal (workspace_id, plan_id, number, position, title) values (${ws}, ${plan!.id}, '7', 70, 'Ett mål som ingen arbetar med')`);
    await database.db.execute(sql`insert into strategy (workspace_id, goal_id, position, title) values (${ws}, ${goal1!.id}, 99, 'En strategi utan aktiviteter')`);
    // A second round, later than 2024: ASF reports 1.2 with the same status as in 2024; Grundskoleförvaltningen is
    // asked but has not handed in.
    const [round] = await queryRows<{ id: string }>(database.db, sql`insert into follow_up_round (workspace_id, plan_id, slug, name, period_start, period_end, deadline, state)
      values (${ws}, ${plan!.id}, 'uppfoljning-2025', 'Uppföljning 2025', '2025-01-01', '2025-12-31', '2026-01-31', 'open') returning id`);
    const [asf] = await queryRows<{ id: string }>(database.db, sql`select id from organisation where slug = 'asf' and workspace_id = ${ws}`);
    const [grf] = await queryRows<{ id: string }>(database.db, sql`select id from organisation where slug = 'grundskoleforvaltningen' and workspace_id = ${ws}`);
    await database.db.execute(sql`insert into round_organisation (workspace_id, round_id, organisation_id) values (${ws}, ${round!.id}, ${asf!.id}), (${ws}, ${round!.id}, ${grf!.id})`);
    const [orgReport] = await queryRows<{ id: string }>(database.db, sql`insert into organisation_report (workspace_id, round_id, organisation_id, state)
      values (${ws}, ${round!.id}, ${asf!.id}, 'submitted') returning id`);
    const [before] = await queryRows<{ activity_id: string; status_id: string; name: string }>(database.db, sql`
      select ar.activity_id, ar.status_id, s.name from activity_report ar join activity a on a.id = ar.activity_id
      join follow_up_status s on s.id = ar.status_id join follow_up_round r on r.id = ar.round_id
      where a.number = '1.2' and a.plan_id = ${plan!.id} and r.slug = 'uppfoljning-2024' and ar.organisation_id = ${asf!.id}`);
    await database.db.execute(sql`insert into activity_report (workspace_id, round_id, activity_id, organisation_id, organisation_report_id, status_id, narrative)
      values (${ws}, ${round!.id}, ${before!.activity_id}, ${asf!.id}, ${orgReport!.id}, ${before!.status_id}, 'Som förra året.')`);
    state.cache.invalidate();

    const html = (await coordinator.get(PAGE)).body;
    expect(text(html)).toContain("Uppföljningen som visas: Uppföljning 2025.");
    expect(section(html, "Inriktningsmål utan aktiviteter")).toContain("Inriktningsmål 7: Ett mål som ingen arbetar med");
    expect(section(html, "Strategier utan aktiviteter")).toContain("En strategi utan aktiviteter");
    const still = section(html, "Aktiviteter vars status inte har ändrats sedan Uppföljning 2024");
    expect(still).toContain("Aktivitet 1.2:");
    expect(still).toContain(before!.name);
    expect(still).toContain("(1 lucka)");
    const noReport = section(html, "Organisationer som inte har lämnat in sin rapport i Uppföljning 2025");
    expect(noReport).toContain("Grundskoleförvaltningen");
    expect(noReport).toContain("Ingen rapport påbörjad");
    // ASF handed in (submitted): not a gap.
    expect(noReport).not.toContain("Arbetsmarknads- och socialförvaltningen");
    expect(html).toContain(`href="${PLAN}/mal/7"`);
    expect(html).toContain(`href="${PLAN}/aktiviteter/${before!.activity_id}"`);
    // A form to choose the round; the earlier round has no earlier one to compare with.
    expect(html).toContain('name="uppfoljning"');
    const earlier = (await coordinator.get(`${PAGE}?uppfoljning=uppfoljning-2024`)).body;
    expect(text(earlier)).toContain("Uppföljningen som visas: Uppföljning 2024.");
    expect(text(earlier)).toContain("Jämförelsen kräver två uppföljningar");

    for (const href of new Set(gapHrefs(html))) expect((await coordinator.get(href)).statusCode, href).toBe(200);
  });
});
