// Every route of the running app × every role, with the answer each must get. The route list comes from the app
// itself, so a new route without a row here fails this test until someone decides who may use it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { asfEditors as editors, ids, internalOnly, PLAN, prepareIds, ROLE_EMAILS, type Row, type Who } from "./route-access/rows.ts";
import { areaRows } from "./route-access/index.ts";

const ROLES = ROLE_EMAILS;

let database: Database;
let app: FastifyInstance;
const sessions = new Map<Who, Session>();

const coreRows: Record<string, Row> = {
  "GET /": { url: () => "/", answers: { all: 200 } },
  "GET /healthz": { url: () => "/healthz", answers: { all: 200 } },
  "GET /static/app.css": { url: () => "/static/app.css", answers: { all: 200 } },
  "GET /sprak/:locale": { url: () => "/sprak/en?tillbaka=/", answers: { all: 303 } },
  "GET /:ws": { url: () => "/malmo", answers: { all: 303 } },
  "GET /:ws/planer/:plan": { url: () => PLAN, answers: { all: 200 } },
  "GET /:ws/planer/:plan/mal/:goal": { url: () => `${PLAN}/mal/1`, answers: { all: 200 } },
  "GET /:ws/planer/:plan/aktiviteter/:id": { url: () => `${PLAN}/aktiviteter/${ids.asfActivity}`, answers: { all: 200 } },
  "GET /:ws/planer/:plan/uppfoljning/:round": { url: () => `${PLAN}/uppfoljning/uppfoljning-2024`, answers: { all: 200 } },
  "GET /:ws/organisationer": { url: () => "/malmo/organisationer", answers: { all: 200 } },
  "GET /:ws/organisationer/:org": { url: () => "/malmo/organisationer/asf", answers: { all: 200 } },
  "GET /logga-in": { url: () => "/logga-in", answers: { anonymous: 200, all: 303 } },
  "POST /logga-in": { url: () => "/logga-in", form: { email: "", password: "" }, answers: { all: 400 } },
  "POST /logga-ut": { url: () => "/logga-ut", answers: { all: 303 }, freshSession: true },
  "GET /konto": { url: () => "/konto", answers: internalOnly },
  "POST /konto/logga-ut-overallt": { url: () => "/konto/logga-ut-overallt", answers: { anonymous: 303, all: 303 }, freshSession: true },
  "GET /:ws/planer/:plan/aktiviteter/:id/redigera": { url: () => `${PLAN}/aktiviteter/${ids.asfActivity}/redigera`, answers: editors },
  "POST /:ws/planer/:plan/aktiviteter/:id/redigera": {
    url: () => `${PLAN}/aktiviteter/${ids.asfActivity}/redigera`, form: { version: "1", title: "" },
    answers: { anonymous: 303, admin: 400, coordinator: 400, editor: 400, all: 403 },
  },
  "GET /:ws/planer/:plan/aktiviteter/:id/historik": { url: () => `${PLAN}/aktiviteter/${ids.asfActivity}/historik`, answers: internalOnly },
  "GET /:ws/planer/:plan/historik": { url: () => `${PLAN}/historik`, answers: internalOnly },
  "GET /:ws/planer/:plan/handlingsplaner/:org/historik": { url: () => `${PLAN}/handlingsplaner/asf/historik`, answers: internalOnly },
  "GET /:ws/planer/:plan/uppfoljning/:round/:org/historik": { url: () => `${PLAN}/uppfoljning/uppfoljning-2024/asf/historik`, answers: internalOnly },
  // Administration: people and the audit log for administrators and coordinators. Removing a role that does not
  // exist changes nothing: 404 for those who may remove roles, 403 for the rest.
  "GET /:ws/personer": { url: () => "/malmo/personer", answers: { anonymous: 303, admin: 200, coordinator: 200, all: 403 } },
  "POST /:ws/personer/roller/:membership/ta-bort": {
    url: () => "/malmo/personer/roller/00000000-0000-4000-8000-000000000000/ta-bort",
    answers: { anonymous: 303, admin: 404, coordinator: 404, all: 403 },
  },
  "GET /:ws/logg": { url: () => "/malmo/logg", answers: { anonymous: 303, admin: 200, coordinator: 200, all: 403 } },
  // The setup page exists only while an installation has no account; the demo has accounts.
  "GET /installation": { url: () => "/installation", answers: { all: 404 } },
  "POST /installation": { url: () => "/installation", form: { email: "ny@malmo.example" }, answers: { all: 404 } },
  // Invitations: admins and coordinators invite and see pending invitations; a POST sends invalid input so nothing changes.
  "GET /:ws/personer/bjud-in": { url: () => "/malmo/personer/bjud-in", answers: { anonymous: 303, admin: 200, coordinator: 200, all: 403 } },
  "POST /:ws/personer/bjud-in": {
    url: () => "/malmo/personer/bjud-in", form: { email: "", role: "reader", organisationId: "" },
    answers: { anonymous: 303, admin: 400, coordinator: 400, all: 403 },
  },
  "GET /:ws/personer/inbjudningar": { url: () => "/malmo/personer/inbjudningar", answers: { anonymous: 303, admin: 200, coordinator: 200, all: 403 } },
  "POST /:ws/personer/inbjudningar/:id/aterkalla": {
    url: () => "/malmo/personer/inbjudningar/00000000-0000-4000-8000-000000000000/aterkalla",
    answers: { anonymous: 303, admin: 404, coordinator: 404, all: 403 },
  },
  // Links from mail: anyone holding one may use it; an unknown token is 404 for everybody.
  "GET /inbjudan/:token": { url: () => "/inbjudan/okand-lank-som-inte-finns-0123456789", answers: { all: 404 } },
  "POST /inbjudan/:token": { url: () => "/inbjudan/okand-lank-som-inte-finns-0123456789", form: { name: "", password: "" }, answers: { all: 404 } },
  "GET /glomt-losenord": { url: () => "/glomt-losenord", answers: { all: 200 } },
  "POST /glomt-losenord": { url: () => "/glomt-losenord", form: { email: "" }, answers: { all: 400 } },
  "GET /aterstall-losenord/:token": { url: () => "/aterstall-losenord/okand-lank-som-inte-finns-0123456789", answers: { all: 404 } },
  "POST /aterstall-losenord/:token": {
    url: () => "/aterstall-losenord/okand-lank-som-inte-finns-0123456789", form: { password: "", passwordAgain: "" }, answers: { all: 404 },
  },
};

const table: Record<string, Row> = { ...coreRows, ...areaRows };

// The same edit routes on another organisation's activity: only the plan's coordinators, not ASF's editor.
const otherOrganisation: Record<string, Row> = {
  "GET edit of GRF's activity": {
    url: () => `${PLAN}/aktiviteter/${ids.grfActivity}/redigera`, answers: { anonymous: 303, admin: 200, coordinator: 200, all: 403 },
  },
  "POST edit of GRF's activity": {
    url: () => `${PLAN}/aktiviteter/${ids.grfActivity}/redigera`, form: { version: "1", title: "" },
    answers: { anonymous: 303, admin: 400, coordinator: 400, all: 403 },
  },
};

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  await prepareIds(database.db);
  for (const [who, email] of Object.entries(ROLES) as Array<[Who, string | null]>) {
    const session = new Session(app);
    if (email) await session.logIn(email);
    sessions.set(who, session);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function answer(who: Who, method: string, row: Row): Promise<number> {
  let session = sessions.get(who)!;
  if (row.freshSession) {
    session = new Session(app);
    if (ROLES[who]) await session.logIn(ROLES[who]!);
  }
  const status = await send(session, method, row);
  if (row.freshSession && ROLES[who]) {
    // "Log out everywhere" also ended the shared session of this person: open a new one for the next rows.
    const again = new Session(app);
    await again.logIn(ROLES[who]!);
    sessions.set(who, again);
  }
  return status;
}

async function send(session: Session, method: string, row: Row): Promise<number> {
  if (method === "GET") return (await session.get(row.url())).statusCode;
  const page = await session.get("/logga-in?tillbaka=/konto");
  // A logged-in person is sent on from the login page; take a token from a page with a form they can open.
  const withForm = page.statusCode === 200 ? page : await session.get("/konto");
  return (await session.post(row.url(), { _csrf: Session.tokenIn(withForm.body), ...(row.form ?? {}) })).statusCode;
}

describe("route × role access", () => {
  it("has an expected answer for every route the app serves", () => {
    const served = app.routeList.map((r) => `${r.method} ${r.url}`);
    const missing = served.filter((key) => !(key in table));
    expect(missing, "routes without a row in the access table").toEqual([]);
    const stale = Object.keys(table).filter((key) => !served.includes(key));
    expect(stale, "rows for routes the app no longer serves").toEqual([]);
  });

  for (const [key, row] of Object.entries({ ...table, ...otherOrganisation })) {
    it(key, async () => {
      const method = key.startsWith("POST") ? "POST" : "GET";
      const got: Partial<Record<Who, number>> = {};
      const expected: Partial<Record<Who, number>> = {};
      for (const who of Object.keys(ROLES) as Who[]) {
        got[who] = await answer(who, method, row);
        expected[who] = row.answers[who] ?? row.answers.all;
      }
      expect(got).toEqual(expected);
    });
  }
});
