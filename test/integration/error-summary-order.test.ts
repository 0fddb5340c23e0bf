// Every form page with errors puts its h1 first and the error summary right after, so headings stay in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

function expectSummaryAfterH1(html: string, where: string) {
  const h1 = html.indexOf("<h1");
  const summary = html.indexOf('class="error-summary"');
  expect(summary, `${where} shows an error summary`).toBeGreaterThan(-1);
  expect(h1, `${where}: h1 before the error summary`).toBeLessThan(summary);
}

describe("error summaries", () => {
  it("follow the h1 on the login, password-reset and invitation forms", async () => {
    const anonymous = new Session(app);
    expectSummaryAfterH1((await anonymous.submit("/logga-in", "/logga-in", { email: "", password: "" })).body, "login");
    expectSummaryAfterH1((await anonymous.submit("/glomt-losenord", "/glomt-losenord", { email: "inte en adress" })).body, "forgotten password");
    const admin = new Session(app);
    await admin.logIn("admin@malmo.example");
    expectSummaryAfterH1((await admin.submit("/malmo/personer/bjud-in", "/malmo/personer/bjud-in", { email: "", role: "" })).body, "invite");
  });
});
