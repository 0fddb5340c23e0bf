// The follow-up cycle through the web, against a real SMTP server in this process: the coordinator opens a round,
// ASF's editor reports (figures carried over from 2024, bad values refused, a stale form kept), submits (confirming
// measures not started), the approver approves with where it was anchored, the coordinator returns it with a
// comment, the editor fixes it, the coordinator accepts it (activities follow their status); each step audited and
// mailed to the next person. Then closing and reopening, "all approvers" and "not one's own submission".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../src/db/client.ts";
import * as s from "../../src/db/schema/index.ts";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { formValues } from "../support/form-values.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const PLAN = "/malmo/planer/fri-fran-vald";
const ROUND = `${PLAN}/uppfoljning/uppfoljning-2025`;
const ASF = `${ROUND}/asf`;
const EDITOR = "asf.redaktor@malmo.example";
const APPROVER = "asf.godkannare@malmo.example";
const COORDINATOR = "samordnare@malmo.example";

let database: Database;
let db: Db;
let smtp: TestSmtp;
let mailer: Mailer;
let app: FastifyInstance;
const ids: Record<string, string> = {};

const one = async <T,>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
const reportState = async (org = "asf") =>
  (await one<{ state: string }>(sql`select r.state from organisation_report r join follow_up_round f on f.id = r.round_id join organisation o on o.id = r.organisation_id
    where f.slug = 'uppfoljning-2025' and o.slug = ${org}`)).state;
const auditCount = async (action: string) => Number((await one<{ n: number }>(sql`select count(*)::int as n from audit_event where action = ${action}`)).n);
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

async function session(email: string) {
  const s = new Session(app);
  await s.logIn(email);
  return s;
}

/** Posts the form on `pageUrl` whose action is `action`, with the page's values changed by `changes`. */
async function postForm(who: Session, pageUrl: string, action: string, changes: Record<string, string | string[]>) {
  const page = await who.get(pageUrl);
  expect(page.statusCode).toBe(200);
  return who.post(action, { _csrf: Session.tokenIn(page.body), ...formValues(page.body, action), ...changes });
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  db = database.db;
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: smtp.url, from: "Samverka <samverka@malmo.example>", db });
  app = await buildApp(createAppState(database, { mailer, publicUrl: "https://samverka.example" }), { logger: false });
  ids.asf = (await one<{ id: string }>(sql`select id from organisation where slug = 'asf'`)).id;
  ids.grf = (await one<{ id: string }>(sql`select id from organisation where slug = 'grundskoleforvaltningen'`)).id;
  ids.a12 = (await one<{ id: string }>(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '1.2'`)).id;
  ids.a33 = (await one<{ id: string }>(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '3.3'`)).id;
  ids.ongoing = (await one<{ id: string }>(sql`select s.id from follow_up_status s join plan p on p.id = s.plan_id where p.slug = 'fri-fran-vald' and s.key = 'ongoing'`)).id;
  ids.completed = (await one<{ id: string }>(sql`select s.id from follow_up_status s join plan p on p.id = s.plan_id where p.slug = 'fri-fran-vald' and s.key = 'completed'`)).id;
});
afterAll(async () => {
  await app?.close();
  mailer?.close();
  await smtp?.stop();
  await database?.close();
});

describe("opening a round", () => {
  it("refuses a deadline in the past and creates nothing", async () => {
    const coordinator = await session(COORDINATOR);
    const res = await postForm(coordinator, `${PLAN}/uppfoljning/ny`, `${PLAN}/uppfoljning/ny`, {
      name: "Uppföljning 2025", deadline: addDays(localDate(), -1), organisationIds: [ids.asf!, ids.grf!],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Sista dag har redan passerat");
    expect(Number((await one<{ n: number }>(sql`select count(*)::int as n from follow_up_round`)).n)).toBe(1);
  });

  it("opens with one report per organisation and last round's figures carried over without values", async () => {
    const coordinator = await session(COORDINATOR);
    const res = await postForm(coordinator, `${PLAN}/uppfoljning/ny`, `${PLAN}/uppfoljning/ny`, {
      name: "Uppföljning 2025", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: addDays(localDate(), 30), organisationIds: [ids.asf!, ids.grf!],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${ROUND}/oversikt`);
    expect(await reportState()).toBe("not_started");
    const carried = await queryRows<{ name: string; value: number | null; baseline: string | number | null }>(db, sql`
      select f.name, f.value, f.baseline from figure f join activity_report ar on ar.id = f.activity_report_id join follow_up_round r on r.id = ar.round_id
      where r.slug = 'uppfoljning-2025' and ar.activity_id = ${ids.a12!}`);
    expect(carried).toHaveLength(1);
    expect(carried[0]!.name).toBe("Föräldrakurser");
    expect(carried[0]!.value).toBeNull();
    expect(Number(carried[0]!.baseline)).toBe(68);
    const list = await coordinator.get(`${PLAN}/uppfoljning`);
    expect(list.body).toContain("Uppföljning 2025");
  });
});

describe("reporting an activity", () => {
  const page = () => `${ASF}/aktiviteter/${ids.a12}`;

  it("shows the carried figure and last round's text beside the form", async () => {
    const editor = await session(EDITOR);
    const res = await editor.get(page());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="Föräldrakurser"');
    expect(res.body).toContain("Förra rapporten (Uppföljning 2024)");
    expect(res.body).toContain("från 68 till 85");
  });

  it("refuses a value that is not a number, a personnummer, and keeps nothing", async () => {
    const editor = await session(EDITOR);
    const res = await postForm(editor, page(), page(), { statusId: ids.ongoing!, narrative: "Fler kurser på kvällstid.", "figures.0.value": "många" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("”många” är inte ett tal");
    const pnr = await postForm(editor, page(), page(), { statusId: ids.ongoing!, narrative: "Kontakt med 19121212-1212 om kursen." });
    expect(pnr.statusCode).toBe(400);
    expect(pnr.body).toContain('href="#narrative"');
    expect((await one<{ narrative: string }>(sql`select narrative from activity_report ar join follow_up_round r on r.id = ar.round_id
      where r.slug = 'uppfoljning-2025' and ar.activity_id = ${ids.a12!}`)).narrative).toBe("");
    expect(await reportState()).toBe("not_started");
  });

  it("saves status, narrative and this year's value; adds a row on request; a stale form gets 409", async () => {
    const editor = await session(EDITOR);
    const more = await postForm(editor, page(), page(), { rad: "ny" });
    expect(more.statusCode).toBe(200);
    expect(more.body).toContain('name="figures.2.name"');
    const stale = await editor.get(page());
    const res = await postForm(editor, page(), page(), {
      statusId: ids.ongoing!, narrative: "Fler föräldrakurser gavs på kvällstid och på fler språk.", "figures.0.value": "97", "figures.0.year": "2025",
      "figures.1.name": "Kurser på arabiska", "figures.1.value": "ca 12",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("”ca 12” är inte ett tal");
    const ok = await postForm(editor, page(), page(), {
      statusId: ids.ongoing!, narrative: "Fler föräldrakurser gavs på kvällstid och på fler språk.", "figures.0.value": "97", "figures.0.year": "2025",
      "figures.1.name": "Kurser på arabiska", "figures.1.value": "12", "figures.1.qualifier": "about",
    });
    expect(ok.statusCode).toBe(303);
    const figures = await queryRows<{ name: string; value: string | number; qualifier: string; carried_from_id: string | null }>(db, sql`
      select f.name, f.value, f.qualifier, f.carried_from_id from figure f join activity_report ar on ar.id = f.activity_report_id
      join follow_up_round r on r.id = ar.round_id where r.slug = 'uppfoljning-2025' and ar.activity_id = ${ids.a12!} order by f.position`);
    expect(figures.map((f) => [f.name, Number(f.value), f.qualifier])).toEqual([["Föräldrakurser", 97, "exact"], ["Kurser på arabiska", 12, "about"]]);
    expect(figures[0]!.carried_from_id).not.toBeNull();
    expect(await reportState()).toBe("draft");
    const conflict = await editor.post(page(), { _csrf: Session.tokenIn(stale.body), ...formValues(stale.body, page()), narrative: "Min äldre text." });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain("Fler föräldrakurser gavs på kvällstid");
    expect(await auditCount("activityReport.saved")).toBe(1);
  });
});

describe("submitting, approving, returning and accepting", () => {
  it("asks to confirm measures not started, and needs the summary", async () => {
    const editor = await session(EDITOR);
    const res = await postForm(editor, ASF, `${ASF}/lamna-in`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Kryssa i rutan om ni vill lämna in ändå");
    expect(res.body).toContain("Skriv organisationens sammanfattning");
    expect(await reportState()).toBe("draft");
    const saved = await postForm(editor, ASF, `${ASF}/sammanfattning`, { summary: "Arbetet med föräldraskapsstöd har vuxit under året." });
    expect(saved.statusCode).toBe(303);
  });

  it("submits; the approver is told by mail; the report can no longer be edited", async () => {
    const editor = await session(EDITOR);
    const res = await postForm(editor, ASF, `${ASF}/lamna-in`, { confirmNotStarted: "1" });
    expect(res.statusCode).toBe(303);
    expect(await reportState()).toBe("submitted");
    const [mail] = await smtp.waitFor(APPROVER, 1);
    expect(mail!.mail.subject).toContain("har lämnat in sin rapport i Uppföljning 2025");
    expect(mail!.mail.text).toContain("https://samverka.example/malmo/planer/fri-fran-vald/uppfoljning/uppfoljning-2025/asf");
    const late = await editor.post(`${ASF}/aktiviteter/${ids.a12}`, { _csrf: Session.tokenIn((await editor.get(ASF)).body), narrative: "Sent tillägg", version: "2" });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain("Rapporten är inlämnad och kan inte ändras nu");
  });

  it("the approver approves with where it was anchored; coordinators are told", async () => {
    const approver = await session(APPROVER);
    const future = await postForm(approver, ASF, `${ASF}/godkann`, { anchoredIn: "Ledningsgrupp", anchoredOn: addDays(localDate(), 3) });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("kan inte ligga i framtiden");
    const res = await postForm(approver, ASF, `${ASF}/godkann`, { anchoredIn: "Ledningsgrupp", anchoredOn: localDate() });
    expect(res.statusCode).toBe(303);
    expect(await reportState()).toBe("approved");
    expect((await one<{ anchored_in: string }>(sql`select anchored_in from organisation_report where state = 'approved'`)).anchored_in).toBe("Ledningsgrupp");
    const [mail] = await smtp.waitFor(COORDINATOR, 1);
    expect(mail!.mail.subject).toContain("är godkänd");
  });

  it("the coordinator must write why when returning; the editor gets the comment and can edit again", async () => {
    const coordinator = await session(COORDINATOR);
    const empty = await postForm(coordinator, ASF, `${ASF}/returnera`, { returnComment: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv en kommentar");
    const res = await postForm(coordinator, ASF, `${ASF}/returnera`, { returnComment: "Komplettera gärna med hur många föräldrar som deltog." });
    expect(res.statusCode).toBe(303);
    expect(await reportState()).toBe("returned");
    const [mail] = await smtp.waitFor(EDITOR, 1);
    expect(mail!.mail.text).toContain("Komplettera gärna med hur många föräldrar som deltog.");
    const editor = await session(EDITOR);
    const view = await editor.get(ASF);
    expect(view.body).toContain("Rapporten har skickats tillbaka");
    const fix = await postForm(editor, `${ASF}/aktiviteter/${ids.a12}`, `${ASF}/aktiviteter/${ids.a12}`, {
      "figures.2.name": "Deltagande föräldrar", "figures.2.value": "640", "figures.2.unit": "föräldrar",
    });
    expect(fix.statusCode).toBe(303);
    expect((await postForm(editor, ASF, `${ASF}/lamna-in`, { confirmNotStarted: "1" })).statusCode).toBe(303);
    const approver = await session(APPROVER);
    expect((await postForm(approver, ASF, `${ASF}/godkann`, { anchoredIn: "Ledningsgrupp", anchoredOn: localDate() })).statusCode).toBe(303);
  });

  it("the coordinator accepts; the activity follows its status; the editor is told; every step is audited", async () => {
    await db.update(s.activities).set({ phase: "under_development" }).where(sql`id = ${ids.a12!}`);
    const coordinator = await session(COORDINATOR);
    const res = await postForm(coordinator, ASF, `${ASF}/acceptera`, {});
    expect(res.statusCode).toBe(303);
    expect(await reportState()).toBe("accepted");
    expect((await one<{ phase: string }>(sql`select phase from activity where id = ${ids.a12!}`)).phase).toBe("ongoing");
    const mails = await smtp.waitFor(EDITOR, 2);
    expect(mails.some((m) => m.mail.subject?.includes("är accepterad"))).toBe(true);
    for (const action of ["submitted", "approved", "returned", "accepted"]) expect(await auditCount(`organisationReport.${action}`)).toBeGreaterThanOrEqual(1);
    expect(await auditCount("organisationReport.submitted")).toBe(2);
  });

  it("a reader can read the report but takes no step", async () => {
    const reader = await session("lasare@malmo.example");
    expect((await reader.get(ASF)).statusCode).toBe(200);
    const res = await reader.post(`${ASF}/lamna-in`, { _csrf: Session.tokenIn((await reader.get(ASF)).body), version: "1" });
    expect(res.statusCode).toBe(403);
  });
});

describe("closing and reopening", () => {
  it("closing makes reports read-only; reopening one organisation lets it write again", async () => {
    const coordinator = await session(COORDINATOR);
    const round = await one<{ version: number }>(sql`select version from follow_up_round where slug = 'uppfoljning-2025'`);
    const closed = await coordinator.post(`${ROUND}/stang`, { _csrf: Session.tokenIn((await coordinator.get(ASF)).body), version: String(round.version) });
    expect(closed.statusCode).toBe(303);
    const grf = `${ROUND}/grundskoleforvaltningen`;
    const editor = await session(EDITOR);
    const page = await coordinator.get(grf);
    expect(page.body).toContain("Uppföljningen är stängd");
    const write = await coordinator.post(`${grf}/sammanfattning`, { _csrf: Session.tokenIn(page.body), summary: "Sent", version: "1" });
    expect(write.statusCode).toBe(400);
    expect(write.body).toContain("är stängd");
    const reopened = await postForm(coordinator, grf, `${grf}/oppna-igen`, {});
    expect(reopened.statusCode).toBe(303);
    const again = await postForm(coordinator, grf, `${grf}/sammanfattning`, { summary: "Skolorna har arbetat med normkritik." });
    expect(again.statusCode).toBe(303);
    expect(await reportState("grundskoleforvaltningen")).toBe("draft");
    expect(await auditCount("organisationReport.reopened")).toBe(1);
    expect((await editor.get(ASF)).body).not.toContain('action="/malmo/planer/fri-fran-vald/uppfoljning/uppfoljning-2025/asf/lamna-in"');
  });

  it("after closing, the coordinator writes the report's introduction but can no longer move the deadline", async () => {
    const coordinator = await session(COORDINATOR);
    const settings = `${ROUND}/installningar`;
    const moved = await postForm(coordinator, settings, settings, { deadline: addDays(localDate(), 60) });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain("Uppföljningen är stängd");
    const res = await postForm(coordinator, settings, settings, { introduction: "Årets uppföljning visar att arbetet med föräldraskapsstöd har vuxit." });
    expect(res.statusCode).toBe(303);
    const report = await coordinator.get(`${ROUND}/rapport`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("Årets uppföljning visar att arbetet med föräldraskapsstöd har vuxit.");
    expect(await auditCount("followUpRound.updated")).toBe(1);
  });
});
