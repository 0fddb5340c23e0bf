// Reminders of a follow-up round's deadline against a real SMTP server in this process: who gets one (editors of
// organisations that have not submitted, active accounts only), in their language, with the right round, deadline,
// progress and link; never twice for a person, round and offset — not on a second run, not after a "restart" (a
// second mailer on the same database), not with two runs at once; the most recent offset only. Then the croner
// schedule, "send reminder now" over HTTP, and the outbox page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../src/db/client.ts";
import * as s from "../../src/db/schema/index.ts";
import type { Viewer } from "../../src/domain/roles.ts";
import { Forbidden, Invalid } from "../../src/domain/errors.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { openFollowUpRound } from "../../src/commands/open-follow-up-round.ts";
import { sendReminderNow } from "../../src/commands/send-reminder-now.ts";
import { dueOffset, sendDueReminders } from "../../src/follow-up/reminders.ts";
import { daysBetween, localDate } from "../../src/domain/local-date.ts";
import { startReminderSchedule } from "../../src/follow-up/reminder-schedule.ts";
import { isReported } from "../../src/follow-up/reported.ts";
import { loadConfig } from "../../src/config.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const PUBLIC_URL = "https://samverka.malmo.example";
const PLAN = "/malmo/planer/fri-fran-vald";
const ROUND_SLUG = "uppfoljning-2030";
const ROUND = `${PLAN}/uppfoljning/${ROUND_SLUG}`;
const ASF_EDITOR = "asf.redaktor@malmo.example";
const GRF_EDITOR = "grf.redaktor@malmo.example"; // reads mail in English
const FRI_EDITOR = "fri.redaktor@malmo.example"; // their organisation submits
const DISABLED_EDITOR = "asf.slutat@malmo.example"; // ASF editor whose account is disabled
/** 10:00 in Stockholm, ten days before the deadline 12 March 2030. */
const NOW = new Date("2030-03-02T09:00:00Z");
const DEADLINE = "2030-03-12";
/** The round settings as the form sends them by default; "today" is the fixed day of the test. */
const DEFAULT_SETTINGS = { reminderOffsets: "14, 3, -1", approvalMode: "one", requireDifferentApprover: true, asks: [] as string[], today: "2030-03-02" };
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let database: Database;
let db: Db;
let smtp: TestSmtp;
const mailers: Mailer[] = [];
/** A mailer as a server process makes it at start: a new one is a "restart". */
const newMailer = () => {
  const mailer = createMailer({ smtpUrl: smtp.url, from: "Samverka Malmö <samverka@malmo.example>", db });
  mailers.push(mailer);
  return mailer;
};
let mailer: Mailer;
let app: FastifyInstance;
let workspaceId = "";
let planId = "";
let roundId = "";
const org: Record<string, string> = {};
let coordinator: Viewer;

const one = async <T,>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
const count = async (query: ReturnType<typeof sql>) => (await one<{ n: number }>(query)).n;
const to = (address: string) => smtp.received.filter((r) => r.to.includes(address));
const bodyOf = (m: { mail: { text?: string | undefined } }) => (m.mail.text ?? "").replace(/\r\n/g, "\n");
/** The list of messages on the outbox page (not the filter's options). */
const listOf = (html: string) => /<ol class="outbox-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
const outboxCount = () => count(sql`select count(*)::int as n from mail_outbox`);
const auditOf = (action: string) =>
  queryRows<{ via: string; actor_user_id: string | null; subject_id: string; organisation_id: string | null; changes: Array<{ field: string; after: unknown }> }>(
    db, sql`select via, actor_user_id, subject_id, organisation_id, changes from audit_event where action = ${action} order by at, id`,
  );

async function addEditor(email: string, organisation: string, options: { locale?: string; disabled?: boolean } = {}) {
  const [user] = await db
    .insert(s.users)
    .values({ email, name: email.split("@")[0]!, locale: options.locale ?? "sv", disabledAt: options.disabled ? new Date() : null })
    .returning({ id: s.users.id });
  await db.insert(s.memberships).values({ workspaceId, userId: user!.id, role: "editor", organisationId: org[organisation]! });
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  db = database.db;
  smtp = await startSmtp();
  mailer = newMailer();
  app = await buildApp(createAppState(database, { mailer, publicUrl: PUBLIC_URL }), { logger: false });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  planId = plan.id;
  workspaceId = plan.workspace_id;
  for (const slug of ["asf", "grundskoleforvaltningen", "fritidsforvaltningen", "kulturforvaltningen"]) {
    org[slug] = (await one<{ id: string }>(sql`select id from organisation where slug = ${slug} and workspace_id = ${workspaceId}`)).id;
  }
  const coordinatorId = (await one<{ id: string }>(sql`select id from app_user where email = 'samordnare@malmo.example'`)).id;
  coordinator = { userId: coordinatorId, email: "samordnare@malmo.example", name: "Demo Samordnare", systemAdmin: false, memberships: [{ workspaceId, role: "coordinator", organisationId: null }] };
  await addEditor(GRF_EDITOR, "grundskoleforvaltningen", { locale: "en" });
  await addEditor(FRI_EDITOR, "fritidsforvaltningen");
  await addEditor(DISABLED_EDITOR, "asf", { disabled: true });
});
afterAll(async () => {
  await app?.close();
  for (const m of mailers) m.close();
  await smtp?.stop();
  await database?.close();
});

describe("when a reminder is due", () => {
  it("counts days in Stockholm and picks the most recent offset reached", () => {
    // 23:30 UTC on 1 March is already 2 March in Stockholm.
    expect(localDate(new Date("2030-03-01T23:30:00Z"))).toBe("2030-03-02");
    expect(localDate(new Date("2030-07-01T21:59:00Z"))).toBe("2030-07-01");
    expect(localDate(new Date("2030-07-01T22:00:00Z"))).toBe("2030-07-02");
    expect(daysBetween("2030-03-02", DEADLINE)).toBe(10);
    expect(daysBetween("2030-03-31", "2030-03-30")).toBe(-1);
    expect(dueOffset([14, 3, -1], 15)).toBeNull();
    expect(dueOffset([14, 3, -1], 14)).toBe(14);
    expect(dueOffset([14, 3, -1], 10)).toBe(14);
    expect(dueOffset([14, 3, -1], 2)).toBe(3);
    expect(dueOffset([14, 3, -1], 0)).toBe(3);
    expect(dueOffset([14, 3, -1], -1)).toBe(-1);
    expect(dueOffset([14, 3, -1], -40)).toBe(-1);
    expect(dueOffset([], -40)).toBeNull();
  });

  it("is on by default and turned off with SAMVERKA_REMINDERS=0", () => {
    expect(loadConfig({}).reminders).toBe(true);
    expect(loadConfig({ SAMVERKA_REMINDERS: "0" }).reminders).toBe(false);
    expect(() => loadConfig({ SAMVERKA_REMINDERS: "no" })).toThrow(/SAMVERKA_REMINDERS: must be 0 or 1/);
  });

  it("counts an activity report as reported with a status and a narrative", () => {
    expect(isReported({ statusId: "x", narrative: "Klart" })).toBe(true);
    expect(isReported({ statusId: null, narrative: "Klart" })).toBe(false);
    expect(isReported({ statusId: "x", narrative: " \n " })).toBe(false);
  });
});

describe("scheduled reminders", () => {
  let asfTotal = 0;

  it("opens a round ten days before its deadline", async () => {
    const opened = await openFollowUpRound(db, coordinator, {
      planId, name: "Uppföljning 2030", slug: ROUND_SLUG, periodStart: "2029-01-01", periodEnd: "2029-12-31", deadline: DEADLINE,
      organisationIds: [org.asf!, org.grundskoleforvaltningen!, org.fritidsforvaltningen!], confirmedPersonalData: false, ...DEFAULT_SETTINGS,
    });
    roundId = opened.roundId;
    // Fritidsförvaltningen has submitted; ASF has reported one activity (status and narrative), a second has a status only.
    await db.execute(sql`update organisation_report set state = 'submitted' where round_id = ${roundId} and organisation_id = ${org.fritidsforvaltningen}`);
    const status = (await one<{ id: string }>(sql`select id from follow_up_status where plan_id = ${planId} order by position limit 1`)).id;
    const asfReports = await queryRows<{ id: string }>(db, sql`select id from activity_report where round_id = ${roundId} and organisation_id = ${org.asf} order by id`);
    asfTotal = asfReports.length;
    expect(asfTotal).toBeGreaterThan(2);
    await db.execute(sql`update activity_report set status_id = ${status}, narrative = 'Genomfört enligt plan.' where id = ${asfReports[0]!.id}`);
    await db.execute(sql`update activity_report set status_id = ${status}, narrative = '   ' where id = ${asfReports[1]!.id}`);
  });

  it("sends the 14-day reminder to each late organisation's active editors, in their language, and audits it", async () => {
    const report = await sendDueReminders(db, mailer, { now: NOW, publicUrl: PUBLIC_URL });
    expect(report).toMatchObject({ dueRounds: 1, enqueued: 2, delivery: { sent: 2, failed: 0 }, errors: [] });
    expect(smtp.received).toHaveLength(2);

    const [asf] = to(ASF_EDITOR);
    expect(asf!.mail.subject).toBe("Påminnelse: Uppföljning 2030 – lämna in senast 12 mars 2030");
    const sv = bodyOf(asf!);
    expect(sv).toContain("Det här är en påminnelse om Uppföljning 2030 i planen ");
    expect(sv).toContain("Sista dag att lämna in är 12 mars 2030 (10 dagar kvar).");
    expect(sv).toContain(`Arbetsmarknads- och socialförvaltningen: 1 av ${asfTotal} aktiviteter rapporterade`);
    expect(sv).toContain(`Rapportera här: ${PUBLIC_URL}${ROUND}/asf\n`);
    expect(sv).not.toContain("grundskoleforvaltningen");

    const [grf] = to(GRF_EDITOR);
    expect(grf!.mail.subject).toBe("Reminder: Uppföljning 2030 – due 12 March 2030");
    const en = bodyOf(grf!);
    expect(en).toContain("Hello grf.redaktor,");
    expect(en).toContain("The deadline for submitting is 12 March 2030 (10 days left).");
    expect(en).toContain(`Report here: ${PUBLIC_URL}${ROUND}/grundskoleforvaltningen`);
    expect(en).not.toMatch(/Påminnelse|dagar/);

    // Nobody else: not Fritidsförvaltningen (submitted), not the disabled account.
    expect(to(FRI_EDITOR)).toHaveLength(0);
    expect(to(DISABLED_EDITOR)).toHaveLength(0);

    const audits = await auditOf("followUpRound.remindersSent");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ via: "system", actor_user_id: null, subject_id: roundId });
    expect(audits[0]!.changes).toEqual([{ field: "offset", before: null, after: 14 }, { field: "count", before: null, after: 2 }]);
  });

  it("sends nothing again: not on a second run, not after a restart, not the next day", async () => {
    const rows = await outboxCount();
    expect(await sendDueReminders(db, mailer, { now: NOW, publicUrl: PUBLIC_URL })).toMatchObject({ enqueued: 0, delivery: { sent: 0 } });
    // A restart: a new mailer (as a new process makes) on the same database.
    const restarted = newMailer();
    expect(await sendDueReminders(db, restarted, { now: new Date(NOW.getTime() + 60_000), publicUrl: PUBLIC_URL })).toMatchObject({ enqueued: 0 });
    expect(await sendDueReminders(db, restarted, { now: day(1), publicUrl: PUBLIC_URL })).toMatchObject({ enqueued: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(await outboxCount()).toBe(rows);
    expect(await auditOf("followUpRound.remindersSent")).toHaveLength(1);
  });

  it("sends the 3-day reminder once, even when two processes run at the same moment", async () => {
    const first = newMailer();
    const second = newMailer();
    const reports = await Promise.all([
      sendDueReminders(db, first, { now: day(7), publicUrl: PUBLIC_URL }),
      sendDueReminders(db, second, { now: day(7), publicUrl: PUBLIC_URL }),
    ]);
    expect(reports.reduce((n, r) => n + r.enqueued, 0)).toBe(2);
    expect(smtp.received).toHaveLength(4);
    const latest = to(ASF_EDITOR).at(-1)!;
    expect(bodyOf(latest)).toContain("(3 dagar kvar)");
    expect(to(GRF_EDITOR).at(-1)!.mail.text).toContain("(3 days left)");
    const keys = await queryRows<{ k: string }>(db, sql`select dedupe_key as k from mail_outbox where dedupe_key like ${`reminder:${roundId}:%`} order by k`);
    expect(keys.map((r) => r.k.split(":")[2])).toEqual(["14", "14", "3", "3"]);
    const audits = await auditOf("followUpRound.remindersSent");
    expect(audits.map((a) => a.changes[0]!.after)).toEqual([14, 3]);
  });

  it("sends only the most recent offset for a round opened two days before its deadline", async () => {
    const opened = await openFollowUpRound(db, coordinator, {
      planId, name: "Extra uppföljning 2030", slug: "extra-2030", periodStart: "2029-01-01", periodEnd: "2029-12-31", deadline: "2030-03-11",
      organisationIds: [org.asf!], confirmedPersonalData: false, ...DEFAULT_SETTINGS,
    });
    const report = await sendDueReminders(db, mailer, { now: day(7), publicUrl: PUBLIC_URL });
    expect(report.enqueued).toBe(1);
    const keys = await queryRows<{ k: string }>(db, sql`select dedupe_key as k from mail_outbox where dedupe_key like ${`reminder:${opened.roundId}:%`}`);
    expect(keys.map((r) => r.k.split(":")[2])).toEqual(["3"]);
    expect(bodyOf(to(ASF_EDITOR).at(-1)!)).toContain("Extra uppföljning 2030");
    expect(bodyOf(to(ASF_EDITOR).at(-1)!)).toContain("(2 dagar kvar)");
    await db.execute(sql`update follow_up_round set state = 'closed', closed_at = now() where id = ${opened.roundId}`);
  });

  it("runs on the croner schedule, logs no error, and stops", async () => {
    const before = to(ASF_EDITOR).length;
    const log = { debug: vi.fn(), info: vi.fn(), error: vi.fn() };
    let runs = 0;
    // The day after the deadline: the -1 reminder is due. Every second; the first run is left to croner.
    const stop = startReminderSchedule({
      db, mailer: newMailer(), publicUrl: PUBLIC_URL, log, pattern: "* * * * * *", firstRunDelayMs: 600_000,
      now: () => {
        runs += 1;
        return day(11);
      },
    });
    let arrived: number;
    try {
      arrived = (await smtp.waitFor(ASF_EDITOR, before + 1, 15_000)).length;
    } finally {
      await stop();
    }
    expect(arrived).toBe(before + 1);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ enqueued: 2 }), "reminders sent");
    const overdue = to(ASF_EDITOR).at(-1)!;
    expect(overdue.mail.subject).toBe("Påminnelse: Uppföljning 2030 – sista dagen var 12 mars 2030");
    expect(bodyOf(overdue)).toContain("Sista dag att lämna in var 12 mars 2030 (för 1 dag sedan).");
    // Stopped: no further runs.
    const runsAtStop = runs;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(runs).toBe(runsAtStop);
  });
});

describe("send reminder now", () => {
  it("is for coordinators: a reader is refused by the command and over HTTP, and nothing is recorded", async () => {
    const rows = await outboxCount();
    const readerId = (await one<{ id: string }>(sql`select id from app_user where email = 'lasare@malmo.example'`)).id;
    const reader: Viewer = { userId: readerId, email: "lasare@malmo.example", name: "L", systemAdmin: false, memberships: [{ workspaceId, role: "reader", organisationId: null }] };
    await expect(sendReminderNow(db, mailer, reader, { roundId, publicUrl: PUBLIC_URL })).rejects.toBeInstanceOf(Forbidden);
    const session = new Session(app);
    await session.logIn("lasare@malmo.example");
    expect((await session.submit("/konto", `${ROUND}/paminn`, { organisationId: org.asf!, tillbaka: `${ROUND}/oversikt` })).statusCode).toBe(403);
    const editor = new Session(app);
    await editor.logIn(ASF_EDITOR);
    expect((await editor.submit("/konto", `${ROUND}/paminn`, { organisationId: org.asf!, tillbaka: `${ROUND}/oversikt` })).statusCode).toBe(403);
    expect(await outboxCount()).toBe(rows);
  });

  it("reminds one organisation's editors over HTTP, says how many, goes back and audits it", async () => {
    const before = to(ASF_EDITOR).length;
    const session = new Session(app);
    await session.logIn("samordnare@malmo.example");
    const res = await session.submit("/malmo/utkorg", `${ROUND}/paminn`, { organisationId: org.asf!, tillbaka: "/malmo/utkorg" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/malmo/utkorg");
    expect((await session.get("/malmo/utkorg")).body).toContain("Påminnelse skickad till 1 person<");
    expect((await smtp.waitFor(ASF_EDITOR, before + 1)).length).toBe(before + 1);
    expect(bodyOf(to(ASF_EDITOR).at(-1)!)).toContain(`Rapportera här: ${PUBLIC_URL}${ROUND}/asf`);
    const audits = await auditOf("followUpRound.reminderSentNow");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ via: "web", actor_user_id: coordinator.userId, subject_id: roundId, organisation_id: org.asf });
    expect(audits[0]!.changes[0]).toEqual({ field: "count", before: null, after: 1 });

    // Without an organisation: every late one (ASF and Grundskoleförvaltningen; Fritidsförvaltningen has submitted).
    const grfBefore = to(GRF_EDITOR).length;
    const all = await session.submit("/malmo/utkorg", `${ROUND}/paminn`, { tillbaka: "//evil.example/x" });
    expect(all.statusCode).toBe(303);
    expect(all.headers.location).toBe(`${ROUND}/oversikt`);
    expect((await session.get("/malmo/utkorg")).body).toContain("Påminnelse skickad till 2 personer<");
    expect((await smtp.waitFor(GRF_EDITOR, grfBefore + 1)).length).toBe(grfBefore + 1);
  });

  it("sends once for a double click within the same minute", async () => {
    const at = new Date("2030-03-05T08:15:10Z");
    const first = await sendReminderNow(db, mailer, coordinator, { roundId, organisationId: org.grundskoleforvaltningen!, publicUrl: PUBLIC_URL, now: at });
    const again = await sendReminderNow(db, mailer, coordinator, { roundId, organisationId: org.grundskoleforvaltningen!, publicUrl: PUBLIC_URL, now: new Date(at.getTime() + 30_000) });
    expect(first).toEqual({ recipients: 1, enqueued: 1 });
    expect(again).toEqual({ recipients: 1, enqueued: 0 });
    const next = await sendReminderNow(db, mailer, coordinator, { roundId, organisationId: org.grundskoleforvaltningen!, publicUrl: PUBLIC_URL, now: new Date(at.getTime() + 60_000) });
    expect(next.enqueued).toBe(1);
  });

  it("refuses a closed round, an organisation that submitted and one not in the round, with a clear message and nothing sent", async () => {
    const rows = await outboxCount();
    const audits = (await auditOf("followUpRound.reminderSentNow")).length;
    const session = new Session(app);
    await session.logIn("samordnare@malmo.example");
    const closed = await session.submit("/malmo/utkorg", `${PLAN}/uppfoljning/uppfoljning-2024/paminn`, { tillbaka: "/malmo/utkorg" });
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain("Uppföljning 2024 är inte öppen, så det går inte att skicka påminnelser.");
    expect(closed.body).toMatch(/<title>Fel: Skicka påminnelse/);

    const submitted = await session.submit("/malmo/utkorg", `${ROUND}/paminn`, { organisationId: org.fritidsforvaltningen!, tillbaka: "/malmo/utkorg" });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.body).toContain("Fritidsförvaltningen har redan lämnat in sin rapport");
    // The form again, to remind the late ones instead.
    expect(submitted.body).toContain('<select id="organisationId" name="organisationId"');
    expect(submitted.body).toContain(">Grundskoleförvaltningen</option>");

    for (const organisationId of [org.kulturforvaltningen!, "inte-ett-id"]) {
      const unknown = await session.submit("/malmo/utkorg", `${ROUND}/paminn`, { organisationId, tillbaka: "/malmo/utkorg" });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain("Välj ett av alternativen i listan");
    }
    await expect(sendReminderNow(db, mailer, coordinator, { roundId: "00000000-0000-4000-8000-000000000000", publicUrl: PUBLIC_URL })).rejects.toThrow(/not found/);
    const invalid = await sendReminderNow(db, mailer, coordinator, { roundId, organisationId: org.fritidsforvaltningen!, publicUrl: PUBLIC_URL }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(Invalid);
    expect((invalid as Invalid).fields).toEqual({ organisationId: { key: "reminder.alreadySubmitted", params: { organisation: "Fritidsförvaltningen" } } });
    expect(await outboxCount()).toBe(rows);
    expect(await auditOf("followUpRound.reminderSentNow")).toHaveLength(audits);
  });
});

describe("the outbox page", () => {
  it("shows what would have been sent without SMTP, with a notice, and filters by state", async () => {
    // A server without SMTP: its mail stays in the outbox as not configured. (The reminders sent now above were in
    // this same minute and would make this one a double click: they go, as if a minute had passed.)
    await db.execute(sql`delete from mail_outbox where dedupe_key like 'reminder-now:%'`);
    const bare = await buildApp(createAppState(database, { publicUrl: PUBLIC_URL }), { logger: false });
    try {
      const session = new Session(bare);
      await session.logIn("samordnare@malmo.example");
      const sent = await session.submit("/malmo/utkorg", `${ROUND}/paminn`, { organisationId: org.asf!, tillbaka: "/malmo/utkorg" });
      expect(sent.statusCode).toBe(303);
      const [row] = await queryRows<{ state: string; body_text: string }>(db, sql`select state, body_text from mail_outbox order by created_at desc limit 1`);
      expect(row!.state).toBe("not_configured");

      const page = await session.get("/malmo/utkorg");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("E-post är inte inställd för Samverka");
      const list = listOf(page.body);
      expect(list).toContain("Inte skickat – e-post är inte inställd");
      expect(list).toContain(ASF_EDITOR);
      // The text itself, behind a disclosure, as it would have been sent.
      const details = /<details class="outbox-item__text">([\s\S]*?)<\/details>/.exec(list)![1]!;
      expect(details).toContain(`Rapportera här: ${PUBLIC_URL}${ROUND}/asf`);
      // Newest first: the not-configured reminder comes before the sent ones.
      expect(list.indexOf("Inte skickat – e-post är inte inställd")).toBeGreaterThan(-1);
      expect(list.indexOf("Inte skickat – e-post är inte inställd")).toBeLessThan(list.indexOf("<dd>Skickat"));

      const onlyNotConfigured = (await session.get("/malmo/utkorg?status=not_configured")).body;
      expect(onlyNotConfigured).toContain("<p>1 meddelande</p>");
      expect(listOf(onlyNotConfigured)).not.toContain("<dd>Skickat");
      const onlySent = listOf((await session.get("/malmo/utkorg?status=sent")).body);
      expect(onlySent).not.toContain("Inte skickat");
      expect(onlySent).toContain("<dd>Skickat");
      expect((await session.get("/malmo/utkorg?status=failed")).body).toContain("Inga meddelanden med status ”Kunde inte skickas”.");
      // A state that does not exist counts as no filter; a bad page number as the first page.
      expect((await session.get("/malmo/utkorg?status=nonsense&sida=x")).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it("with SMTP set up shows no notice, and shows a failure's error", async () => {
    await db.insert(s.mailOutbox).values({ workspaceId, toAddress: "nagon@malmo.example", subject: "Misslyckat", bodyText: "x", state: "failed", error: "ESOCKET: connect ECONNREFUSED 127.0.0.1:1" });
    const session = new Session(app);
    await session.logIn("samordnare@malmo.example");
    const page = (await session.get("/malmo/utkorg")).body;
    expect(page).not.toContain("E-post är inte inställd för Samverka");
    expect(listOf(page)).toContain("<dd>Kunde inte skickas</dd>");
    expect(listOf(page)).toContain(">ESOCKET: connect ECONNREFUSED 127.0.0.1:1</dd>");
  });

  it("pages 50 at a time, hides single-use links, and is linked from the workspace's management page", async () => {
    const total = await count(sql`select count(*)::int as n from mail_outbox where workspace_id = ${workspaceId}`);
    const old = new Date("2020-01-01T00:00:00Z");
    await db.insert(s.mailOutbox).values(
      Array.from({ length: 55 - total }, (_, i) => ({ workspaceId, toAddress: `person${i}@malmo.example`, subject: `Äldre ${i}`, bodyText: "x", state: "sent", createdAt: old })),
    );
    await db.insert(s.mailOutbox).values({
      workspaceId, toAddress: "ny@malmo.example", subject: "Inbjudan", bodyText: `Öppna länken: ${PUBLIC_URL}/inbjudan/HEMLIG-TOKEN-123\nHälsningar`, state: "not_configured",
      createdAt: new Date("2021-01-01T00:00:00Z"),
    });
    const session = new Session(app);
    await session.logIn("samordnare@malmo.example");
    const first = (await session.get("/malmo/utkorg")).body;
    expect(first).toContain("56 meddelanden – Sida 1 av 2");
    expect(first.match(/<li class="outbox-item/g)).toHaveLength(50);
    expect(first).toContain('href="/malmo/utkorg?sida=2"');
    const second = (await session.get("/malmo/utkorg?sida=2")).body;
    expect(second.match(/<li class="outbox-item/g)).toHaveLength(6);
    expect(second).toContain("Sida 2 av 2");
    expect(second).toContain('<a href="/malmo/utkorg" rel="prev">');
    // Page numbers past the end show the last page.
    expect((await session.get("/malmo/utkorg?sida=99")).body).toContain("Sida 2 av 2");
    const all = first + second;
    expect(all).toContain("Inbjudan");
    expect(all).not.toContain("HEMLIG-TOKEN-123");
    expect(all).toContain("[engångslänk – visas inte här]");

    const manage = (await session.get("/malmo/hantera")).body;
    expect(manage).toContain('<a href="/malmo/utkorg">Utkorg</a>');
  });

  it("is for coordinators and administrators", async () => {
    for (const email of ["lasare@malmo.example", ASF_EDITOR, "styrgrupp@malmo.example"]) {
      const session = new Session(app);
      await session.logIn(email);
      expect((await session.get("/malmo/utkorg")).statusCode).toBe(403);
    }
    expect((await app.inject({ method: "GET", url: "/malmo/utkorg" })).statusCode).toBe(303);
    const admin = new Session(app);
    await admin.logIn("admin@malmo.example");
    expect((await admin.get("/malmo/utkorg")).statusCode).toBe(200);
  });
});
