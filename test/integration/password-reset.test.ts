// Password reset end to end, with a real SMTP server in this process: the request never tells whether an address
// has an account, the mailed link sets a new password once, ends every old session and logs the person in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { createUser } from "../../src/commands/create-user.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

let database: Database;
let smtp: TestSmtp;
let mailer: Mailer;
let app: FastifyInstance;

const FORGOT = "/glomt-losenord";
const NEW_PASSWORD = "mitt-nya-losenord-2026";

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "Samverka <noreply@samverka.example>", db: database.db });
  app = await buildApp(createAppState(database, { mailer, publicUrl: "http://samverka.test" }), { logger: false });
});
afterAll(async () => {
  await app?.close();
  mailer?.close();
  await smtp?.stop();
  await database?.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(query))[0]!.n;
/** The page's main content, without the per-request CSRF token. */
const main = (html: string) => (/<main[^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? "").replace(/name="_csrf" value="[^"]*"/g, "");

async function ask(email: string) {
  return new Session(app).submit(FORGOT, FORGOT, { email });
}

async function resetLinkFor(email: string, nth = 1): Promise<string> {
  const mails = await smtp.waitFor(email, nth);
  expect(mails.length).toBeGreaterThanOrEqual(nth);
  const body = mails[nth - 1]!.mail.text ?? "";
  const match = /http:\/\/samverka\.test(\/aterstall-losenord\/[A-Za-z0-9_-]+)/.exec(body);
  expect(match, body).not.toBeNull();
  return match![1]!;
}

describe("asking for a reset link", () => {
  it("the login page links to it", async () => {
    const login = await new Session(app).get("/logga-in");
    expect(login.body).toContain('<a href="/glomt-losenord">Glömt lösenordet?</a>');
  });

  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const known = await ask("Styrgrupp@Malmo.example");
    const unknown = await ask("ingen.alls@malmo.example");
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(text(known.body)).toContain("Om adressen hör till ett konto i Samverka är ett mejl med en länk på väg.");
    expect(main(known.body)).toBe(main(unknown.body));

    const mails = await smtp.waitFor("styrgrupp@malmo.example");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.mail.subject).toBe("Välj ett nytt lösenord i Samverka");
    expect(mails[0]!.mail.text).toMatch(/Länken gäller till .* och kan användas en gång/);
    expect(await count(sql`select count(*)::int as n from mail_outbox where to_address = 'ingen.alls@malmo.example'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from invitation where email = 'ingen.alls@malmo.example'`)).toBe(0);
    expect(smtp.received.some((r) => r.to.includes("ingen.alls@malmo.example"))).toBe(false);

    const [row] = await rows<{ purpose: string; minutes: number; workspace: string }>(sql`
      select i.purpose, round(extract(epoch from i.expires_at - i.created_at) / 60)::int as minutes, w.slug as workspace
      from invitation i join workspace w on w.id = i.workspace_id where i.email = 'styrgrupp@malmo.example'`);
    expect(row).toEqual({ purpose: "reset", minutes: 60, workspace: "malmo" });
  });

  it("checks the address's format, with the error pattern", async () => {
    const res = await ask("inte en adress");
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: Glömt lösenordet/);
    expect(res.body).toContain('<a href="#email">Skriv en e-postadress i formatet namn@exempel.se</a>');
  });

  it("sends at most three links per address an hour, and answers the same after that", async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ask("asf.godkannare@malmo.example"));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(main(answers[3]!.body)).toBe(main(answers[0]!.body));
    expect(await count(sql`select count(*)::int as n from invitation where email = 'asf.godkannare@malmo.example' and purpose = 'reset'`)).toBe(3);
  });

  it("files the link of a system administrator without memberships under a workspace", async () => {
    await createUser(database.db, { email: "system@samverka.example", name: "Systemadministratör", password: "systemets-losenord", systemAdmin: true }, { via: "cli" });
    await ask("system@samverka.example");
    const link = await resetLinkFor("system@samverka.example");
    expect(link).toMatch(/^\/aterstall-losenord\//);
    expect(await count(sql`select count(*)::int as n from invitation where email = 'system@samverka.example' and purpose = 'reset'`)).toBe(1);
  });
});

describe("setting a new password", () => {
  it("sets it once, ends every old session, and logs the person in", async () => {
    const email = "samordnare@malmo.example";
    const laptop = new Session(app);
    const phone = new Session(app);
    await laptop.logIn(email);
    await phone.logIn(email);
    expect((await phone.get("/konto")).statusCode).toBe(200);

    await ask(email);
    const link = await resetLinkFor(email);
    const person = new Session(app);
    const page = await person.get(link);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain(`Välj ett nytt lösenord för ${email}`);

    const short = await person.post(link, { _csrf: Session.tokenIn(page.body), password: "kort", passwordAgain: "kort" });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('<a href="#password">Lösenordet måste ha minst 10 tecken</a>');
    const mismatch = await person.post(link, { _csrf: Session.tokenIn(page.body), password: NEW_PASSWORD, passwordAgain: "något-annat-lösenord" });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('<a href="#passwordAgain">Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.</a>');

    const done = await person.post(link, { _csrf: Session.tokenIn(page.body), password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/konto");
    expect(text((await person.get("/konto")).body)).toContain("Demo Samordnare");

    // Every session from before is over.
    expect((await laptop.get("/konto")).statusCode).toBe(303);
    expect((await phone.get("/konto")).statusCode).toBe(303);
    // The old password no longer works; the new one does.
    expect((await new Session(app).logIn(email, "samverka-demo")).statusCode).toBe(401);
    expect((await new Session(app).logIn(email, NEW_PASSWORD)).statusCode).toBe(303);
    expect(await count(sql`select count(*)::int as n from audit_event where action = 'password.reset'`)).toBe(1);

    // Single use.
    const again = await new Session(app).get(link);
    expect(again.statusCode).toBe(410);
    expect(text(again.body)).toContain("Länken är redan använd");
    const replay = await person.post(link, { _csrf: Session.tokenIn(page.body), password: "ett-tredje-losenord", passwordAgain: "ett-tredje-losenord" });
    expect(replay.statusCode).toBe(410);
    expect((await new Session(app).logIn(email, NEW_PASSWORD)).statusCode).toBe(303);
  });

  it("an older link stops working once a newer one has been used", async () => {
    const email = "lasare@malmo.example";
    await ask(email);
    await ask(email);
    const first = await resetLinkFor(email, 1);
    const second = await resetLinkFor(email, 2);
    const person = new Session(app);
    const page = await person.get(second);
    expect((await person.post(second, { _csrf: Session.tokenIn(page.body), password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD })).statusCode).toBe(303);
    const old = await new Session(app).get(first);
    expect(old.statusCode).toBe(410);
    expect(text(old.body)).toContain("Länken fungerar inte");
  });

  it("an expired link says so and offers a new one", async () => {
    const email = "asf.redaktor@malmo.example";
    await ask(email);
    const link = await resetLinkFor(email);
    await database.db.execute(sql`update invitation set expires_at = now() - interval '1 second' where email = ${email} and purpose = 'reset'`);
    const res = await new Session(app).get(link);
    expect(res.statusCode).toBe(410);
    expect(text(res.body)).toContain("Länken har gått ut");
    expect(res.body).toContain('<a href="/glomt-losenord">Be om en ny länk</a>');
    const s = new Session(app);
    const page = await s.get(FORGOT);
    const post = await s.post(link, { _csrf: Session.tokenIn(page.body), password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(post.statusCode).toBe(410);
    expect((await new Session(app).logIn(email)).statusCode).toBe(303);
  });

  it("an unknown link does not work (404)", async () => {
    expect((await new Session(app).get("/aterstall-losenord/finns-inte-0123456789abcdefghijklmnop")).statusCode).toBe(404);
  });
});
