// The "Historik" views of a plan, an action plan and an organisation's report: internal, and showing the audit
// events recorded for exactly that subject.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { recordAudit } from "../../src/commands/audit.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
const PLAN = "/malmo/planer/fri-fran-vald";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("history views", () => {
  it("show the changes recorded for the plan, ASF's action plan and ASF's 2024 report — each only its own", async () => {
    const [ids] = await queryRows<{ ws: string; plan: string; action_plan: string; report: string; user: string }>(database.db, sql`
      select w.id as ws, p.id as plan, ap.id as action_plan, r.id as report, u.id as "user"
      from workspace w join plan p on p.workspace_id = w.id
      join organisation o on o.workspace_id = w.id and o.slug = 'asf'
      join action_plan ap on ap.plan_id = p.id and ap.organisation_id = o.id
      join organisation_report r on r.organisation_id = o.id
      join app_user u on u.email = 'samordnare@malmo.example'
      where w.slug = 'malmo'`);
    const event = (subjectType: string, subjectId: string, after: string) =>
      recordAudit(database.db, {
        workspaceId: ids!.ws, actorUserId: ids!.user, via: "web", action: `${subjectType}.updated`, subjectType, subjectId,
        changes: [{ field: "title", before: "Gammal rubrik", after }],
      });
    await event("plan", ids!.plan, "Ny rubrik för planen");
    await event("action_plan", ids!.action_plan, "Ny rubrik för handlingsplanen");
    await event("organisation_report", ids!.report, "Ny rubrik för rapporten");

    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    const plan = text((await reader.get(`${PLAN}/historik`)).body);
    expect(plan).toContain("Ny rubrik för planen");
    expect(plan).toContain("Demo Samordnare");
    expect(plan).not.toContain("Ny rubrik för handlingsplanen");
    expect(text((await reader.get(`${PLAN}/handlingsplaner/asf/historik`)).body)).toContain("Ny rubrik för handlingsplanen");
    expect(text((await reader.get(`${PLAN}/uppfoljning/uppfoljning-2024/asf/historik`)).body)).toContain("Ny rubrik för rapporten");
  });

  it("are linked only for internal readers, and answer 404 for what does not exist", async () => {
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    expect((await reader.get(PLAN)).body).toContain(`href="${PLAN}/historik"`);
    expect((await reader.get("/malmo/organisationer/asf")).body).toContain(`href="${PLAN}/handlingsplaner/asf/historik"`);
    expect((await reader.get(`${PLAN}/uppfoljning/uppfoljning-2024`)).body).toContain(`href="${PLAN}/uppfoljning/uppfoljning-2024/asf/historik"`);
    expect((await app.inject({ method: "GET", url: PLAN })).body).not.toContain("/historik");
    expect((await reader.get(`${PLAN}/handlingsplaner/stadskontoret/historik`)).statusCode).toBe(404);
    expect((await reader.get(`${PLAN}/uppfoljning/uppfoljning-2024/mkb/historik`)).statusCode).toBe(404);
    // The Malmö reader has no role in Exempelby: its plan history is not theirs to see.
    expect((await reader.get("/exempelby/planer/tryggare-exempelby/historik")).statusCode).toBe(404);
  });
});
