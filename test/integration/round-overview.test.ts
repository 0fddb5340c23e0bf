// The coordinator's overview of a follow-up round and each person's "Att göra", on the Malmö demo with "Uppföljning
// 2025" opened for ASF and the compulsory-school administration (GRF): states, x of y reported, the share, late
// organisations, the goal filter, per goal the status distribution and the change since 2024, who sees what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { eq, sql } from "drizzle-orm";
import { plans } from "../../src/db/schema/index.ts";
import { queryRows, type Database } from "../../src/db/client.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { openFollowUpRound } from "../../src/commands/open-follow-up-round.ts";
import { roundOverview } from "../../src/queries/round-overview.ts";
import { findRound } from "../../src/queries/organisation-report.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
const PLAN = "/malmo/planer/fri-fran-vald";
const OVERVIEW = `${PLAN}/uppfoljning/uppfoljning-2025/oversikt`;
const NO_ID = "00000000-0000-4000-8000-000000000000";

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&nbsp;|\u00a0/g, " ").replace(/\u202f/g, " ").replace(/\s+/g, " ").trim();

/** The table row of one organisation on the overview, as text. */
function orgRow(html: string, slug: string): string {
  const match = new RegExp(`<tr[^>]*data-organisation="${slug}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row for ${slug}`);
  return text(match[1]!);
}
/** The block of one goal's section on the overview, as text. */
function goalSection(html: string, index: number): string {
  const match = new RegExp(`<section class="overview-goal" aria-labelledby="goal-${index}">([\\s\\S]*?)</section>`).exec(html);
  if (!match) throw new Error(`no section goal-${index}`);
  return text(match[1]!);
}
/** The text of one list under "Att göra" (by its section id). */
function toDoSection(html: string, key: string): string | null {
  const match = new RegExp(`<section aria-labelledby="todo-${key}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return match ? text(match[1]!) : null;
}

let planId = "";
let workspaceId = "";
let asf = "";
let grf = "";
let goal1 = "";
let roundId = "";
let asfTotal = 0;
let asfGoal1 = 0;
const ids: Record<string, string> = {};

const sessions: Record<string, Session> = {};
async function as(email: string): Promise<Session> {
  if (!sessions[email]) {
    const session = new Session(app);
    const res = await session.logIn(email);
    if (res.statusCode !== 303) throw new Error(`log-in failed for ${email}`);
    sessions[email] = session;
  }
  return sessions[email];
}

/** Sets an activity report's status (by the status key) and narrative, as the editor's form would. */
async function writeReport(organisationId: string, number: string, statusKey: string | null, narrative: string) {
  await database.db.execute(sql`
    update activity_report ar set
      status_id = (select s.id from follow_up_status s where s.plan_id = ${planId} and s.key = ${statusKey}),
      narrative = ${narrative}, updated_at = now()
    from activity a
    where a.id = ar.activity_id and a.plan_id = ${planId} and a.number = ${number} and ar.round_id = ${roundId} and ar.organisation_id = ${organisationId}`);
}
const setState = (organisationId: string, state: string, submittedBy: string | null = null) =>
  database.db.execute(sql`update organisation_report set state = ${state}, submitted_by = ${submittedBy}, submitted_at = case when ${state} = 'submitted' then now() else submitted_at end
    where round_id = ${roundId} and organisation_id = ${organisationId}`);

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  planId = plan.id;
  workspaceId = plan.workspace_id;
  const org = async (slug: string) => (await one<{ id: string }>(sql`select id from organisation where slug = ${slug} and workspace_id = ${workspaceId}`)).id;
  asf = await org("asf");
  grf = await org("grundskoleforvaltningen");
  goal1 = (await one<{ id: string }>(sql`select id from goal where plan_id = ${planId} and number = '1'`)).id;
  for (const email of ["samordnare@malmo.example", "asf.redaktor@malmo.example"]) {
    ids[email] = (await one<{ id: string }>(sql`select id from app_user where email = ${email}`)).id;
  }
  const coordinator: Viewer = {
    userId: ids["samordnare@malmo.example"]!, email: "samordnare@malmo.example", name: "S", systemAdmin: false,
    memberships: [{ workspaceId, role: "coordinator", organisationId: null }],
  };
  const opened = await openFollowUpRound(database.db, coordinator, {
    planId, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: addDays(localDate(), 20),
    reminderOffsets: "14, 3, -1", approvalMode: "one", requireDifferentApprover: true, asks: [],
    organisationIds: [asf, grf], confirmedPersonalData: false,
  });
  roundId = opened.roundId;
  const count = async (organisationId: string, goalOnly: boolean) =>
    (await one<{ n: number }>(sql`select count(*)::int as n from activity_report ar join activity a on a.id = ar.activity_id
      where ar.round_id = ${roundId} and ar.organisation_id = ${organisationId} ${goalOnly ? sql`and a.goal_id = ${goal1}` : sql``}`)).n;
  asfTotal = await count(asf, false);
  asfGoal1 = await count(asf, true);
  // The demo's GRF has five activities, one (1.4) under goal 1; ASF many, three of them numbered under goal 1.
  expect(await count(grf, false)).toBe(5);
  expect(await count(grf, true)).toBe(1);
  expect(asfGoal1).toBeGreaterThanOrEqual(3);

  // ASF: 1.2 reported (completed), 1.1 has a status but no narrative yet (not reported). GRF: 1.4 reported, and submitted.
  await writeReport(asf, "1.2", "completed", "Föräldraskapsstödet ingår nu i ordinarie verksamhet.");
  await writeReport(asf, "1.1", "ongoing", "   ");
  await writeReport(grf, "1.4", "ongoing", "Fler skolor har kommit i gång.");
  await setState(grf, "submitted");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the round overview", () => {
  it("shows each organisation's state, x of y reported, the share, and the counts per state", async () => {
    const coordinator = await as("samordnare@malmo.example");
    const res = await coordinator.get(OVERVIEW);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(text(html)).toContain("Översikt: Uppföljning 2025");
    expect(text(html)).toContain("20 dagar kvar");
    expect(orgRow(html, "asf")).toContain("Inte påbörjad");
    expect(orgRow(html, "asf")).toContain(`1 av ${asfTotal}`);
    expect(orgRow(html, "asf")).toContain(`${Math.round((100 * 1) / asfTotal)} %`);
    expect(orgRow(html, "grundskoleforvaltningen")).toContain("Inlämnad");
    expect(orgRow(html, "grundskoleforvaltningen")).toMatch(/1 av 5 20 %/);
    // Nobody is late before the deadline.
    expect(orgRow(html, "asf")).toContain("Nej");
    expect(html).not.toContain("overview-table__late");
    // Each organisation's name links to its report page.
    expect(html).toContain(`href="${PLAN}/uppfoljning/uppfoljning-2025/asf"`);
    // Counts per state at the top, and the share of all activities.
    const counts = text(/<ul class="overview-counts"[^>]*>([\s\S]*?)<\/ul>/.exec(html)![1]!);
    expect(counts).toContain("1 Inte påbörjad");
    expect(counts).toContain("0 Utkast");
    expect(counts).toContain("1 Inlämnad");
    expect(counts).toContain("0 Accepterad");
    const total = asfTotal + 5;
    expect(text(html)).toContain(`2 av ${total} aktiviteter redovisade (${Math.round((100 * 2) / total)} %)`);
  });

  it("counts only the activities under the chosen goal, keeps the filter in the address and says what it shows", async () => {
    const coordinator = await as("samordnare@malmo.example");
    const res = await coordinator.get(`${OVERVIEW}?mal=${goal1}`);
    expect(res.statusCode).toBe(200);
    expect(orgRow(res.body, "asf")).toContain(`1 av ${asfGoal1}`);
    expect(orgRow(res.body, "grundskoleforvaltningen")).toMatch(/1 av 1 100 %/);
    expect(text(res.body)).toContain(`2 av ${asfGoal1 + 1} aktiviteter redovisade`);
    expect(text(res.body)).toContain("Visar bara aktiviteter under Inriktningsmål 1");
    // The select keeps the choice; the form is a GET to the overview itself.
    expect(res.body).toMatch(new RegExp(`<option value="${goal1}" selected`));
    expect(res.body).toContain(`<form method="get" action="${OVERVIEW}"`);
    // Only the chosen goal's section is shown.
    expect(res.body).toContain('aria-labelledby="goal-1"');
    expect(res.body).not.toContain('aria-labelledby="goal-2"');
  });

  it("answers a malformed goal id with 404, and ignores a goal that is not the plan's with a notice", async () => {
    const coordinator = await as("samordnare@malmo.example");
    expect((await coordinator.get(`${OVERVIEW}?mal=inte-ett-id`)).statusCode).toBe(404);
    const exempelbyGoal = (await one<{ id: string }>(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' limit 1`)).id;
    for (const id of [NO_ID, exempelbyGoal]) {
      const res = await coordinator.get(`${OVERVIEW}?mal=${id}`);
      expect(res.statusCode).toBe(200);
      expect(text(res.body)).toContain("Det valda målet finns inte i planen");
      expect(orgRow(res.body, "asf")).toContain(`1 av ${asfTotal}`);
    }
    // An unknown round is 404.
    expect((await coordinator.get(`${PLAN}/uppfoljning/finns-inte/oversikt`)).statusCode).toBe(404);
  });

  it("shows per goal the status distribution and the change since 2024", async () => {
    const plan = await planRow();
    const overview = await roundOverview(database.db, plan, await findRound(database.db, plan.id, "uppfoljning-2025"), null, localDate());
    expect(overview.previous?.slug).toBe("uppfoljning-2024");
    const goal = overview.goalSections.find((g) => g.goal.id === goal1)!;
    const byKey = (list: Array<{ status: { key: string }; count: number }>) => Object.fromEntries(list.map((c) => [c.status.key, c.count]));
    expect(byKey(goal.counts)).toEqual({ not_started: 0, planning: 0, ongoing: 2, completed: 1, cancelled: 0 });
    expect(goal.withoutStatus).toBe(goal.total - 3);
    // 2024 for ASF and GRF under goal 1: ASF 1.1 planning, 1.2 and 1.3 ongoing; GRF 1.4 ongoing.
    const then = Object.fromEntries(goal.comparison!.rows.map((r) => [r.status.key, [r.then, r.now]]));
    expect(then).toEqual({ not_started: [0, 0], planning: [1, 0], ongoing: [3, 2], completed: [0, 1], cancelled: [0, 0] });
    // ASF 1.1 planning → ongoing and 1.2 ongoing → completed moved on; GRF 1.4 stayed ongoing.
    expect(goal.comparison).toMatchObject({ compared: 3, movedLater: 2 });

    // The page writes the same numbers, in words and in the tables.
    const coordinator = await as("samordnare@malmo.example");
    const section = goalSection((await coordinator.get(OVERVIEW)).body, 1);
    expect(section).toContain("Pågående – testas operativt: 2");
    expect(section).toContain("Slutförd – del av ordinarie verksamhet: 1");
    expect(section).toContain("Förändring sedan Uppföljning 2024");
    expect(section).toContain("Påbörjad – planering/kartläggning 1 0 −1");
    expect(section).toContain("Pågående – testas operativt 3 2 −1");
    expect(section).toContain("Slutförd – del av ordinarie verksamhet 0 1 +1");
    expect(section).toContain("2 av 3 aktiviteter med status i båda uppföljningarna har gått till en senare fas.");
  });

  it("highlights late organisations in words once the deadline has passed, with reminders for coordinators only", async () => {
    await database.db.execute(sql`update follow_up_round set deadline = ${addDays(localDate(), -3)} where id = ${roundId}`);
    const coordinator = await as("samordnare@malmo.example");
    const html = (await coordinator.get(OVERVIEW)).body;
    expect(text(html)).toContain("Sista dagen passerades för 3 dagar sedan");
    expect(orgRow(html, "asf")).toContain("Försenad");
    // GRF has handed in: not late.
    expect(orgRow(html, "grundskoleforvaltningen")).not.toContain("Försenad");
    expect(text(html)).toContain("1 organisation är försenad.");
    // A reminder for ASF and one for all late ones, posting to the reminder address; the coordinator's links.
    const remind = `${PLAN}/uppfoljning/uppfoljning-2025/paminn`;
    expect(html.split(`action="${remind}"`).length - 1).toBe(2);
    expect(html).toContain(`name="organisationId" value="${asf}"`);
    expect(text(html)).toContain("Skicka påminnelse nu till Arbetsmarknads- och socialförvaltningen");
    expect(html).toContain(`href="${PLAN}/uppfoljning/uppfoljning-2025/installningar"`);
    expect(html).toContain(`action="${PLAN}/uppfoljning/uppfoljning-2025/stang"`);
    expect(html).toContain(`href="${PLAN}/uppfoljning"`);

    // A reader, the steering group and ASF's editor read the overview but get none of the coordinator's buttons.
    for (const email of ["lasare@malmo.example", "styrgrupp@malmo.example", "asf.redaktor@malmo.example"]) {
      const res = await (await as(email)).get(OVERVIEW);
      expect(res.statusCode).toBe(200);
      expect(orgRow(res.body, "asf")).toContain("Försenad");
      expect(res.body).not.toContain(remind);
      expect(res.body).not.toContain("/stang");
      expect(res.body).not.toContain("/installningar");
    }
  });

  it("sends an anonymous visitor to log in", async () => {
    const res = await app.inject({ method: "GET", url: OVERVIEW });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("/logga-in");
  });
});

describe("Att göra", () => {
  it("lists ASF's report for its editor with x of y done and how late it is", async () => {
    const editor = await as("asf.redaktor@malmo.example");
    const res = await editor.get("/malmo/att-gora");
    expect(res.statusCode).toBe(200);
    const write = toDoSection(res.body, "write")!;
    expect(write).toContain("Arbetsmarknads- och socialförvaltningen: Uppföljning 2025");
    expect(write).toContain(`1 av ${asfTotal} klara`);
    expect(write).toContain("Försenad 3 dagar");
    expect(write).toContain("Inte påbörjad");
    expect(write).not.toContain("Grundskoleförvaltningen");
    expect(res.body).toContain(`href="${PLAN}/uppfoljning/uppfoljning-2025/asf"`);
    // The editor has no approver or coordinator lists.
    expect(toDoSection(res.body, "approve")).toBeNull();
    expect(toDoSection(res.body, "decide")).toBeNull();
  });

  it("shows the coordinator the late ones, and the approver nothing while nothing is submitted", async () => {
    const coordinator = await as("samordnare@malmo.example");
    const page = (await coordinator.get("/malmo/att-gora")).body;
    expect(toDoSection(page, "overdue")).toContain("Arbetsmarknads- och socialförvaltningen: Uppföljning 2025");
    expect(toDoSection(page, "overdue")).not.toContain("Grundskoleförvaltningen");
    expect(toDoSection(page, "decide")).toContain("Inget just nu.");
    const approver = await as("asf.godkannare@malmo.example");
    const empty = (await approver.get("/malmo/att-gora")).body;
    expect(text(empty)).toContain("Inget väntar på dig just nu.");
    expect(empty).not.toContain("uppfoljning-2025/asf");
  });

  it("moves a submitted report to the approver's list and an approved one to the coordinator's", async () => {
    await setState(asf, "submitted", ids["asf.redaktor@malmo.example"]!);
    await setState(grf, "approved");
    const approver = await as("asf.godkannare@malmo.example");
    const approve = toDoSection((await approver.get("/malmo/att-gora")).body, "approve")!;
    expect(approve).toContain("Arbetsmarknads- och socialförvaltningen: Uppföljning 2025");
    expect(approve).toContain("Inlämnad");
    expect(approve).toContain(`1 av ${asfTotal} klara`);

    // Submitted: nothing left for the editor to write (the demo's action item from a meeting still waits for them).
    const editor = await as("asf.redaktor@malmo.example");
    const editorPage = (await editor.get("/malmo/att-gora")).body;
    expect(toDoSection(editorPage, "write")).toContain("Inget just nu.");
    expect(text(editorPage)).toContain("Skicka förvaltningens bidrag till Orange Day");

    const coordinator = await as("samordnare@malmo.example");
    const page = (await coordinator.get("/malmo/att-gora")).body;
    expect(toDoSection(page, "decide")).toContain("Grundskoleförvaltningen: Uppföljning 2025");
    expect(toDoSection(page, "decide")).toContain("Godkänd (förankrad)");
    expect(toDoSection(page, "decide")).toContain("1 av 5 klara");
    expect(toDoSection(page, "decide")).not.toContain("Arbetsmarknads");
    // Handed in: the deadline is named, but the report is not called late.
    expect(toDoSection(page, "decide")).toContain("Sista dag");
    expect(toDoSection(page, "decide")).not.toContain("Försenad");
    // ASF handed in: no longer late.
    expect(toDoSection(page, "overdue")).toContain("Inget just nu.");

    // Once the approver has decided on this submission, it leaves their list.
    await database.db.execute(sql`insert into report_approval (workspace_id, organisation_report_id, user_id, decision)
      select workspace_id, id, (select id from app_user where email = 'asf.godkannare@malmo.example'), 'approved'
      from organisation_report where round_id = ${roundId} and organisation_id = ${asf}`);
    expect(text((await approver.get("/malmo/att-gora")).body)).toContain("Inget väntar på dig just nu.");
  });

  it("is for people with a role in the workspace", async () => {
    const anonymous = await app.inject({ method: "GET", url: "/malmo/att-gora" });
    expect(anonymous.statusCode).toBe(303);
    const reader = await as("lasare@malmo.example");
    const res = await reader.get("/malmo/att-gora");
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("Inget väntar på dig just nu.");
    // Another municipality's list does not exist for a Malmö account.
    expect((await reader.get("/exempelby/att-gora")).statusCode).toBe(404);
  });

  it("is linked from the page header in the workspace, for people with a role there", async () => {
    const reader = await as("lasare@malmo.example");
    expect((await reader.get(PLAN)).body).toContain('href="/malmo/att-gora"');
    expect((await reader.get("/malmo/att-gora")).body).toMatch(/href="\/malmo\/att-gora" aria-current="page"/);
    // Not outside a workspace, not in another workspace, not for anonymous visitors.
    expect((await reader.get("/konto")).body).not.toContain("att-gora");
    expect((await app.inject({ method: "GET", url: PLAN })).body).not.toContain("att-gora");
    const exempelbyPlan = (await one<{ slug: string }>(sql`select slug from plan where slug = 'tryggare-exempelby'`)).slug;
    const other = await reader.get(`/exempelby/planer/${exempelbyPlan}`);
    if (other.statusCode === 200) expect(other.body).not.toContain("att-gora");
  });

  it("speaks English too", async () => {
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    await editor.get("/sprak/en?tillbaka=/");
    const overview = await editor.get(OVERVIEW);
    expect(text(overview.body)).toContain("Overview: Uppföljning 2025");
    expect(text(overview.body)).toContain("Change since Uppföljning 2024");
    const toDo = await editor.get("/malmo/att-gora");
    expect(toDoSection(toDo.body, "write")).toContain("Nothing right now.");
    expect(text(toDo.body)).toContain("Action items from meetings");
  });
});

async function planRow() {
  const [row] = await database.db.select().from(plans).where(eq(plans.id, planId));
  return row!;
}
