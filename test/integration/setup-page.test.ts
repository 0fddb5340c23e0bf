// The one-time setup page of an empty install (/installation): the form and its errors, creating and logging in the
// first system administrator, the page disappearing afterwards, and two people submitting at the same moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { verifyPassword } from "../../src/domain/password.ts";
import { AlreadySetUp, setUpFirstAdministrator } from "../../src/commands/set-up-installation.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const PASSWORD = "första-lösenordet-1";

async function start(demo: boolean): Promise<{ database: Database; app: FastifyInstance }> {
  const database = await openTestDatabase({ demo });
  const app = await buildApp(createAppState(database), { logger: false });
  return { database, app };
}

const userCount = async (database: Database) =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from app_user`))[0]!.n;

describe("the setup page of an empty install", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => ({ database, app } = await start(false)));
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows the form (name, e-mail, password twice, CSRF token) while no account exists, in Swedish and English", async () => {
    const s = new Session(app);
    const res = await s.get("/installation");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toMatch(/<title>Installera Samverka – Samverka<\/title>/);
    expect(res.body).toContain('action="/installation"');
    for (const name of ["name", "email", "password", "passwordAgain"]) expect(res.body).toContain(`name="${name}"`);
    expect(res.body).toContain('autocomplete="new-password"');
    expect(Session.tokenIn(res.body)).toBeTruthy();
    expect(text(res.body)).toContain("Minst 10 tecken.");

    const en = await app.inject({ method: "GET", url: "/installation", headers: { cookie: "samverka_lang=en" } });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain("<h1>Set up Samverka</h1>");
  });

  it("leaves the start page as it is", async () => {
    const res = await app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("/installation");
  });

  it("refuses a form without its CSRF token and creates nobody", async () => {
    const s = new Session(app);
    await s.get("/installation");
    const res = await s.post("/installation", { name: "Eva", email: "eva@kommun.se", password: PASSWORD, passwordAgain: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(await userCount(database)).toBe(0);
  });

  it("shows the error summary and field messages, with 'Fel:' in the title, keeping name and e-mail but not the passwords", async () => {
    const s = new Session(app);
    const empty = await s.submit("/installation", "/installation", { name: " ", email: "", password: "", passwordAgain: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/<title>Fel: Installera Samverka/);
    expect(empty.body).toContain('role="alert"');
    expect(empty.body).toContain('<a href="#name">Skriv ditt namn</a>');
    expect(empty.body).toContain('<a href="#email">Skriv din e-postadress</a>');
    expect(empty.body).toContain('<a href="#password">Välj ett lösenord</a>');
    expect(empty.body).toMatch(/aria-describedby="password-hint password-error"/);

    const wrong = await s.submit("/installation", "/installation", { name: "Eva Ek", email: "eva@", password: "kort", passwordAgain: "kort" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<a href="#email">Skriv en e-postadress i formatet namn@exempel.se</a>');
    expect(wrong.body).toContain('<a href="#password">Lösenordet måste ha minst 10 tecken</a>');
    expect(wrong.body).toContain('value="Eva Ek"');
    expect(wrong.body).toContain('value="eva@"');
    expect(wrong.body).not.toContain('value="kort"');

    const mismatch = await s.submit("/installation", "/installation", { name: "Eva Ek", email: "eva@kommun.se", password: PASSWORD, passwordAgain: `${PASSWORD}x` });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('<a href="#passwordAgain">Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.</a>');
    expect(mismatch.body).toMatch(/id="passwordAgain"[^>]*aria-describedby="passwordAgain-error"|aria-describedby="passwordAgain-error"[^>]*id="passwordAgain"/);
    expect(mismatch.body).not.toContain(PASSWORD);

    const numbered = await s.submit("/installation", "/installation", { name: "Eva Ek 19121212-1212", email: "eva@kommun.se", password: PASSWORD, passwordAgain: PASSWORD });
    expect(numbered.statusCode).toBe(400);
    expect(numbered.body).toContain('<a href="#name">Namnet innehåller ett personnummer. Skriv bara namnet.</a>');
    expect(await userCount(database)).toBe(0);
  });

  it("creates the first system administrator, logs them in and shows their account", async () => {
    const s = new Session(app);
    const res = await s.submit("/installation", "/installation", {
      name: "Eva Ek",
      email: " Eva.Ek@Kommun.se ",
      password: PASSWORD,
      passwordAgain: PASSWORD,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/konto");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/samverka_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const account = await s.get("/konto");
    expect(account.statusCode).toBe(200);
    expect(text(account.body)).toContain("Eva Ek (eva.ek@kommun.se)");
    expect(text(account.body)).toContain("Administratör för hela installationen");

    const [user] = await queryRows<{ id: string; system_admin: boolean; password_hash: string }>(
      database.db,
      sql`select id, system_admin, password_hash from app_user`,
    );
    expect(await userCount(database)).toBe(1);
    expect(user!.system_admin).toBe(true);
    expect(await verifyPassword(PASSWORD, user!.password_hash)).toBe(true);
    const events = await queryRows<{ via: string; action: string }>(
      database.db,
      sql`select via, action from audit_event where subject_id = ${user!.id} order by at, action desc`,
    );
    expect(events).toEqual([
      { via: "web", action: "user.created" },
      { via: "web", action: "login.succeeded" },
    ]);
  });

  it("is gone once an account exists: GET and POST answer 404, with or without a CSRF token", async () => {
    const s = new Session(app);
    const get = await s.get("/installation");
    expect(get.statusCode).toBe(404);
    expect(text(get.body)).toContain("Sidan finns inte");
    const bare = await s.post("/installation", { name: "Mallory", email: "mallory@kommun.se", password: PASSWORD, passwordAgain: PASSWORD });
    expect(bare.statusCode).toBe(404);
    const withToken = await s.submit("/logga-in", "/installation", { name: "Mallory", email: "mallory@kommun.se", password: PASSWORD, passwordAgain: PASSWORD });
    expect(withToken.statusCode).toBe(404);
    expect(await userCount(database)).toBe(1);
  });
});

describe("two first administrators at the same moment", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => ({ database, app } = await start(false)));
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets one setup win when both passed the 'no account yet' check (the lock decides)", async () => {
    const other = await openTestDatabase({ demo: false });
    try {
      const results = await Promise.allSettled([
        setUpFirstAdministrator(other.db, { email: "a@kommun.se", name: "A", password: PASSWORD }),
        setUpFirstAdministrator(other.db, { email: "b@kommun.se", name: "B", password: PASSWORD }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected");
      expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(AlreadySetUp);
      expect(await userCount(other)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("answers the second of two concurrent forms with 'already set up' (or 404), and creates one administrator", async () => {
    const [first, second] = [new Session(app), new Session(app)];
    const [tokenA, tokenB] = [Session.tokenIn((await first.get("/installation")).body), Session.tokenIn((await second.get("/installation")).body)];
    const form = (name: string) => ({ name, email: `${name}@kommun.se`, password: PASSWORD, passwordAgain: PASSWORD });
    const responses = await Promise.all([
      first.post("/installation", { _csrf: tokenA, ...form("anna") }),
      second.post("/installation", { _csrf: tokenB, ...form("bo") }),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses[0]).toBe(303);
    expect([404, 409]).toContain(statuses[1]);
    const loser = responses.find((r) => r.statusCode !== 303)!;
    if (loser.statusCode === 409) {
      expect(text(loser.body)).toContain("Samverka är redan installerat");
      expect(loser.body).toContain('href="/logga-in"');
      expect(String(loser.headers["set-cookie"] ?? "")).not.toContain("samverka_session");
    }
    expect(await userCount(database)).toBe(1);
    const [admin] = await queryRows<{ system_admin: boolean }>(database.db, sql`select system_admin from app_user`);
    expect(admin!.system_admin).toBe(true);
  });
});

describe("an install that already has accounts (the demo)", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => ({ database, app } = await start(true)));
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has no setup page from the start", async () => {
    const before = await userCount(database);
    expect((await app.inject({ method: "GET", url: "/installation" })).statusCode).toBe(404);
    const s = new Session(app);
    const post = await s.submit("/logga-in", "/installation", { name: "X", email: "x@kommun.se", password: PASSWORD, passwordAgain: PASSWORD });
    expect(post.statusCode).toBe(404);
    expect(await userCount(database)).toBe(before);
  });
});
