// The administration pages over HTTP: who may open them, the people with their roles, removing a role (and who may
// not), the workspace's audit log with its filters and pages, and that no action ever changes an earlier audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { formValues } from "../support/form-values.ts";

let database: Database;
let app: FastifyInstance;
let malmoId = "";
const PLAN = "/malmo/planer/fri-fran-vald";

const DEMO = [
  { email: "admin@malmo.example", name: "Demo Administratör", role: "Administratör" },
  { email: "samordnare@malmo.example", name: "Demo Samordnare", role: "Samordnare" },
  { email: "styrgrupp@malmo.example", name: "Demo Styrgrupp", role: "Styrgrupp" },
  { email: "asf.redaktor@malmo.example", name: "Demo Redaktör ASF", role: "Redaktör" },
  { email: "asf.godkannare@malmo.example", name: "Demo Godkännare ASF", role: "Godkännare" },
  { email: "lasare@malmo.example", name: "Demo Läsare", role: "Läsare" },
];

const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

async function session(email: string) {
  const s = new Session(app);
  const res = await s.logIn(email);
  expect(res.statusCode).toBe(303);
  return s;
}

async function membershipOf(email: string, ws = "malmo"): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select m.id from membership m join app_user u on u.id = m.user_id join workspace w on w.id = m.workspace_id where u.email = ${email} and w.slug = ${ws}`,
  );
  return rows[0]?.id;
}

const removeUrl = (membershipId: string) => `/malmo/personer/roller/${membershipId}/ta-bort`;

/** Posts the remove button of a membership with the token of the people page. */
async function removeRole(s: Session, membershipId: string) {
  const page = await s.get("/malmo/personer");
  return s.post(removeUrl(membershipId), { _csrf: Session.tokenIn(page.body) });
}

async function auditRows() {
  return queryRows<Record<string, unknown>>(database.db, sql`select id, workspace_id, at, actor_user_id, via, action, subject_type, subject_id, organisation_id, changes from audit_event order by id`);
}

async function activityId(number: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = ${number}`);
  if (!row) throw new Error("activity not in the demo");
  return row.id;
}

const edit = (id: string) => `${PLAN}/aktiviteter/${id}/redigera`;
/** Every field of the activity form as the browser would send it back (the form has every field of an activity). */
const formOf = (html: string) => formValues(html);

/** Today in Stockholm, as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

/** The rows of the log table (between <tbody> and </tbody>), as text. */
const logRows = (html: string) => {
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? "";
  return body.split("</tr>").filter((r) => r.includes("<tr")).map(text);
};

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  malmoId = (await queryRows<{ id: string }>(database.db, sql`select id from workspace where slug = 'malmo'`))[0]!.id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("who may open the administration pages", () => {
  it("sends an anonymous visitor to log in", async () => {
    for (const url of ["/malmo/personer", "/malmo/logg"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/logga-in?tillbaka=${encodeURIComponent(url)}`);
    }
  });

  it("answers 403 to the editor (and the other roles without the right) on the people page and the log", async () => {
    for (const email of ["asf.redaktor@malmo.example", "styrgrupp@malmo.example", "asf.godkannare@malmo.example", "lasare@malmo.example"]) {
      const s = await session(email);
      expect((await s.get("/malmo/personer")).statusCode, email).toBe(403);
      expect((await s.get("/malmo/logg")).statusCode, email).toBe(403);
    }
  });

  it("answers 404 for a workspace where the viewer has no role", async () => {
    const coordinator = await session("samordnare@malmo.example");
    expect((await coordinator.get("/exempelby/personer")).statusCode).toBe(404);
    expect((await coordinator.get("/exempelby/logg")).statusCode).toBe(404);
    expect((await coordinator.get("/finns-inte/personer")).statusCode).toBe(404);
  });

  it("links the pages from the account page only for those who may open them", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const mine = (await coordinator.get("/konto")).body;
    expect(mine).toContain('href="/malmo/personer"');
    expect(mine).toContain('href="/malmo/logg"');
    expect(mine).not.toContain("/exempelby/");
    const editor = await session("asf.redaktor@malmo.example");
    const theirs = (await editor.get("/konto")).body;
    expect(theirs).not.toContain('href="/malmo/personer"');
    expect(theirs).not.toContain('href="/malmo/logg"');
    expect(theirs).not.toContain("Administration");
  });
});

describe("links on the administration pages", () => {
  it("lead only to pages their viewer may open", async () => {
    for (const email of ["admin@malmo.example", "samordnare@malmo.example"]) {
      const s = await session(email);
      for (const url of ["/malmo/personer", "/malmo/logg", "/konto"]) {
        const html = (await s.get(url)).body;
        const hrefs = [...new Set([...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))]
          .filter((href) => !href.startsWith("/sprak/") && !href.startsWith("/static/"));
        expect(hrefs.length).toBeGreaterThan(2);
        for (const href of hrefs) expect((await s.get(href)).statusCode, `${email}: ${url} → ${href}`).toBe(200);
      }
    }
  });
});

describe("the people page", () => {
  it("lists the six demo accounts with their roles, e-mail and a table with caption and headers", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const res = await coordinator.get("/malmo/personer");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("no-store");
    const html = res.body;
    expect(html.match(/<h1[\s>]/g)?.length).toBe(1);
    expect(html).toMatch(/<caption id="people-caption">Personer med roll i Malmö stad: 6<\/caption>/);
    expect(html).toContain('<th scope="col">E-post</th>');
    const rows = (/<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? "").split("</tr>").filter((r) => r.includes("<tr"));
    expect(rows).toHaveLength(6);
    for (const person of DEMO) {
      const row = rows.find((r) => r.includes(person.email));
      expect(row, person.email).toBeDefined();
      expect(row!).toContain(`<th scope="row">${person.name}`);
      expect(text(row!)).toContain(person.role);
    }
    expect(text(rows.find((r) => r.includes("asf.redaktor"))!)).toMatch(/Redaktör, Arbetsmarknads/);
    // The coordinator sees the ways on to inviting, the invitations and the log.
    expect(html).toContain('href="/malmo/personer/bjud-in"');
    expect(html).toContain('href="/malmo/personer/inbjudningar"');
    expect(html).toContain('href="/malmo/logg"');
    // … and a remove button for the roles they may remove, none for the administrator's or their own coordinator role.
    expect(html).toContain(`action="${removeUrl((await membershipOf("lasare@malmo.example"))!)}"`);
    expect(html).not.toContain(`action="${removeUrl((await membershipOf("admin@malmo.example"))!)}"`);
    expect(html).not.toContain(`action="${removeUrl((await membershipOf("samordnare@malmo.example"))!)}"`);
    // The administrator may remove every role but their own last administrator role.
    const admin = await session("admin@malmo.example");
    const adminPage = (await admin.get("/malmo/personer")).body;
    for (const person of DEMO.slice(1)) expect(adminPage).toContain(`action="${removeUrl((await membershipOf(person.email))!)}"`);
    expect(adminPage).not.toContain(`action="${removeUrl((await membershipOf("admin@malmo.example"))!)}"`);
  });

  it("refuses the coordinator's request to remove the administrator's role with 403 and changes nothing", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const adminMembership = (await membershipOf("admin@malmo.example"))!;
    const before = (await auditRows()).length;
    const res = await removeRole(coordinator, adminMembership);
    expect(res.statusCode).toBe(403);
    expect(await membershipOf("admin@malmo.example")).toBe(adminMembership);
    expect((await auditRows()).length).toBe(before);
    // Another coordinator role is out of reach too.
    expect((await removeRole(coordinator, (await membershipOf("samordnare@malmo.example"))!)).statusCode).toBe(403);
  });

  it("refuses the editor's crafted request to remove a role", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get("/konto");
    const res = await editor.post(removeUrl((await membershipOf("lasare@malmo.example"))!), { _csrf: Session.tokenIn(page.body) });
    expect(res.statusCode).toBe(403);
    expect(await membershipOf("lasare@malmo.example")).toBeDefined();
  });

  it("answers 404 for a role of another workspace or one that does not exist", async () => {
    const admin = await session("admin@malmo.example");
    expect((await removeRole(admin, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await removeRole(admin, "not-a-uuid")).statusCode).toBe(404);
  });

  it("does not let the administrator remove their own last administrator role", async () => {
    const admin = await session("admin@malmo.example");
    const own = (await membershipOf("admin@malmo.example"))!;
    // The page offers no button for it; a crafted request is refused with the reason at the top of the page.
    const res = await removeRole(admin, own);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: /);
    expect(res.body).toContain(`<a href="#remove-${own}">`);
    expect(res.body).toContain(`id="remove-${own}"`);
    expect(text(res.body)).toContain("Du kan inte ta bort din egen sista administratörsroll");
    expect(await membershipOf("admin@malmo.example")).toBe(own);
  });

  it("lets the coordinator remove the reader's role: the account stays, the reader has no roles, the log tells who did it", async () => {
    const reader = await session("lasare@malmo.example");
    expect(text((await reader.get("/konto")).body)).toContain("Malmö stad: Läsare");
    const coordinator = await session("samordnare@malmo.example");
    const readerMembership = (await membershipOf("lasare@malmo.example"))!;
    const res = await removeRole(coordinator, readerMembership);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/malmo/personer?borttagen=1");
    const after = await coordinator.get(res.headers.location as string);
    expect(text(after.body)).toContain("Rollen är borttagen. Kontot finns kvar.");
    expect(after.body).not.toContain("lasare@malmo.example");
    expect(after.body).toMatch(/Personer med roll i Malmö stad: 5/);

    expect(await membershipOf("lasare@malmo.example")).toBeUndefined();
    const account = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from app_user where email = 'lasare@malmo.example'`);
    expect(account[0]!.n).toBe(1);
    // The reader's open session now shows no roles and opens no internal page of Malmö.
    const konto = text((await reader.get("/konto")).body);
    expect(konto).toContain("Du har inga roller ännu.");
    expect(konto).not.toContain("Malmö stad: Läsare");

    const log = await coordinator.get("/malmo/logg?typ=membership");
    expect(log.statusCode).toBe(200);
    const [row] = logRows(log.body);
    expect(row).toContain("Demo Samordnare");
    expect(row).toContain("Tog bort en roll");
    expect(row).toContain("lasare@malmo.example");
    expect(row).toContain("Läsare");
    const [event] = await queryRows<{ action: string; changes: Array<{ field: string; before: unknown; after: unknown }>; actor: string }>(
      database.db,
      sql`select e.action, e.changes, u.email as actor from audit_event e join app_user u on u.id = e.actor_user_id where e.subject_id = ${readerMembership}`,
    );
    expect(event!.action).toBe("membership.removed");
    expect(event!.actor).toBe("samordnare@malmo.example");
    expect(event!.changes).toContainEqual({ field: "role", before: "reader", after: null });
  });
});

describe("the audit log", () => {
  let asf12 = "";
  beforeAll(async () => {
    asf12 = await activityId("1.2");
  });

  it("shows an edit of an activity with who, what, a link to the activity and each field's before and after", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(edit(asf12));
    const form = formOf(page.body);
    const newTitle = `${form.title} – reviderad`;
    const saved = await editor.post(edit(asf12), { _csrf: Session.tokenIn(page.body), ...form, title: newTitle });
    expect(saved.statusCode).toBe(303);

    const coordinator = await session("samordnare@malmo.example");
    const log = await coordinator.get("/malmo/logg");
    expect(log.statusCode).toBe(200);
    expect(log.body.match(/<h1[\s>]/g)?.length).toBe(1);
    expect(log.body).toContain('<caption id="log-caption">');
    const row = logRows(log.body).find((r) => r.includes("Ändrade aktiviteten"));
    expect(row).toBeDefined();
    expect(row!).toContain("Demo Redaktör ASF");
    expect(row!).toContain(`Titel före: ${form.title} , efter: ${newTitle}`.replace(/\s+/g, " "));
    expect(log.body).toContain(`href="${PLAN}/aktiviteter/${asf12}"`);
  });

  it("cuts long values and links to the history for the full text", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(edit(asf12));
    const form = formOf(page.body);
    const long = `${"Lång beskrivning av kursens upplägg och innehåll. ".repeat(8)}SLUTET`;
    expect((await editor.post(edit(asf12), { _csrf: Session.tokenIn(page.body), ...form, description: long })).statusCode).toBe(303);
    const coordinator = await session("samordnare@malmo.example");
    const log = await coordinator.get("/malmo/logg?typ=activity");
    const [row] = logRows(log.body);
    expect(row).toContain("Lång beskrivning");
    expect(row).toContain("…");
    expect(row).not.toContain("SLUTET");
    expect(log.body).toContain(`href="${PLAN}/aktiviteter/${asf12}/historik"`);
  });

  it("shows only this workspace's events, not another's and not logins", async () => {
    const admin = await session("admin@malmo.example");
    const body = text((await admin.get("/malmo/logg")).body);
    expect(body).toContain("Läste in demodata");
    expect(body).toContain("Kommun: Malmö stad");
    expect(body).not.toContain("Exempelby");
    expect(body).not.toContain("Loggade in");
  });

  it("filters by person, by type and by date", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const full = await coordinator.get("/malmo/logg");
    const editorId = /<option value="([0-9a-f-]{36})"[^>]*>Demo Redaktör ASF<\/option>/.exec(full.body)?.[1];
    expect(editorId).toBeDefined();
    const byEditor = logRows((await coordinator.get(`/malmo/logg?person=${editorId}`)).body);
    expect(byEditor.length).toBeGreaterThan(0);
    for (const row of byEditor) expect(row).toContain("Demo Redaktör ASF");
    const selected = (await coordinator.get(`/malmo/logg?person=${editorId}`)).body;
    expect(selected).toMatch(new RegExp(`<option value="${editorId}" selected`));

    const byType = logRows((await coordinator.get("/malmo/logg?typ=workspace")).body);
    expect(byType).toHaveLength(1);
    expect(byType[0]).toContain("Läste in demodata");

    const asf = (await queryRows<{ id: string }>(database.db, sql`select id from organisation where slug = 'asf' and workspace_id = ${malmoId}`))[0]!.id;
    const byOrg = logRows((await coordinator.get(`/malmo/logg?organisation=${asf}`)).body);
    expect(byOrg.length).toBeGreaterThan(0);
    for (const row of byOrg) expect(row).toContain("Arbetsmarknads");

    const day = today();
    const todays = logRows((await coordinator.get(`/malmo/logg?fran=${day}&till=${day}`)).body);
    expect(todays.some((r) => r.includes("Ändrade aktiviteten"))).toBe(true);
    const long_ago = await coordinator.get("/malmo/logg?fran=2000-01-01&till=2000-12-31");
    expect(long_ago.statusCode).toBe(200);
    expect(logRows(long_ago.body)).toHaveLength(0);
    expect(text(long_ago.body)).toContain("Inga händelser stämmer med filtret.");
    const fromTomorrow = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(logRows((await coordinator.get(`/malmo/logg?fran=${fromTomorrow}`)).body)).toHaveLength(0);
  });

  it("answers a bad date, a reversed range or a crafted choice with 400 and a message at the field", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const bad = await coordinator.get("/malmo/logg?fran=2024-13-45&till=igår");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/<title>Fel: /);
    expect(bad.body).toContain('<a href="#fran">');
    expect(bad.body).toContain('<a href="#till">');
    expect(bad.body).toContain('id="fran-error"');
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain('value="2024-13-45"');
    const reversed = await coordinator.get("/malmo/logg?fran=2024-05-01&till=2024-04-01");
    expect(reversed.statusCode).toBe(400);
    expect(text(reversed.body)).toContain("Till och med-datumet måste vara samma dag");
    const crafted = await coordinator.get("/malmo/logg?person=' or 1=1 --&typ=<script>");
    expect(crafted.statusCode).toBe(400);
    expect(crafted.body).not.toContain("<script>");
    const unknown = await coordinator.get("/malmo/logg?person=00000000-0000-4000-8000-000000000000&typ=nothing");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<a href="#person">');
    expect(unknown.body).toContain('<a href="#typ">');
    expect((await coordinator.get("/malmo/logg?sida=abc")).statusCode).toBe(404);
  });

  it("pages through 50 events at a time, keeping the filter, and shows an unknown action as it is stored", async () => {
    const values = Array.from({ length: 60 }, (_, i) => sql`(${malmoId}::uuid, now() - ${`${i} minutes`}::interval, 'system', 'test.bulk', 'test', ${String(i)})`);
    await database.db.execute(sql`insert into audit_event (workspace_id, at, via, action, subject_type, subject_id) values ${sql.join(values, sql`, `)}`);
    const admin = await session("admin@malmo.example");
    const first = await admin.get("/malmo/logg?typ=test");
    expect(first.statusCode).toBe(200);
    expect(logRows(first.body)).toHaveLength(50);
    expect(text(first.body)).toContain("Händelser 1–50 av 60");
    expect(text(first.body)).toContain("test.bulk");
    expect(first.body).toContain('href="/malmo/logg?typ=test&amp;sida=2"');
    const second = await admin.get("/malmo/logg?typ=test&sida=2");
    expect(logRows(second.body)).toHaveLength(10);
    expect(text(second.body)).toContain("Händelser 51–60 av 60");
    expect(second.body).toContain('href="/malmo/logg?typ=test"');
    expect((await admin.get("/malmo/logg?typ=test&sida=3")).statusCode).toBe(404);
  });

  it("shows the English page in English", async () => {
    const coordinator = await session("samordnare@malmo.example");
    await coordinator.get("/sprak/en?tillbaka=/malmo/logg");
    const log = text((await coordinator.get("/malmo/logg?typ=activity")).body);
    expect(log).toContain("Audit log of Malmö stad");
    expect(log).toContain("Changed the activity");
    expect(log).toContain("before:");
    const people = text((await coordinator.get("/malmo/personer")).body);
    expect(people).toContain("People in Malmö stad");
    expect(people).toContain("Remove role");
  });
});

describe("the audit log is append-only", () => {
  it("only grows through the admin actions; every earlier row stays exactly as it was", async () => {
    const before = await auditRows();
    const admin = await session("admin@malmo.example");
    const coordinator = await session("samordnare@malmo.example");
    const failed = new Session(app);
    await failed.logIn("samordnare@malmo.example", "fel-lösenord");

    await coordinator.get("/malmo/personer");
    await coordinator.get("/malmo/logg?typ=activity&sida=1");
    await removeRole(coordinator, (await membershipOf("admin@malmo.example"))!);
    await removeRole(admin, (await membershipOf("admin@malmo.example"))!);
    const approver = (await membershipOf("asf.godkannare@malmo.example"))!;
    expect((await removeRole(admin, approver)).statusCode).toBe(303);
    const asf12 = await activityId("1.2");
    const page = await admin.get(edit(asf12));
    expect((await admin.post(edit(asf12), { _csrf: Session.tokenIn(page.body), ...formOf(page.body), childRights: "Ändrat av administratören." })).statusCode).toBe(303);
    const konto = await coordinator.get("/konto");
    await coordinator.post("/konto/logga-ut-overallt", { _csrf: Session.tokenIn(konto.body) });

    const after = await auditRows();
    expect(after.length).toBeGreaterThan(before.length);
    const now = new Map(after.map((r) => [r.id as string, r]));
    for (const row of before) expect(now.get(row.id as string), `audit row ${String(row.id)}`).toEqual(row);
    const added = after.filter((r) => !before.some((b) => b.id === r.id)).map((r) => r.action);
    expect(added).toEqual(expect.arrayContaining(["login.succeeded", "login.failed", "membership.removed", "activity.updated", "logout.everywhere"]));
  });
});
