// Invitations end to end: an administrator or coordinator invites, a real SMTP server in this process receives the
// mail, and the link read out of it is followed like a browser would (the Session helper), on the demo database.
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { invitationTokenHash } from "../../src/queries/invitations.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

let database: Database;
let smtp: TestSmtp;
let app: FastifyInstance;
/** The same database, but no SMTP server configured: every message stays "not configured". */
let appWithoutSmtp: FastifyInstance;
const mailers: Mailer[] = [];
let asf = "";

const INVITE = "/malmo/personer/bjud-in";
const PENDING = "/malmo/personer/inbjudningar";
const PASSWORD = "ett-langt-losenord-2026";

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  smtp = await startSmtp();
  const from = "Samverka <noreply@samverka.example>";
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from, db: database.db });
  const noSmtp = createMailer({ from, db: database.db });
  mailers.push(mailer, noSmtp);
  app = await buildApp(createAppState(database, { mailer, publicUrl: "http://samverka.test" }), { logger: false });
  appWithoutSmtp = await buildApp(createAppState(database, { mailer: noSmtp, publicUrl: "http://samverka.test" }), { logger: false });
  asf = (await rows<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.slug = 'asf'`))[0]!.id;
});
afterAll(async () => {
  await app?.close();
  await appWithoutSmtp?.close();
  for (const m of mailers) m.close();
  await smtp?.stop();
  await database?.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(query))[0]!.n;

async function loggedIn(email: string, on = app) {
  const s = new Session(on);
  const res = await s.logIn(email);
  expect(res.statusCode).toBe(303);
  return s;
}

async function invite(by: Session, form: { email: string; role: string; organisationId?: string }) {
  return by.submit(INVITE, INVITE, { organisationId: "", ...form });
}

/** The path of the invitation link in the last mail to `to`. */
async function linkInMail(to: string, nth = 1): Promise<string> {
  const mails = await smtp.waitFor(to, nth);
  expect(mails.length).toBeGreaterThanOrEqual(nth);
  const body = mails[nth - 1]!.mail.text ?? "";
  const match = /http:\/\/samverka\.test(\/inbjudan\/[A-Za-z0-9_-]+)/.exec(body);
  expect(match, body).not.toBeNull();
  return match![1]!;
}

/** Invites by an administrator and returns the link's path. */
async function invited(email: string, role = "reader", organisationId = ""): Promise<string> {
  const admin = await loggedIn("admin@malmo.example");
  const res = await invite(admin, { email, role, organisationId });
  expect(res.statusCode, text(res.body)).toBe(200);
  return linkInMail(email);
}

describe("inviting", () => {
  it("an administrator invites a coordinator: the mail arrives with the link, and accepting it logs the new person in", async () => {
    const admin = await loggedIn("admin@malmo.example");
    const form = await admin.get(INVITE);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<label for="role">Roll<\/label>/);
    expect(form.body).toContain('<option value="admin">Administratör</option>');
    expect(form.body).toContain("Arbetsmarknads- och socialförvaltningen");

    const res = await invite(admin, { email: "  Ny.Samordnare@Malmo.example ", role: "coordinator" });
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("Inbjudan är skickad");
    expect(text(res.body)).toContain("ny.samordnare@malmo.example");
    // The link is not shown when the mail went out.
    expect(res.body).not.toContain("/inbjudan/");

    const [received] = await smtp.waitFor("ny.samordnare@malmo.example");
    expect(received!.mail.subject).toBe("Inbjudan till Malmö stad i Samverka");
    expect(received!.mail.text).toContain("Demo Administratör har bjudit in dig till Malmö stad i Samverka med rollen samordnare.");
    expect(received!.mail.text).toMatch(/gäller till \d+ \w+ 20\d\d/);
    const link = await linkInMail("ny.samordnare@malmo.example");

    // Only the token's hash is stored; the invitation is audited.
    const token = link.split("/").pop()!;
    const [stored] = await rows<{ token_hash: string; role: string; days: number }>(
      sql`select token_hash, role, round(extract(epoch from expires_at - created_at) / 86400)::int as days from invitation where email = 'ny.samordnare@malmo.example'`,
    );
    expect(stored).toEqual({ token_hash: invitationTokenHash(token), role: "coordinator", days: 7 });
    expect(await count(sql`select count(*)::int as n from invitation where token_hash = ${token}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from audit_event where action = 'invitation.created' and changes::text like '%ny.samordnare@malmo.example%'`)).toBe(1);

    const person = new Session(app);
    const page = await person.get(link);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("Du är inbjuden till Malmö stad med rollen samordnare.");
    expect(page.body).toContain('autocomplete="new-password"');
    const accepted = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "Nina Samordnare", password: PASSWORD, passwordAgain: PASSWORD });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe("/malmo/planer/fri-fran-vald");
    expect(String(accepted.headers["set-cookie"])).toMatch(/samverka_session=[\w-]{40,}.*HttpOnly/);
    const account = text((await person.get("/konto")).body);
    expect(account).toContain("Nina Samordnare (ny.samordnare@malmo.example)");
    expect(account).toContain("Malmö stad: Samordnare");
    expect(await count(sql`select count(*)::int as n from audit_event where action = 'invitation.accepted'`)).toBeGreaterThanOrEqual(1);

    // The new password works for a normal login too.
    expect((await new Session(app).logIn("ny.samordnare@malmo.example", PASSWORD)).statusCode).toBe(303);

    // Single use: the second visit (or a replayed form) gets "already used".
    const again = await new Session(app).get(link);
    expect(again.statusCode).toBe(410);
    expect(text(again.body)).toContain("Inbjudan är redan använd");
    const replay = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "Nina", password: PASSWORD, passwordAgain: PASSWORD });
    expect(replay.statusCode).toBe(410);
    expect(await count(sql`select count(*)::int as n from app_user where email = 'ny.samordnare@malmo.example'`)).toBe(1);
  });

  it("a coordinator is offered only the roles they may give, and is refused (403) an administrator invitation", async () => {
    const coordinator = await loggedIn("samordnare@malmo.example");
    const form = await coordinator.get(INVITE);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('<option value="admin"');
    expect(form.body).not.toContain('<option value="coordinator"');
    expect(form.body).toContain('<option value="editor">Redaktör</option>');
    const res = await invite(coordinator, { email: "blivande.admin@malmo.example", role: "admin" });
    expect(res.statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from invitation where email = 'blivande.admin@malmo.example'`)).toBe(0);
    const coordinatorRole = await invite(coordinator, { email: "blivande.admin@malmo.example", role: "coordinator" });
    expect(coordinatorRole.statusCode).toBe(403);
  });

  it("asks for an organisation when the role is editor, with the error pattern", async () => {
    const coordinator = await loggedIn("samordnare@malmo.example");
    const res = await invite(coordinator, { email: "redaktor@malmo.example", role: "editor", organisationId: "" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: Bjud in en person/);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('<a href="#organisationId">Välj vilken organisation personen ska vara redaktör för</a>');
    expect(res.body).toMatch(/id="organisationId"[^>]*aria-describedby="organisationId-hint organisationId-error"/);
    // What was typed stays in the form.
    expect(res.body).toContain('value="redaktor@malmo.example"');
    expect(res.body).toMatch(/<option value="editor" selected/);
    const bad = await invite(coordinator, { email: "inte-en-adress", role: "", organisationId: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#email">Skriv en e-postadress i formatet namn@exempel.se</a>');
    expect(bad.body).toContain('<a href="#role">Välj vilken roll personen ska få</a>');
    // Every problem at once: a missing address does not hide the missing organisation.
    const both = await invite(coordinator, { email: "", role: "approver", organisationId: "" });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('<a href="#email">Skriv e-postadressen till den du vill bjuda in</a>');
    expect(both.body).toContain('<a href="#organisationId">Välj vilken organisation personen ska vara godkännare för</a>');
    const foreign = await invite(coordinator, { email: "redaktor@malmo.example", role: "editor", organisationId: "00000000-0000-4000-8000-000000000000" });
    expect(foreign.statusCode).toBe(400);
    expect(text(foreign.body)).toContain("Välj en organisation i listan");
    expect(await count(sql`select count(*)::int as n from invitation where email = 'redaktor@malmo.example'`)).toBe(0);
  });

  it("an editor invitation names the organisation, and the membership carries it", async () => {
    const link = await invited("ny.redaktor@malmo.example", "editor", asf);
    const [mail] = await smtp.waitFor("ny.redaktor@malmo.example");
    expect(mail!.mail.text).toContain("med rollen redaktör för Arbetsmarknads- och socialförvaltningen.");
    const person = new Session(app);
    const page = await person.get(link);
    const res = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "Erik Redaktör", password: PASSWORD, passwordAgain: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(text((await person.get("/konto")).body)).toContain("Malmö stad: Redaktör, Arbetsmarknads- och socialförvaltningen");
  });

  it("ignores an organisation for a role without one", async () => {
    const admin = await loggedIn("admin@malmo.example");
    const res = await invite(admin, { email: "lasare2@malmo.example", role: "reader", organisationId: asf });
    expect(res.statusCode).toBe(200);
    const [row] = await rows<{ organisation_id: string | null }>(sql`select organisation_id from invitation where email = 'lasare2@malmo.example'`);
    expect(row!.organisation_id).toBeNull();
  });

  it("refuses to invite someone to a role they already hold", async () => {
    const admin = await loggedIn("admin@malmo.example");
    const res = await invite(admin, { email: "samordnare@malmo.example", role: "coordinator" });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("Personen har redan den här rollen i Malmö stad");
  });

  it("without SMTP the confirmation shows the link to pass on by hand, and the link works", async () => {
    const admin = await loggedIn("admin@malmo.example", appWithoutSmtp);
    const res = await admin.submit(INVITE, INVITE, { email: "utan.smtp@malmo.example", role: "steering", organisationId: "" });
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("Skicka länken till personen");
    expect(text(res.body)).toContain("ingen e-postserver är inställd");
    const match = /<input id="link" type="text" readonly(?:="")? value="http:\/\/samverka\.test(\/inbjudan\/[A-Za-z0-9_-]+)"/.exec(res.body);
    expect(match, res.body).not.toBeNull();
    expect(res.body).toContain('<label for="link">Länk till inbjudan</label>');
    const [outbox] = await rows<{ state: string }>(sql`select state from mail_outbox where to_address = 'utan.smtp@malmo.example'`);
    expect(outbox!.state).toBe("not_configured");
    expect(smtp.received.some((r) => r.to.includes("utan.smtp@malmo.example"))).toBe(false);
    const page = await new Session(app).get(match![1]!);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("med rollen styrgrupp");
  });

  it("when the SMTP server refuses, the confirmation shows the link to pass on by hand", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const broken = createMailer({ smtpUrl: `smtp://127.0.0.1:${closed}`, from: "Samverka <noreply@samverka.example>", db: database.db });
    mailers.push(broken);
    const brokenApp = await buildApp(createAppState(database, { mailer: broken, publicUrl: "http://samverka.test" }), { logger: false });
    try {
      const admin = await loggedIn("admin@malmo.example", brokenApp);
      const res = await admin.submit(INVITE, INVITE, { email: "trasig.smtp@malmo.example", role: "reader", organisationId: "" });
      expect(res.statusCode).toBe(200);
      expect(text(res.body)).toContain("mejlet kunde inte skickas");
      expect(res.body).toMatch(/value="http:\/\/samverka\.test\/inbjudan\/[A-Za-z0-9_-]+"/);
      const [outbox] = await rows<{ state: string }>(sql`select state from mail_outbox where to_address = 'trasig.smtp@malmo.example'`);
      expect(outbox!.state).toBe("failed");
    } finally {
      await brokenApp.close();
    }
  });

  it("refuses a personal identity number in the name, and neither creates the account nor uses the invitation", async () => {
    const link = await invited("pnr@malmo.example");
    const person = new Session(app);
    const page = await person.get(link);
    const res = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "Anna 19121212-1212", password: PASSWORD, passwordAgain: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("personnummer (121212-****)");
    // Kept in the field so the person can correct it, but never repeated in the messages.
    expect(res.body).not.toMatch(/1212-?1212[^"]*<\/(a|p)>/);
    expect(await count(sql`select count(*)::int as n from app_user where email = 'pnr@malmo.example'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from invitation where email = 'pnr@malmo.example' and used_at is null`)).toBe(1);
  });

  it("checks name and the password typed twice", async () => {
    const link = await invited("losen@malmo.example");
    const person = new Session(app);
    const page = await person.get(link);
    const res = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "", password: "kort", passwordAgain: "" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: Ta emot inbjudan/);
    expect(res.body).toContain('<a href="#name">Skriv ditt namn</a>');
    expect(res.body).toContain('<a href="#password">Lösenordet måste ha minst 10 tecken</a>');
    const mismatch = await person.post(link, { _csrf: Session.tokenIn(page.body), name: "Lo", password: PASSWORD, passwordAgain: `${PASSWORD}x` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).not.toContain(PASSWORD);
    expect(text(mismatch.body)).toContain("Lösenorden är inte likadana");
  });

  it("a person with an account only logs in with their password and gets the new role beside the old", async () => {
    const link = await invited("lasare@malmo.example", "approver", asf);
    const users = await count(sql`select count(*)::int as n from app_user`);
    const person = new Session(app);
    const page = await person.get(link);
    expect(text(page.body)).toContain("Det finns redan ett konto för lasare@malmo.example");
    expect(page.body).not.toContain('name="name"');
    expect(page.body).toContain('autocomplete="current-password"');
    const wrong = await person.post(link, { _csrf: Session.tokenIn(page.body), password: "fel-lösenord" });
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain("Lösenordet stämmer inte");
    expect(person.cookies.has("samverka_session")).toBe(false);
    const right = await person.post(link, { _csrf: Session.tokenIn(page.body), password: "samverka-demo" });
    expect(right.statusCode).toBe(303);
    const account = text((await person.get("/konto")).body);
    expect(account).toContain("Demo Läsare");
    expect(account).toContain("Malmö stad: Läsare");
    expect(account).toContain("Malmö stad: Godkännare, Arbetsmarknads- och socialförvaltningen");
    expect(await count(sql`select count(*)::int as n from app_user`)).toBe(users);
  });

  it("an expired invitation says so and to ask for a new one", async () => {
    const link = await invited("sen@malmo.example");
    await database.db.execute(sql`update invitation set expires_at = now() - interval '1 minute' where email = 'sen@malmo.example'`);
    const res = await new Session(app).get(link);
    expect(res.statusCode).toBe(410);
    expect(text(res.body)).toContain("Inbjudan har gått ut");
    expect(text(res.body)).toContain("Be samordnaren");
    // And it is no longer pending.
    const admin = await loggedIn("admin@malmo.example");
    expect((await admin.get(PENDING)).body).not.toContain(">sen@malmo.example<");
  });

  it("an unknown link does not work (404)", async () => {
    const res = await new Session(app).get("/inbjudan/finns-inte-alls-0123456789abcdefghijkl");
    expect(res.statusCode).toBe(404);
    expect(text(res.body)).toContain("Länken fungerar inte");
  });
});

describe("pending invitations", () => {
  it("lists pending invitations with role, organisation, inviter and expiry, and revokes one", async () => {
    const link = await invited("aterkallas@malmo.example", "editor", asf);
    const coordinator = await loggedIn("samordnare@malmo.example");
    const list = await coordinator.get(PENDING);
    expect(list.statusCode).toBe(200);
    const row = /<tr>\s*<th scope="row" id="invitee-[0-9a-f-]+">aterkallas@malmo\.example<\/th>.*?<\/tr>/s.exec(list.body)?.[0] ?? "";
    expect(text(row)).toContain("Redaktör");
    expect(text(row)).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(text(row)).toContain("Demo Administratör");
    expect(text(row)).toMatch(/20\d\d/);
    // The button is named with the address it revokes.
    expect(row).toMatch(/<button[^>]*id="(revoke-[0-9a-f-]+)"[^>]*aria-labelledby="\1 invitee-[0-9a-f-]+"/);
    // Accepted invitations are not pending.
    expect(list.body).not.toContain("ny.samordnare@malmo.example");

    const action = /action="(\/malmo\/personer\/inbjudningar\/[0-9a-f-]+\/aterkalla)"/.exec(row)![1]!;
    const res = await coordinator.post(action, { _csrf: Session.tokenIn(list.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PENDING}?aterkallad=1`);
    const after = await coordinator.get(res.headers.location as string);
    expect(text(after.body)).toContain("Inbjudan är återkallad");
    expect(after.body).not.toContain("aterkallas@malmo.example");
    expect(await count(sql`select count(*)::int as n from audit_event where action = 'invitation.revoked'`)).toBe(1);

    const dead = await new Session(app).get(link);
    expect(dead.statusCode).toBe(410);
    expect(text(dead.body)).toContain("Länken fungerar inte");
    const again = await coordinator.post(action, { _csrf: Session.tokenIn(list.body) });
    expect(again.headers.location).toBe(`${PENDING}?aterkallad=0`);
  });

  it("a coordinator cannot revoke an administrator's invitation of another administrator", async () => {
    await invited("ny.admin@malmo.example", "admin");
    const coordinator = await loggedIn("samordnare@malmo.example");
    const list = await coordinator.get(PENDING);
    const row = /<tr>\s*<th scope="row" id="invitee-[0-9a-f-]+">ny\.admin@malmo\.example<\/th>.*?<\/tr>/s.exec(list.body)?.[0] ?? "";
    expect(row).not.toBe("");
    expect(row).not.toContain("aterkalla");
    const [invitation] = await rows<{ id: string }>(sql`select id from invitation where email = 'ny.admin@malmo.example'`);
    const res = await coordinator.post(`${PENDING}/${invitation!.id}/aterkalla`, { _csrf: Session.tokenIn(list.body) });
    expect(res.statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from invitation where email = 'ny.admin@malmo.example' and revoked_at is null`)).toBe(1);
  });

  it("is closed to roles that do not administer people", async () => {
    const reader = await loggedIn("lasare@malmo.example");
    expect((await reader.get(PENDING)).statusCode).toBe(403);
    expect((await reader.get(INVITE)).statusCode).toBe(403);
  });
});
