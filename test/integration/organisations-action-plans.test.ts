// Organisations and action plans over HTTP: the tree (add, edit, move in the tree and among siblings, archive), an
// action plan from start to adoption and revisions, every bad input with its field error and nothing half-saved,
// two people saving at once, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
const WS = "/malmo";
const ORG = `${WS}/organisationer`;
const PLAN = `${WS}/planer/fri-fran-vald`;
const AP = `${PLAN}/handlingsplaner`;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const one = async <T>(query: ReturnType<typeof sql>) => {
  const [row] = await rows<T>(query);
  if (!row) throw new Error(`no row for ${JSON.stringify(query)}`);
  return row;
};
const count = async (query: ReturnType<typeof sql>) => Number((await one<{ n: number | string }>(query)).n);
const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ");
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
/** The error message shown at a field. */
const fieldError = (html: string, field: string) => {
  const match = new RegExp(`<p class="field__error" id="${field}-error">([\\s\\S]*?)</p>`).exec(html);
  return match ? text(match[1]!).trim() : null;
};

type OrgRow = { id: string; slug: string; name: string; type: string; parent_id: string | null; served_by_id: string | null; contact_role: string | null; short_name: string | null; version: number; position: number; archived_at: Date | null };
const org = (slug: string, ws = "malmo") =>
  one<OrgRow>(sql`select o.* from organisation o join workspace w on w.id = o.workspace_id where w.slug = ${ws} and o.slug = ${slug}`);
const orgCount = () => count(sql`select count(*) as n from organisation`);
const lastAudit = (action: string) =>
  one<{ action: string; subject_id: string; changes: Array<{ field: string; before: string | null; after: string | null }>; actor: string }>(
    sql`select e.action, e.subject_id, e.changes, u.email as actor from audit_event e left join app_user u on u.id = e.actor_user_id where e.action = ${action} order by e.at desc, e.id desc limit 1`,
  );

let coordinator: Session;
let editor: Session;
let reader: Session;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  editor = new Session(app);
  await editor.logIn("asf.redaktor@malmo.example");
  reader = new Session(app);
  await reader.logIn("lasare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const emptyOrganisation = { name: "", shortName: "", type: "", parentId: "", servedById: "", contactRole: "" };
const addOrganisation = (session: Session, form: Partial<typeof emptyOrganisation> & { confirmPersonalData?: string }) =>
  session.submit(`${ORG}/hantera/ny`, `${ORG}/hantera/ny`, { ...emptyOrganisation, tillbaka: `${ORG}/hantera`, ...form });
async function editOrganisation(session: Session, slug: string, change: Record<string, string>) {
  const page = await session.get(`${ORG}/${slug}/andra`);
  const o = await org(slug);
  return session.post(`${ORG}/${slug}/andra`, {
    _csrf: Session.tokenIn(page.body), version: versionIn(page.body), name: o.name, shortName: o.short_name ?? "", type: o.type,
    parentId: o.parent_id ?? "", servedById: o.served_by_id ?? "", contactRole: o.contact_role ?? "", ...change,
  });
}
/** The names of a manage page's rows in order, within one type group. */
function groupOrder(html: string, type: string): string[] {
  const section = new RegExp(`<section aria-labelledby="group-${type}">([\\s\\S]*?)</section>`).exec(html)![1]!;
  return [...section.matchAll(/class="org-manage__name">([^<]+)</g)].map((m) => m[1]!);
}

describe("organisations", () => {
  it("adds an administration, a board served by it and a company, with slugs from their names and an audit event", async () => {
    const before = await orgCount();
    const admin = await addOrganisation(coordinator, { name: "Trygghetsförvaltningen", shortName: "TRF", type: "administration", contactRole: "Samordnare mot våld i nära relation" });
    expect(admin.statusCode).toBe(303);
    expect(admin.headers.location).toBe(`${ORG}/hantera`);
    const trf = await org("trygghetsforvaltningen");
    expect(trf).toMatchObject({ name: "Trygghetsförvaltningen", short_name: "TRF", type: "administration", parent_id: null, contact_role: "Samordnare mot våld i nära relation" });

    const board = await addOrganisation(coordinator, { name: "Trygghetsnämnden", type: "board", servedById: trf.id });
    expect(board.statusCode).toBe(303);
    expect((await org("trygghetsnamnden")).served_by_id).toBe(trf.id);
    // A company is served by nobody: a serving administration sent along is not kept.
    expect((await addOrganisation(coordinator, { name: "Exempel Bostäder AB", shortName: "EBAB", type: "company", servedById: trf.id })).statusCode).toBe(303);
    expect(await org("exempel-bostader-ab")).toMatchObject({ type: "company", served_by_id: null });
    expect(await orgCount()).toBe(before + 3);

    const audit = await lastAudit("organisation.created");
    expect(audit.actor).toBe("samordnare@malmo.example");
    expect(audit.changes).toContainEqual({ field: "name", before: null, after: "Exempel Bostäder AB" });

    const manage = await coordinator.get(`${ORG}/hantera`);
    expect(manage.statusCode).toBe(200);
    expect(text(manage.body)).toContain("Det är skapat och sparat.");
    expect(groupOrder(manage.body, "board")).toContain("Trygghetsnämnden");
    expect(groupOrder(manage.body, "company")).toEqual(["MKB Fastighets AB", "Exempel Bostäder AB"]);
    expect(text(manage.body)).toContain("Förvaltning: Trygghetsförvaltningen");
    // The public organisation page shows the new board and the administration serving it.
    const page = await app.inject({ method: "GET", url: `${ORG}/trygghetsnamnden` });
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("Trygghetsförvaltningen");
  });

  it("keeps slugs unique and away from the reserved words", async () => {
    expect((await addOrganisation(coordinator, { name: "Trygghetsförvaltningen", type: "department" })).statusCode).toBe(303);
    expect((await addOrganisation(coordinator, { name: "Hantera", type: "external" })).statusCode).toBe(303);
    expect((await addOrganisation(coordinator, { name: "Ny", type: "external" })).statusCode).toBe(303);
    const slugs = (await rows<{ slug: string }>(sql`select slug from organisation where name in ('Trygghetsförvaltningen', 'Hantera', 'Ny') order by slug`)).map((r) => r.slug);
    expect(slugs).toEqual(["hantera-2", "ny-2", "trygghetsforvaltningen", "trygghetsforvaltningen-2"]);
    // The manage page is still the manage page, not an organisation called "Hantera".
    expect(text((await coordinator.get(`${ORG}/hantera`)).body)).toContain("Hantera organisationer");
  });

  it("edits an organisation: new texts, a parent in the tree, a new version and the changes in the audit", async () => {
    const trf = await org("trygghetsforvaltningen");
    const res = await editOrganisation(coordinator, "trygghetsforvaltningen-2", { name: "Avdelningen för trygghet", parentId: trf.id, contactRole: "Avdelningschef" });
    expect(res.statusCode).toBe(303);
    const dept = await org("trygghetsforvaltningen-2");
    expect(dept).toMatchObject({ name: "Avdelningen för trygghet", parent_id: trf.id, contact_role: "Avdelningschef", version: 2 });
    const audit = await lastAudit("organisation.updated");
    expect(audit.subject_id).toBe(dept.id);
    expect(audit.changes).toContainEqual({ field: "name", before: "Trygghetsförvaltningen", after: "Avdelningen för trygghet" });
    expect(audit.changes).toContainEqual({ field: "parent", before: null, after: "Trygghetsförvaltningen" });
    // The manage page shows it indented under its administration, the slug kept.
    const manage = (await coordinator.get(`${ORG}/hantera`)).body;
    expect(manage).toMatch(/Trygghetsförvaltningen<\/a>[\s\S]*?<ul class="org-manage">\s*<li id="org-[^"]+">[\s\S]*?Avdelningen för trygghet/);
  });

  it("moves an organisation under another parent, but never under itself or its own department", async () => {
    const asf = await org("asf");
    expect((await editOrganisation(coordinator, "trygghetsforvaltningen-2", { parentId: asf.id })).statusCode).toBe(303);
    expect((await org("trygghetsforvaltningen-2")).parent_id).toBe(asf.id);

    const trf = await org("trygghetsforvaltningen");
    expect((await editOrganisation(coordinator, "trygghetsforvaltningen-2", { parentId: trf.id })).statusCode).toBe(303);
    const dept = await org("trygghetsforvaltningen-2");
    const under = await editOrganisation(coordinator, "trygghetsforvaltningen", { parentId: dept.id });
    expect(under.statusCode).toBe(400);
    expect(fieldError(under.body, "parentId")).toContain("kan inte ligga under sig själv eller under en av sina egna avdelningar");
    expect(under.body).toContain('<a href="#parentId">');
    const itself = await editOrganisation(coordinator, "trygghetsforvaltningen", { parentId: trf.id });
    expect(itself.statusCode).toBe(400);
    expect(await org("trygghetsforvaltningen")).toMatchObject({ parent_id: null, version: trf.version });
    // The form does not even offer them.
    const form = (await coordinator.get(`${ORG}/trygghetsforvaltningen/andra`)).body;
    const parentSelect = /<select id="parentId"[\s\S]*?<\/select>/.exec(form)![0];
    expect(parentSelect).not.toContain(`value="${dept.id}"`);
    expect(parentSelect).not.toContain(`value="${trf.id}"`);
    expect(parentSelect).toContain(`value="${asf.id}"`);
  });

  it("moves a board up and down among the boards", async () => {
    const manage = async () => groupOrder((await coordinator.get(`${ORG}/hantera`)).body, "board");
    const before = await manage();
    expect(before.at(-1)).toBe("Trygghetsnämnden");
    const page = await coordinator.get(`${ORG}/hantera`);
    const up = await coordinator.post(`${ORG}/trygghetsnamnden/flytta`, { _csrf: Session.tokenIn(page.body), direction: "up", tillbaka: `${ORG}/hantera` });
    expect(up.statusCode).toBe(303);
    const after = await manage();
    expect(after.at(-2)).toBe("Trygghetsnämnden");
    expect(after.at(-1)).toBe(before.at(-2));
    expect((await lastAudit("organisation.moved")).subject_id).toBe((await org("trygghetsnamnden")).id);
    await coordinator.post(`${ORG}/trygghetsnamnden/flytta`, { _csrf: Session.tokenIn(page.body), direction: "down", tillbaka: `${ORG}/hantera` });
    expect(await manage()).toEqual(before);
    // The first board has no "move up" button, and a crafted one changes nothing.
    const first = before[0]!;
    expect(page.body).not.toContain(`aria-label="Flytta upp: ${first}"`);
    expect(page.body).toContain(`aria-label="Flytta ned: ${first}"`);
    const firstSlug = (await one<{ slug: string }>(sql`select slug from organisation where name = ${first}`)).slug;
    expect((await coordinator.post(`${ORG}/${firstSlug}/flytta`, { _csrf: Session.tokenIn(page.body), direction: "up" })).statusCode).toBe(303);
    expect(await manage()).toEqual(before);
    const bad = await coordinator.post(`${ORG}/${firstSlug}/flytta`, { _csrf: Session.tokenIn(page.body), direction: "at-sidan" });
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("välj upp eller ned");
  });

  it("archives an organisation (listed apart, gone from the public pages) and restores it", async () => {
    const page = await coordinator.get(`${ORG}/hantera`);
    const res = await coordinator.post(`${ORG}/exempel-bostader-ab/arkivera`, { _csrf: Session.tokenIn(page.body), tillbaka: `${ORG}/hantera` });
    expect(res.statusCode).toBe(303);
    expect((await org("exempel-bostader-ab")).archived_at).not.toBeNull();
    const manage = (await coordinator.get(`${ORG}/hantera`)).body;
    expect(groupOrder(manage, "company")).toEqual(["MKB Fastighets AB"]);
    expect(manage).toContain('aria-label="Återställ: Exempel Bostäder AB"');
    expect(text(manage)).toContain("Det är arkiverat.");
    expect((await app.inject({ method: "GET", url: `${ORG}/exempel-bostader-ab` })).statusCode).toBe(404);
    expect((await lastAudit("organisation.archived")).subject_id).toBe((await org("exempel-bostader-ab")).id);

    expect((await coordinator.post(`${ORG}/exempel-bostader-ab/aterstall`, { _csrf: Session.tokenIn(manage), tillbaka: `${ORG}/hantera` })).statusCode).toBe(303);
    expect((await org("exempel-bostader-ab")).archived_at).toBeNull();
    expect((await app.inject({ method: "GET", url: `${ORG}/exempel-bostader-ab` })).statusCode).toBe(200);
  });

  describe("bad input: a field error, and nothing saved", () => {
    it("refuses an empty name and an unknown type, all at once", async () => {
      const before = await orgCount();
      const res = await addOrganisation(coordinator, { name: "  ", type: "kommun" });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/<title>Fel: /);
      expect(fieldError(res.body, "name")).toBe("Fel: Skriv ett namn");
      expect(fieldError(res.body, "type")).toBe("Fel: Välj ett av alternativen i listan");
      expect(res.body.indexOf("<h1")).toBeLessThan(res.body.indexOf('class="error-summary"'));
      expect(await orgCount()).toBe(before);
    });

    it("refuses a parent or a serving administration from another workspace", async () => {
      const before = await orgCount();
      const elsewhere = await org("socialforvaltningen", "exempelby");
      const res = await addOrganisation(coordinator, { name: "Lånad förälder", type: "department", parentId: elsewhere.id });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "parentId")).toContain("Välj ett av alternativen i listan");
      const served = await addOrganisation(coordinator, { name: "Lånad nämnd", type: "board", servedById: elsewhere.id });
      expect(fieldError(served.body, "servedById")).toContain("Välj ett av alternativen i listan");
      const notUuid = await addOrganisation(coordinator, { name: "Lånad nämnd", type: "board", parentId: "'; drop table organisation; --" });
      expect(fieldError(notUuid.body, "parentId")).toContain("Välj ett av alternativen i listan");
      expect(await orgCount()).toBe(before);
    });

    it("refuses a board served by something other than an administration", async () => {
      const board = await org("kulturnamnden");
      const res = await editOrganisation(coordinator, "trygghetsnamnden", { servedById: board.id });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "servedById")).toContain("Välj en förvaltning");
      expect((await org("trygghetsnamnden")).served_by_id).toBe((await org("trygghetsforvaltningen")).id);
    });

    it("keeps an administration that serves a board an administration", async () => {
      const res = await editOrganisation(coordinator, "trygghetsforvaltningen", { type: "company" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "type")).toContain("Trygghetsnämnden");
      expect((await org("trygghetsforvaltningen")).type).toBe("administration");
    });

    it("refuses a personal identity number in the contact role, and asks to confirm a likely private e-mail address", async () => {
      const before = await orgCount();
      const res = await addOrganisation(coordinator, { name: "Nämnden för test", type: "board", contactRole: "Anna, 19121212-1212" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "contactRole")).toContain("personnummer (121212-****)");
      expect(res.body).not.toContain("19121212-1212</");
      expect(await orgCount()).toBe(before);
      const mail = await addOrganisation(coordinator, { name: "Nämnden för test", type: "board", contactRole: "anna.andersson@gmail.com" });
      expect(mail.statusCode).toBe(400);
      expect(mail.body).toContain('id="confirmPersonalData"');
      const confirmed = await addOrganisation(coordinator, { name: "Nämnden för test", type: "board", contactRole: "anna.andersson@gmail.com", confirmPersonalData: "1" });
      expect(confirmed.statusCode).toBe(303);
      expect(await orgCount()).toBe(before + 1);
    });

    it("refuses a 200 000-character name with the limit in the message", async () => {
      const before = await orgCount();
      const res = await addOrganisation(coordinator, { name: "x".repeat(200_000), type: "board" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "name")).toMatch(/200/);
      expect(await orgCount()).toBe(before);
    });

    it("answers a stale version with 409, showing what the other person saved, and keeps their save", async () => {
      const first = await coordinator.get(`${ORG}/exempel-bostader-ab/andra`);
      const admin = new Session(app);
      await admin.logIn("admin@malmo.example");
      expect((await editOrganisation(admin, "exempel-bostader-ab", { contactRole: "Hållbarhetschef" })).statusCode).toBe(303);
      const o = await org("exempel-bostader-ab");
      const res = await coordinator.post(`${ORG}/exempel-bostader-ab/andra`, {
        _csrf: Session.tokenIn(first.body), version: versionIn(first.body), name: o.name, shortName: "EBAB", type: "company", parentId: "", servedById: "",
        contactRole: "Trygghetssamordnare",
      });
      expect(res.statusCode).toBe(409);
      expect(text(res.body)).toContain("Hållbarhetschef");
      expect(res.body).toContain('value="Trygghetssamordnare"');
      expect(versionIn(res.body)).toBe(String(o.version));
      expect((await org("exempel-bostader-ab")).contact_role).toBe("Hållbarhetschef");
    });
  });

  it("is for administrators and coordinators: others get 403 and change nothing", async () => {
    const before = await orgCount();
    expect((await editor.get(`${ORG}/hantera`)).statusCode).toBe(403);
    expect((await reader.get(`${ORG}/asf/andra`)).statusCode).toBe(403);
    const page = await editor.get("/konto");
    const crafted = await editor.post(`${ORG}/hantera/ny`, { _csrf: Session.tokenIn(page.body), name: "Kapad", type: "board" });
    expect(crafted.statusCode).toBe(403);
    const archive = await editor.post(`${ORG}/asf/arkivera`, { _csrf: Session.tokenIn(page.body) });
    expect(archive.statusCode).toBe(403);
    expect(await orgCount()).toBe(before);
    expect((await org("asf")).archived_at).toBeNull();
    expect((await app.inject({ method: "GET", url: `${ORG}/hantera` })).statusCode).toBe(303);
  });
});

const texts = { title: "", periodStart: "2023-01-01", periodEnd: "2026-12-31", introduction: "", howMade: "", steeringGroup: "" };
type ApRow = { id: string; title: string; state: string; revision: number; version: number; introduction: string; period_start: string; period_end: string; adopted_on: string | null; adopted_by: string | null };
const actionPlan = (slug: string) =>
  one<ApRow>(sql`select a.*, a.period_start::text as period_start, a.period_end::text as period_end, a.adopted_on::text as adopted_on
    from action_plan a join organisation o on o.id = a.organisation_id join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and o.slug = ${slug}`);
const actionPlanCount = () => count(sql`select count(*) as n from action_plan`);
const revisionCount = () => count(sql`select count(*) as n from action_plan_revision`);
const createActionPlan = async (session: Session, form: Record<string, string>) =>
  session.submit(`${AP}/ny`, `${AP}/ny`, { ...texts, ...form });
async function editActionPlan(session: Session, slug: string, change: Record<string, string>) {
  const page = await session.get(`${AP}/${slug}/andra`);
  const a = await actionPlan(slug);
  return session.post(`${AP}/${slug}/andra`, {
    _csrf: Session.tokenIn(page.body), version: versionIn(page.body), title: a.title, periodStart: a.period_start, periodEnd: a.period_end,
    introduction: a.introduction, howMade: "", steeringGroup: "", ...change,
  });
}
async function adopt(session: Session, slug: string, form: Record<string, string>) {
  const page = await session.get(`${AP}/${slug}/anta`);
  return session.post(`${AP}/${slug}/anta`, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), ...form });
}

describe("action plans", () => {
  it("lists every organisation but the external partners, with the state of its action plan", async () => {
    const res = await coordinator.get(AP);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(body).toContain("Antagen 28 februari 2023 av Arbetsmarknads- och socialnämnden, revision 1");
    expect(body).toContain("Utkast");
    expect(body).not.toContain("Kriminalvården");
    expect(res.body).toContain(`href="${AP}/ny?organisation=kulturforvaltningen"`);
    expect(res.body).toContain(`href="${AP}/asf"`);
    // A reader sees the list but is not offered to start one.
    const forReader = await reader.get(AP);
    expect(forReader.statusCode).toBe(200);
    expect(forReader.body).not.toContain(`${AP}/ny`);
  });

  it("starts an action plan for an organisation with the plan's period and a default title", async () => {
    const form = await coordinator.get(`${AP}/ny?organisation=kulturforvaltningen`);
    expect(form.statusCode).toBe(200);
    const kultur = await org("kulturforvaltningen");
    expect(form.body).toMatch(new RegExp(`<option value="${kultur.id}" selected`));
    expect(form.body).toContain('value="Handlingsplan för Kulturförvaltningen"');
    expect(form.body).toContain('name="periodStart" type="date" value="2022-01-01"');
    // Organisations that have one, and external partners, are not offered.
    expect(form.body).not.toContain(`value="${(await org("asf")).id}"`);
    expect(form.body).not.toContain(`value="${(await org("polisen")).id}"`);

    const before = await actionPlanCount();
    const res = await createActionPlan(coordinator, { organisationId: kultur.id, introduction: "Kulturförvaltningen bidrar genom biblioteken." });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${AP}/kulturforvaltningen`);
    expect(await actionPlanCount()).toBe(before + 1);
    const created = await actionPlan("kulturforvaltningen");
    expect(created).toMatchObject({ title: "Handlingsplan för Kulturförvaltningen", state: "draft", revision: 0, period_start: "2023-01-01", period_end: "2026-12-31" });
    const audit = await lastAudit("action_plan.created");
    expect(audit.subject_id).toBe(created.id);
    expect(audit.changes).toContainEqual({ field: "introduction", before: "", after: "Kulturförvaltningen bidrar genom biblioteken." });
    const page = await coordinator.get(`${AP}/kulturforvaltningen`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("Det är skapat och sparat.");
    expect(text(page.body)).toContain("Utkast");
  });

  describe("bad input: a field error, and nothing saved", () => {
    it("refuses a second action plan for the same organisation", async () => {
      const before = await actionPlanCount();
      const res = await createActionPlan(coordinator, { organisationId: (await org("kulturforvaltningen")).id, title: "En till" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "organisationId")).toContain("Kulturförvaltningen har redan en handlingsplan i den här planen");
      expect(await actionPlanCount()).toBe(before);
    });

    it("refuses an end before the start, a date that does not exist, and no organisation, all at once", async () => {
      const before = await actionPlanCount();
      const res = await createActionPlan(coordinator, { organisationId: "", periodStart: "2026-01-01", periodEnd: "2025-12-31" });
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, "organisationId")).toContain("Fyll i fältet");
      expect(fieldError(res.body, "periodEnd")).toContain("Slutdatumet kan inte vara före startdatumet");
      const invalid = await createActionPlan(coordinator, { organisationId: (await org("funktionsstodsforvaltningen")).id, periodStart: "2023-02-30", periodEnd: "" });
      expect(fieldError(invalid.body, "periodStart")).toContain("Ange ett datum som finns");
      expect(fieldError(invalid.body, "periodEnd")).toContain("Ange ett datum");
      expect(await actionPlanCount()).toBe(before);
    });

    it("refuses an external partner and an organisation of another workspace", async () => {
      const before = await actionPlanCount();
      const external = await createActionPlan(coordinator, { organisationId: (await org("polisen")).id });
      expect(fieldError(external.body, "organisationId")).toContain("Externa parter");
      const elsewhere = await one<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug <> 'malmo' limit 1`);
      const other = await createActionPlan(coordinator, { organisationId: elsewhere.id });
      expect(other.statusCode).toBe(400);
      expect(fieldError(other.body, "organisationId")).toContain("Välj ett av alternativen i listan");
      expect(await actionPlanCount()).toBe(before);
    });

    it("refuses a personal identity number in the introduction and a 200 000-character text", async () => {
      const before = await actionPlanCount();
      const id = (await org("funktionsstodsforvaltningen")).id;
      const pnr = await createActionPlan(coordinator, { organisationId: id, introduction: "Ärendet gäller 19121212-1212." });
      expect(pnr.statusCode).toBe(400);
      expect(fieldError(pnr.body, "introduction")).toContain("personnummer (121212-****)");
      const long = await createActionPlan(coordinator, { organisationId: id, howMade: "x".repeat(200_000) });
      expect(long.statusCode).toBe(400);
      expect(fieldError(long.body, "howMade")).toMatch(/20[\s ]?000/);
      expect(await actionPlanCount()).toBe(before);

      const edit = await editActionPlan(coordinator, "kulturforvaltningen", { introduction: "Kontakt 19121212-1212", title: "" });
      expect(edit.statusCode).toBe(400);
      expect(fieldError(edit.body, "title")).toContain("Fyll i fältet");
      expect(fieldError(edit.body, "introduction")).toContain("personnummer");
      expect((await actionPlan("kulturforvaltningen")).introduction).toBe("Kulturförvaltningen bidrar genom biblioteken.");
    });
  });

  it("edits a draft without a revision, adopts it (revision 1), and every later change freezes the next revision", async () => {
    const revisions = await revisionCount();
    expect((await editActionPlan(coordinator, "kulturforvaltningen", { introduction: "Biblioteken och kulturskolan bidrar." })).statusCode).toBe(303);
    expect(await actionPlan("kulturforvaltningen")).toMatchObject({ introduction: "Biblioteken och kulturskolan bidrar.", revision: 0, version: 2 });
    expect(await revisionCount()).toBe(revisions);
    expect((await lastAudit("action_plan.updated")).changes).toContainEqual({
      field: "introduction", before: "Kulturförvaltningen bidrar genom biblioteken.", after: "Biblioteken och kulturskolan bidrar.",
    });

    const missing = await adopt(coordinator, "kulturforvaltningen", { adoptedOn: "", adoptedBy: "" });
    expect(missing.statusCode).toBe(400);
    expect(fieldError(missing.body, "adoptedOn")).toContain("Ange ett datum");
    expect(fieldError(missing.body, "adoptedBy")).toContain("Skriv vem som antog den");
    expect(fieldError((await adopt(coordinator, "kulturforvaltningen", { adoptedOn: "2024-13-01", adoptedBy: "Kulturnämnden" })).body, "adoptedOn")).toContain("Ange ett datum som finns");
    expect((await actionPlan("kulturforvaltningen")).state).toBe("draft");

    // The form suggests the board the administration serves.
    expect((await coordinator.get(`${AP}/kulturforvaltningen/anta`)).body).toContain('value="Kulturnämnden"');
    const adopted = await adopt(coordinator, "kulturforvaltningen", { adoptedOn: "2024-03-20", adoptedBy: "Kulturnämnden" });
    expect(adopted.statusCode).toBe(303);
    expect(adopted.headers.location).toBe(`${AP}/kulturforvaltningen`);
    const ap = await actionPlan("kulturforvaltningen");
    expect(ap).toMatchObject({ state: "adopted", adopted_on: "2024-03-20", adopted_by: "Kulturnämnden", revision: 1 });
    const rev1 = await one<{ number: number; snapshot: { actionPlan: { state: string; introduction: string; adoptedOn: string } } }>(
      sql`select number, snapshot from action_plan_revision where action_plan_id = ${ap.id} order by number`,
    );
    expect(rev1.number).toBe(1);
    expect(rev1.snapshot.actionPlan).toMatchObject({ state: "adopted", adoptedOn: "2024-03-20", introduction: "Biblioteken och kulturskolan bidrar." });
    expect((await lastAudit("action_plan.adopted")).changes).toContainEqual({ field: "revision", before: "0", after: "1" });
    const page = text((await coordinator.get(`${AP}/kulturforvaltningen`)).body);
    expect(page).toContain("Handlingsplanen är antagen och sparad som en revision.");
    expect(page).toContain("Antagen 20 mars 2024 av Kulturnämnden, revision 1");

    const edit = await editActionPlan(coordinator, "kulturforvaltningen", { introduction: "Biblioteken, kulturskolan och museerna bidrar." });
    expect(edit.statusCode).toBe(303);
    expect((await actionPlan("kulturforvaltningen")).revision).toBe(2);
    expect(text((await coordinator.get(`${AP}/kulturforvaltningen`)).body)).toContain("sparade som en ny revision");
    // Saving with nothing changed freezes nothing.
    expect((await editActionPlan(coordinator, "kulturforvaltningen", {})).statusCode).toBe(303);
    expect((await actionPlan("kulturforvaltningen")).revision).toBe(2);
    expect(await revisionCount()).toBe(revisions + 2);
  });

  it("lists, shows and compares the revisions", async () => {
    const list = await reader.get(`${AP}/kulturforvaltningen/revisioner`);
    expect(list.statusCode).toBe(200);
    const body = text(list.body);
    expect(body).toContain("Revision 2");
    expect(body).toContain("Revision 1");
    expect(body).toContain("Demo Samordnare");
    expect(list.body).toContain('<form method="get"');

    const one1 = await reader.get(`${AP}/kulturforvaltningen/revisioner/1`);
    expect(one1.statusCode).toBe(200);
    expect(text(one1.body)).toContain("Biblioteken och kulturskolan bidrar.");
    expect(text(one1.body)).not.toContain("museerna");

    const compared = await reader.get(`${AP}/kulturforvaltningen/revisioner/jamfor?fran=1&till=2`);
    expect(compared.statusCode).toBe(200);
    expect(text(compared.body)).toContain("Ändringar från revision 1 till revision 2");
    expect(compared.body).toMatch(/<ins aria-label="Tillagt">[^<]*museerna/);
    expect(text(compared.body)).toContain("Inledning");
  });

  it("answers bad revision numbers with 404 or a clear message", async () => {
    for (const n of ["9", "0", "abc", "-1"]) expect((await reader.get(`${AP}/kulturforvaltningen/revisioner/${n}`)).statusCode).toBe(404);
    const unknown = await reader.get(`${AP}/kulturforvaltningen/revisioner/jamfor?fran=1&till=9`);
    expect(unknown.statusCode).toBe(400);
    expect(fieldError(unknown.body, "till")).toContain("Det finns ingen revision 9");
    const none = await reader.get(`${AP}/kulturforvaltningen/revisioner/jamfor`);
    expect(none.statusCode).toBe(400);
    expect(fieldError(none.body, "fran")).toContain("Välj en revision");
    expect((await reader.get(`${AP}/finns-inte/revisioner`)).statusCode).toBe(404);
    expect((await reader.get(`${AP}/kulturnamnden/revisioner`)).statusCode).toBe(404);
  });

  it("answers a stale version with 409, both texts shown, the first save kept", async () => {
    const first = await coordinator.get(`${AP}/kulturforvaltningen/andra`);
    const admin = new Session(app);
    await admin.logIn("admin@malmo.example");
    expect((await editActionPlan(admin, "kulturforvaltningen", { steeringGroup: "Kulturdirektörens ledningsgrupp." })).statusCode).toBe(303);
    const ap = await actionPlan("kulturforvaltningen");
    const res = await coordinator.post(`${AP}/kulturforvaltningen/andra`, {
      _csrf: Session.tokenIn(first.body), version: versionIn(first.body), title: ap.title, periodStart: ap.period_start, periodEnd: ap.period_end,
      introduction: ap.introduction, howMade: "", steeringGroup: "Styrgruppen är förvaltningens ledning.",
    });
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain("Kulturdirektörens ledningsgrupp.");
    expect(/<textarea id="steeringGroup"[^>]*>([^<]*)</.exec(res.body)![1]).toBe("Styrgruppen är förvaltningens ledning.");
    expect((await one<{ steering_group: string }>(sql`select steering_group from action_plan where id = ${ap.id}`)).steering_group).toBe("Kulturdirektörens ledningsgrupp.");
    // A stale adoption too.
    const adoptPage = await coordinator.get(`${AP}/kulturforvaltningen/anta`);
    await editActionPlan(admin, "kulturforvaltningen", { howMade: "I dialog med verksamheterna." });
    const staleAdopt = await coordinator.post(`${AP}/kulturforvaltningen/anta`, {
      _csrf: Session.tokenIn(adoptPage.body), version: versionIn(adoptPage.body), adoptedOn: "2025-01-15", adoptedBy: "Kulturnämnden",
    });
    expect(staleAdopt.statusCode).toBe(409);
    expect((await actionPlan("kulturforvaltningen")).adopted_on).toBe("2024-03-20");
  });

  it("re-adopting a revised plan updates the adoption and freezes the next revision", async () => {
    const before = await actionPlan("kulturforvaltningen");
    const res = await adopt(coordinator, "kulturforvaltningen", { adoptedOn: "2025-02-01", adoptedBy: "Kulturnämnden" });
    expect(res.statusCode).toBe(303);
    expect(await actionPlan("kulturforvaltningen")).toMatchObject({ adopted_on: "2025-02-01", revision: before.revision + 1 });
  });

  describe("the internal action plan page", () => {
    it("shows the activities by goal and kind, edit and new-activity links, and the co-responsibilities", async () => {
      const res = await editor.get(`${AP}/asf`);
      expect(res.statusCode).toBe(200);
      const body = text(res.body);
      expect(body).toContain("Handlingsplan Fri från våld – en gemensam angelägenhet 2023–2026");
      for (const kind of ["Stadsövergripande aktiviteter", "Aktiviteter i samverkan", "Verksamhetsspecifika aktiviteter"]) expect(res.body).toContain(`<h4>${kind}</h4>`);
      const asf12 = await one<{ id: string }>(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '1.2'`);
      expect(res.body).toContain(`href="${PLAN}/aktiviteter/${asf12.id}/redigera"`);
      const goal1 = await one<{ id: string }>(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '1'`);
      expect(res.body).toContain(`href="${PLAN}/aktiviteter/ny?handlingsplan=asf&amp;mal=${goal1.id}"`);
      // GRF's 4.6 has ASF as co-responsible.
      const coSection = res.body.slice(res.body.indexOf('id="co-responsible"'));
      expect(text(coSection)).toContain("Elevhälsan ska utveckla stödet till elever som upplever våld i hemmet.");
      expect(text(coSection)).toContain("i handlingsplanen för Grundskoleförvaltningen");
      // ASF's editor may not edit GRF's activity: no edit link for it.
      const grf46 = await one<{ id: string }>(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '4.6'`);
      expect(res.body).not.toContain(`${grf46.id}/redigera`);
      expect(res.body).toContain(`href="${AP}/asf/andra"`);
      expect(res.body).toContain(`href="${AP}/asf/historik"`);

      const forReader = await reader.get(`${AP}/asf`);
      expect(forReader.statusCode).toBe(200);
      expect(forReader.body).not.toContain("/redigera");
      expect(forReader.body).not.toContain("aktiviteter/ny");
      expect(forReader.body).not.toContain(`${AP}/asf/andra`);
      expect((await app.inject({ method: "GET", url: `${AP}/asf` })).statusCode).toBe(303);
      expect((await reader.get(`${AP}/polisen`)).statusCode).toBe(404);
    });

    it("reads the demo's first revision, which holds only numbers, titles and descriptions", async () => {
      const res = await reader.get(`${AP}/asf/revisioner/1`);
      expect(res.statusCode).toBe(200);
      expect(text(res.body)).toContain("Revision 1");
      expect(text(res.body)).toContain("Arbetsmarknads- och socialnämnden");
    });
  });

  describe("ASF's editor", () => {
    it("edits ASF's action plan (a new revision) and compares it with the demo's first revision", async () => {
      const before = await actionPlan("asf");
      const res = await editActionPlan(editor, "asf", { introduction: `${before.introduction} Planen reviderades 2025.` });
      expect(res.statusCode).toBe(303);
      expect((await actionPlan("asf")).revision).toBe(before.revision + 1);
      expect((await lastAudit("action_plan.updated")).actor).toBe("asf.redaktor@malmo.example");
      const compared = await editor.get(`${AP}/asf/revisioner/jamfor?fran=1&till=${before.revision + 1}`);
      expect(compared.statusCode).toBe(200);
      expect(compared.body).toMatch(/<ins aria-label="Tillagt">[^<]*reviderades/);
      // The first revision recorded no phases or goals: they are not shown as changed.
      expect(text(compared.body)).not.toContain("Fas");
      expect(text(compared.body)).toContain("Inga ändringar av aktiviteter.");
    });

    it("may not edit, adopt or start another organisation's action plan (403) and changes nothing", async () => {
      const grf = await actionPlan("grundskoleforvaltningen");
      expect((await editor.get(`${AP}/grundskoleforvaltningen/andra`)).statusCode).toBe(403);
      expect((await editor.get(`${AP}/grundskoleforvaltningen/anta`)).statusCode).toBe(403);
      const page = await editor.get(`${AP}/asf/andra`);
      const crafted = await editor.post(`${AP}/grundskoleforvaltningen/andra`, {
        _csrf: Session.tokenIn(page.body), version: String(grf.version), title: "Kapad", periodStart: "2023-01-01", periodEnd: "2026-12-31",
      });
      expect(crafted.statusCode).toBe(403);
      const adoptCrafted = await editor.post(`${AP}/grundskoleforvaltningen/anta`, {
        _csrf: Session.tokenIn(page.body), version: String(grf.version), adoptedOn: "2025-01-01", adoptedBy: "Kapad",
      });
      expect(adoptCrafted.statusCode).toBe(403);
      expect(await actionPlan("grundskoleforvaltningen")).toMatchObject({ title: grf.title, version: grf.version, adopted_by: grf.adopted_by });

      const before = await actionPlanCount();
      expect((await editor.get(`${AP}/ny?organisation=funktionsstodsforvaltningen`)).statusCode).toBe(403);
      const start = await editor.post(`${AP}/ny`, { _csrf: Session.tokenIn(page.body), ...texts, organisationId: (await org("funktionsstodsforvaltningen")).id });
      expect(start.statusCode).toBe(403);
      expect(await actionPlanCount()).toBe(before);
      // ASF already has one: the form says there is nothing to start.
      const form = await editor.get(`${AP}/ny`);
      expect(form.statusCode).toBe(200);
      expect(text(form.body)).toContain("Alla organisationer du kan skriva handlingsplan för har redan en i den här planen.");
    });

    it("is not offered the list's create links for other organisations, and readers may not open the forms", async () => {
      const list = await editor.get(AP);
      expect(list.body).not.toContain(`${AP}/ny?organisation=funktionsstodsforvaltningen`);
      expect((await reader.get(`${AP}/ny`)).statusCode).toBe(403);
      expect((await reader.get(`${AP}/asf/andra`)).statusCode).toBe(403);
      expect((await reader.get(`${AP}/asf/anta`)).statusCode).toBe(403);
    });
  });

  it("speaks English too", async () => {
    const english = new Session(app);
    await english.logIn("samordnare@malmo.example");
    await english.get(`/sprak/en?tillbaka=${encodeURIComponent(AP)}`);
    const list = text((await english.get(AP)).body);
    expect(list).toContain("Action plans in");
    expect(list).toContain("Adopted 28 February 2023 by Arbetsmarknads- och socialnämnden, revision");
    expect(text((await english.get(`${ORG}/hantera`)).body)).toContain("Manage organisations");
    const compared = text((await english.get(`${AP}/kulturforvaltningen/revisioner/jamfor?fran=1&till=2`)).body);
    expect(compared).toContain("Changes from revision 1 to revision 2");
  });
});
