// Editing an activity over HTTP: who may, the personal-data guard, two writers without lost text, the history.
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
const PLAN = "/malmo/planer/fri-fran-vald";

async function activityId(where: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`select a.id from activity a join plan p on p.id = a.plan_id where ${where}`);
  if (!row) throw new Error("activity not in the demo");
  return row.id;
}
const description = async (id: string) =>
  (await queryRows<{ description: string }>(database.db, sql`select description from activity where id = ${id}`))[0]!.description;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/\s+/g, " ");

let asf12: string;
let grf14: string;
let exempelby: string;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  asf12 = await activityId(sql`p.slug = 'fri-fran-vald' and a.number = '1.2'`);
  grf14 = await activityId(sql`p.slug = 'fri-fran-vald' and a.number = '1.4'`);
  exempelby = await activityId(sql`p.slug = 'tryggare-exempelby' and a.number = '1:1'`);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const edit = (id: string) => `${PLAN}/aktiviteter/${id}/redigera`;
/** Every field of the activity form as the browser would send it back (the title is a one-line input). */
const formOf = (html: string) => formValues(html, edit(asf12));

describe("who may edit an activity", () => {
  it("sends an anonymous visitor to log in", async () => {
    const res = await app.inject({ method: "GET", url: edit(asf12) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/logga-in?tillbaka=${encodeURIComponent(edit(asf12))}`);
  });

  it("lets ASF's editor edit ASF's activity but answers 403 on another organisation's, by link and by crafted request", async () => {
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    expect((await editor.get(edit(asf12))).statusCode).toBe(200);
    expect((await editor.get(edit(grf14))).statusCode).toBe(403);
    const page = await editor.get(edit(asf12));
    const before = await description(grf14);
    const crafted = await editor.post(edit(grf14), { _csrf: Session.tokenIn(page.body), version: "1", title: "Kapad", description: "Kapad", childRights: "" });
    expect(crafted.statusCode).toBe(403);
    expect(await description(grf14)).toBe(before);
  });

  it("shows the edit link only to those who may edit", async () => {
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    expect((await editor.get(`${PLAN}/aktiviteter/${asf12}`)).body).toContain(`href="${edit(asf12)}"`);
    expect((await editor.get(`${PLAN}/aktiviteter/${grf14}`)).body).not.toContain(`href="${edit(grf14)}"`);
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    const page = (await reader.get(`${PLAN}/aktiviteter/${asf12}`)).body;
    expect(page).not.toContain("/redigera");
    expect(page).toContain(`${PLAN}/aktiviteter/${asf12}/historik`);
    expect((await reader.get(edit(asf12))).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${asf12}` })).body).not.toContain("/historik");
  });

  it("answers 404 for an activity of another workspace guessed into this plan's address", async () => {
    const admin = new Session(app);
    await admin.logIn("admin@malmo.example");
    expect((await admin.get(edit(exempelby))).statusCode).toBe(404);
  });
});

describe("the personal-data guard", () => {
  it("refuses a personal identity number in the description, names the field, masks the number and saves nothing", async () => {
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    const before = await description(asf12);
    const page = await editor.get(edit(asf12));
    const form = formOf(page.body);
    const res = await editor.post(edit(asf12), {
      _csrf: Session.tokenIn(page.body), ...form, description: "Uppföljning av ärendet för 19121212-1212 fortsätter.",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: /);
    expect(res.body).toContain('<a href="#description">');
    expect(text(res.body)).toContain("personnummer (121212-****)");
    expect(res.body).not.toMatch(/1212-?1212<\/a>|121212-1212 fortsätter<\/a>/);
    expect(await description(asf12)).toBe(before);
  });

  it("asks to confirm a likely private mobile number, and saves once confirmed", async () => {
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    const page = await editor.get(edit(asf12));
    const form = formOf(page.body);
    const newText = "Frågor besvaras av kursledaren på 070-123 45 67.";
    const first = await editor.post(edit(asf12), { _csrf: Session.tokenIn(page.body), ...form, description: newText });
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain('id="confirmPersonalData"');
    const second = await editor.post(edit(asf12), { _csrf: Session.tokenIn(first.body), ...form, description: newText, confirmPersonalData: "1" });
    expect(second.statusCode).toBe(303);
    expect(await description(asf12)).toBe(newText);
  });
});

describe("two people editing the same activity", () => {
  it("loses neither text: the second save gets 409 with both texts, then saves the merge", async () => {
    const anna = new Session(app);
    const bo = new Session(app);
    await anna.logIn("asf.redaktor@malmo.example");
    await bo.logIn("samordnare@malmo.example");
    const annaPage = await anna.get(edit(asf12));
    const boPage = await bo.get(edit(asf12));
    const annaForm = formOf(annaPage.body);
    const boForm = formOf(boPage.body);
    expect(annaForm.version).toBe(boForm.version);

    const annaText = "Annas text: kurserna ges nu även på lördagar.";
    const boText = "Bos text: kursledarna har fått handledning.";
    expect((await anna.post(edit(asf12), { _csrf: Session.tokenIn(annaPage.body), ...annaForm, description: annaText })).statusCode).toBe(303);

    const conflict = await bo.post(edit(asf12), { _csrf: Session.tokenIn(boPage.body), ...boForm, description: boText });
    expect(conflict.statusCode).toBe(409);
    const body = text(conflict.body);
    expect(body).toContain(annaText);
    expect(conflict.body).toContain(`<textarea id="description"`);
    expect(/<textarea id="description"[^>]*>([^<]*)</.exec(conflict.body)![1]).toBe(boText);
    expect(await description(asf12)).toBe(annaText);

    const merged = `${annaText} ${boText}`;
    const retry = await bo.post(edit(asf12), { _csrf: Session.tokenIn(conflict.body), ...formOf(conflict.body), description: merged });
    expect(retry.statusCode).toBe(303);
    expect(await description(asf12)).toBe(merged);

    const history = await anna.get(`${PLAN}/aktiviteter/${asf12}/historik`);
    expect(history.statusCode).toBe(200);
    const log = text(history.body);
    expect(log).toContain("Demo Samordnare");
    expect(log).toContain("Demo Redaktör ASF");
    expect(log).toContain(merged);
    const public_ = text((await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${asf12}` })).body);
    expect(public_).toContain(merged);
  });
});
