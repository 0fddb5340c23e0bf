// Logging in and out over HTTP: CSRF, generic failures, throttling, audit, session cookies and expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { sessionIdOf } from "../../src/accounts/sessions.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let state: AppState;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

describe("logging in", () => {
  it("refuses a form without its CSRF token and logs nobody in", async () => {
    const s = new Session(app);
    await s.get("/logga-in");
    const res = await s.post("/logga-in", { email: "admin@malmo.example", password: "samverka-demo" });
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain("Formuläret kunde inte tas emot");
    expect(s.cookies.has("samverka_session")).toBe(false);
  });

  it("shows the error summary and field messages for empty fields, with 'Fel:' in the title", async () => {
    const s = new Session(app);
    const res = await s.submit("/logga-in", "/logga-in", { email: "", password: "" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: Logga in/);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('<a href="#email">Skriv din e-postadress</a>');
    expect(res.body).toContain('<a href="#password">Skriv ditt lösenord</a>');
    expect(res.body).toMatch(/id="email"[^>]*aria-describedby="email-error"|aria-describedby="email-error"[^>]*id="email"/);
  });

  it("gives the same message for a wrong password and an unknown account, and audits both", async () => {
    const before = (await rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'login.failed'`))[0]!.n;
    const wrong = await new Session(app).logIn("lasare@malmo.example", "fel-lösenord");
    const unknown = await new Session(app).logIn("ingen@malmo.example", "fel-lösenord");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(text(wrong.body)).toContain("E-postadressen eller lösenordet stämmer inte.");
    expect(text(unknown.body)).toContain("E-postadressen eller lösenordet stämmer inte.");
    expect(wrong.body).not.toContain("fel-lösenord");
    const after = (await rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'login.failed'`))[0]!.n;
    expect(after - before).toBe(2);
  });

  it("opens a session with an HttpOnly, SameSite=Lax cookie, stores only its hash, and goes back where the person was", async () => {
    const s = new Session(app);
    const res = await s.logIn("asf.redaktor@malmo.example", "samverka-demo", "/konto");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/konto");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/samverka_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = s.cookies.get("samverka_session")!;
    const stored = await rows<{ id: string }>(sql`select id from session where id = ${sessionIdOf(token)}`);
    expect(stored).toHaveLength(1);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from session where id = ${token}`))[0]!.n).toBe(0);
    const account = text((await s.get("/konto")).body);
    expect(account).toContain("Demo Redaktör ASF");
    expect(account).toContain("Malmö stad: Redaktör, Arbetsmarknads- och socialförvaltningen");
  });

  it("never sends the person to another site after login", async () => {
    const res = await new Session(app).logIn("lasare@malmo.example", "samverka-demo", "//evil.example/x");
    expect(res.headers.location).toBe("/");
  });

  it("replaces a session cookie planted before login with a new session id", async () => {
    const a = new Session(app);
    a.cookies.set("samverka_session", "planted-by-someone-else");
    await a.logIn("lasare@malmo.example");
    const first = a.cookies.get("samverka_session");
    expect(first).toMatch(/^[\w-]{40,}$/);
    const b = new Session(app);
    await b.logIn("lasare@malmo.example");
    expect(b.cookies.get("samverka_session")).not.toBe(first);
  });

  it("slows down repeated failures on one account with a growing wait", async () => {
    const email = "styrgrupp@malmo.example";
    for (let i = 0; i < 3; i++) expect((await new Session(app).logIn(email, "fel")).statusCode).toBe(401);
    const blocked = await new Session(app).logIn(email, "samverka-demo");
    expect(blocked.statusCode).toBe(429);
    expect(text(blocked.body)).toMatch(/Vänta \d+ sekunder/);
    expect(blocked.headers["retry-after"]).toMatch(/^\d+$/);
  });
});

describe("sessions", () => {
  it("logs out: the session is revoked and internal pages send to the login page again", async () => {
    const s = new Session(app);
    await s.logIn("samordnare@malmo.example");
    const token = s.cookies.get("samverka_session")!;
    const page = await s.get("/konto");
    const res = await s.post("/logga-ut", { _csrf: Session.tokenIn(page.body) });
    expect(res.statusCode).toBe(303);
    const [row] = await rows<{ revoked: boolean }>(sql`select revoked_at is not null as revoked from session where id = ${sessionIdOf(token)}`);
    expect(row!.revoked).toBe(true);
    // Even a copy of the old cookie no longer works.
    s.cookies.set("samverka_session", token);
    const again = await s.get("/konto");
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/logga-in?tillbaka=%2Fkonto&utgangen=1");
  });

  it("logs out everywhere: every session of the person ends", async () => {
    const laptop = new Session(app);
    const phone = new Session(app);
    await laptop.logIn("admin@malmo.example");
    await phone.logIn("admin@malmo.example");
    expect((await phone.get("/konto")).statusCode).toBe(200);
    await laptop.submit("/konto", "/konto/logga-ut-overallt", {});
    expect((await phone.get("/konto")).statusCode).toBe(303);
    expect((await laptop.get("/konto")).statusCode).toBe(303);
  });

  it("ends a session that has been idle for longer than eight hours", async () => {
    const s = new Session(app);
    await s.logIn("asf.godkannare@malmo.example");
    const id = sessionIdOf(s.cookies.get("samverka_session")!);
    await database.db.execute(sql`update session set last_seen_at = now() - interval '9 hours' where id = ${id}`);
    const res = await s.get("/konto");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/logga-in?tillbaka=%2Fkonto&utgangen=1");
    expect(s.cookies.has("samverka_session")).toBe(false);
    const login = await s.get(res.headers.location as string);
    expect(text(login.body)).toContain("Din inloggning har gått ut eller avslutats. Logga in igen");
  });

  it("shows the logged-in person on public pages without putting that page in the shared cache", async () => {
    const s = new Session(app);
    await s.logIn("lasare@malmo.example");
    const mine = await s.get("/malmo/planer/fri-fran-vald");
    expect(text(mine.body)).toContain("Demo Läsare");
    expect(mine.headers["cache-control"]).toContain("no-store");
    const anonymous = await app.inject({ method: "GET", url: "/malmo/planer/fri-fran-vald" });
    expect(text(anonymous.body)).not.toContain("Demo Läsare");
    expect(text(anonymous.body)).toContain("Logga in");
  });

  it("marks cookies Secure when served over https", async () => {
    const secureApp = await buildApp(createAppState(database, { secure: true }), { logger: false });
    try {
      const res = await new Session(secureApp).logIn("lasare@malmo.example");
      expect(String(res.headers["set-cookie"])).toMatch(/samverka_session=[^;]+;.*Secure/);
      expect(res.headers["strict-transport-security"]).toContain("max-age=");
    } finally {
      await secureApp.close();
    }
  });
});

describe("odd input to the login form", () => {
  it("answers an over-long address or password with the form and a message, never a 500", async () => {
    const s = new Session(app);
    const long = await s.submit("/logga-in", "/logga-in", { email: `${"a".repeat(400)}@malmo.example`, password: "x" });
    expect(long.statusCode).toBe(400);
    expect(text(long.body)).toContain("Skriv en e-postadress i formatet namn@exempel.se");
    const huge = await s.submit("/logga-in", "/logga-in", { email: "lasare@malmo.example", password: "p".repeat(5000) });
    expect(huge.statusCode).toBe(400);
  });
});
