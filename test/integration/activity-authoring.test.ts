// The full activity form over HTTP: a new activity with every field (number suggested from the plan's pattern),
// editing its lists (the audit names them), archiving it, every bad input the issue names with its field error and
// nothing half-saved, a stale version, and an editor trying another organisation's action plan.
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
const NEW = `${PLAN}/aktiviteter/ny?handlingsplan=asf`;
const PNR = "19121212-1212";

const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await queryRows<T>(database.db, query);
  if (!row) throw new Error(`no row for ${JSON.stringify(query)}`);
  return row;
};
const idOf = async (query: ReturnType<typeof sql>) => (await one<{ id: string }>(query)).id;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
/** The message shown at a field (its error paragraph). */
const fieldError = (html: string, name: string) => {
  const m = new RegExp(`<p class="field__error" id="${name}-error">([\\s\\S]*?)</p>`).exec(html);
  return m ? text(m[1]!).replace(/^\s*Fel:\s*/, "").trim() : null;
};

/** Every row a save touches, to prove that a refused save left nothing behind. */
async function counts() {
  return one<Record<string, number>>(sql`select
    (select count(*)::int from activity) as activities,
    (select count(*)::int from activity_strategy) as strategies,
    (select count(*)::int from activity_term) as terms,
    (select count(*)::int from activity_organisation) as organisations,
    (select count(*)::int from audit_event) as audit,
    (select count(*)::int from action_plan_revision) as revisions,
    (select coalesce(sum(version), 0)::int from activity) as versions`);
}

const ids: Record<string, string> = {};
const term = (taxonomy: string, key: string) =>
  idOf(sql`select t.id from term t join taxonomy x on x.id = t.taxonomy_id join plan p on p.id = x.plan_id where p.slug = 'fri-fran-vald' and x.key = ${taxonomy} and t.key = ${key}`);
const org = (slug: string) => idOf(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.slug = ${slug}`);
const strategy = (goal: string, title: string) =>
  idOf(sql`select s.id from strategy s join goal g on g.id = s.goal_id join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = ${goal} and s.title = ${title}`);

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  ids.goal1 = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '1'`);
  ids.goal2 = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '2'`);
  ids.exempelbyGoal = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' and g.number = '1'`);
  ids.normer = await strategy("1", "Utmana normer");
  ids.tidigt = await strategy("1", "Stärka det tidiga stödet");
  ids.barnsRatt = await strategy("1", "Stärka barns rättigheter");
  ids.goal2Strategy = await strategy("2", "Nå fler som använder våld");
  ids.kindTogether = await term("activity_kind", "i_samverkan");
  ids.kindOwn = await term("activity_kind", "verksamhetsspecifik");
  ids.vnr = await term("focus_area", "vald-i-nara-relation");
  ids.heder = await term("focus_area", "hedersrelaterat-vald");
  ids.unga = await term("target_group", "unga");
  ids.universell = await term("prevention_level", "universell");
  ids.forStaff = await term("audience", "for_staff");
  ids.asf = await org("asf");
  ids.mkb = await org("mkb");
  ids.grf = await org("grundskoleforvaltningen");
  ids.polisen = await org("polisen");
  ids.region = await org("region-skane");
  ids.asf12 = await idOf(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '1.2'`);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function session(email: string) {
  const s = new Session(app);
  await s.logIn(email);
  return s;
}

/** A complete, valid form for a new ASF activity under goal 1. */
function fullForm(): Record<string, string | string[]> {
  return {
    version: "0", tillbaka: "", number: "1.7", title: "Föräldragrupper om gränser och digitalt våld",
    description: "Grupper för föräldrar till tonåringar.\n\n- fyra träffar\n- ett uppföljande samtal",
    goalId: ids.goal1!, strategyIds: [ids.normer!, ids.tidigt!],
    "terms-activity_kind": ids.kindTogether!, "terms-focus_area": [ids.vnr!, ids.heder!], "terms-target_group": [ids.unga!],
    "terms-prevention_level": [ids.universell!], "terms-audience": ids.forStaff!, "terms-violence_form": [],
    responsibleIds: [ids.asf!], coResponsibleIds: [ids.mkb!], partnerIds: [ids.polisen!],
    childRights: "Barnen får själva berätta vad de vill att föräldrarna ska lära sig.",
    plannedStart: "2025-09-01", plannedEnd: "2026-06-30", phase: "ongoing", boardNote: "revideras varje år",
  };
}

describe("the number is suggested from the plan's pattern", () => {
  it("suggests the next free number under Malmö's goal 1 (numbers are unique in the whole plan) and 2.x under goal 2", async () => {
    // ASF has 1.1–1.3; the school, health-care and (draft) leisure action plans hold 1.4–1.6.
    const taken = await queryRows<{ number: string }>(database.db, sql`select a.number from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number like '1.%'`);
    expect(taken.map((r) => r.number).sort()).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]);
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(`${NEW}&mal=${ids.goal1}`);
    expect(page.statusCode).toBe(200);
    const form = formValues(page.body);
    expect(form.number).toBe("1.7");
    expect(form.goalId).toBe(ids.goal1);
    expect(form.phase).toBe("planned");
    expect(form.responsibleIds).toEqual([ids.asf]);
    // Every taxonomy of the plan is on the form; one-term taxonomies are radios.
    expect(page.body).toMatch(/<input type="radio" id="terms-activity_kind-\d+" name="terms-activity_kind"/);
    expect(page.body).toMatch(/<input type="checkbox" id="terms-focus_area-\d+" name="terms-focus_area"/);
    // Only municipal organisations can be responsible; external ones are partners.
    expect(page.body).not.toMatch(new RegExp(`name="responsibleIds" value="${ids.polisen}"`));
    expect(page.body).toMatch(new RegExp(`name="partnerIds" value="${ids.polisen}"`));
    expect(page.body).not.toMatch(new RegExp(`name="partnerIds" value="${ids.asf}"`));
    const goal2 = formValues((await editor.get(`${NEW}&mal=${ids.goal2}`)).body);
    expect(goal2.number).toMatch(/^2\.\d+$/);
  });

  it("suggests 2:2 under Exempelby's second focus area", async () => {
    const ws = await idOf(sql`select id from workspace where slug = 'exempelby'`);
    const user = await idOf(sql`select id from app_user where email = 'samordnare@malmo.example'`);
    await database.db.execute(sql`insert into membership (workspace_id, user_id, role) values (${ws}, ${user}, 'coordinator')`);
    const goal2 = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' and g.number = '2'`);
    const coordinator = await session("samordnare@malmo.example");
    const page = await coordinator.get(`/exempelby/planer/tryggare-exempelby/aktiviteter/ny?handlingsplan=socialforvaltningen&mal=${goal2}`);
    expect(page.statusCode).toBe(200);
    expect(formValues(page.body).number).toBe("2:2");
    expect(text(page.body)).toContain("Ny åtgärd");
    const goal1 = formValues((await coordinator.get(`/exempelby/planer/tryggare-exempelby/aktiviteter/ny?handlingsplan=socialforvaltningen&mal=${ids.exempelbyGoal}`)).body);
    expect(goal1.number).toBe("1:3");
  });
});

let created: string;

describe("an activity through its life", () => {
  it("is created with every field, in a new revision of the adopted action plan, audited with names", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const before = await counts();
    const revision = (await one<{ revision: number }>(sql`select ap.revision from action_plan ap join organisation o on o.id = ap.organisation_id where o.slug = 'asf'`)).revision;
    const res = await editor.submit(NEW, NEW, fullForm());
    expect(res.statusCode, fieldError(res.body, "title") ?? text(res.body).slice(0, 400)).toBe(303);
    const row = await one<Record<string, unknown>>(sql`select * from activity where number = '1.7'`);
    created = row.id as string;
    expect(res.headers.location).toBe(`${PLAN}/aktiviteter/${created}`);
    expect(row).toMatchObject({
      title: "Föräldragrupper om gränser och digitalt våld", phase: "ongoing", planned_start: "2025-09-01", planned_end: "2026-06-30",
      board_note: "revideras varje år", child_rights: "Barnen får själva berätta vad de vill att föräldrarna ska lära sig.", goal_id: ids.goal1,
    });
    expect(row.description).toContain("- fyra träffar");
    const links = await queryRows<{ id: string; role: string }>(database.db, sql`select organisation_id as id, role from activity_organisation where activity_id = ${created} order by role`);
    expect(links).toEqual([{ id: ids.mkb, role: "co_responsible" }, { id: ids.polisen, role: "partner" }, { id: ids.asf, role: "responsible" }]);
    const terms = (await queryRows<{ id: string }>(database.db, sql`select term_id as id from activity_term where activity_id = ${created}`)).map((r) => r.id).sort();
    expect(terms).toEqual([ids.kindTogether, ids.vnr, ids.heder, ids.unga, ids.universell, ids.forStaff].sort());
    const strategies = (await queryRows<{ id: string }>(database.db, sql`select strategy_id as id from activity_strategy where activity_id = ${created}`)).map((r) => r.id).sort();
    expect(strategies).toEqual([ids.normer, ids.tidigt].sort());

    const after = await counts();
    expect(after.activities).toBe(before.activities! + 1);
    expect(after.revisions).toBe(before.revisions! + 1);
    expect((await one<{ revision: number }>(sql`select ap.revision from action_plan ap join organisation o on o.id = ap.organisation_id where o.slug = 'asf'`)).revision).toBe(revision + 1);
    const snapshot = await one<{ snapshot: { activities: Array<{ number: string; coResponsible: string[] }> } }>(
      sql`select r.snapshot from action_plan_revision r join action_plan ap on ap.id = r.action_plan_id join organisation o on o.id = ap.organisation_id where o.slug = 'asf' order by r.number desc limit 1`,
    );
    expect(snapshot.snapshot.activities.find((a) => a.number === "1.7")?.coResponsible).toEqual(["MKB Fastighets AB"]);

    const audit = await one<{ action: string; changes: Array<{ field: string; after: string }> }>(
      sql`select action, changes from audit_event where subject_type = 'activity' and subject_id = ${created}`,
    );
    expect(audit.action).toBe("activity.created");
    const change = (field: string) => audit.changes.find((c) => c.field === field)?.after;
    expect(change("coResponsible")).toBe("MKB Fastighets AB");
    expect(change("partners")).toBe("Polisen");
    expect(change("strategies")).toBe("Utmana normer, Stärka det tidiga stödet");
    expect(change("Fokusområden")).toBe("Våld i nära relation, Hedersrelaterat våld och förtryck");
    expect(change("Typ av aktivitet")).toBe("Aktiviteter i samverkan");

    // The public page shows it, with the flash for the person who saved.
    const page = await editor.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain("Det är skapat och sparat.");
    expect(body).toContain("Aktivitet 1.7");
    expect(body).toContain("MKB Fastighets AB");
    expect(body).toContain("Aktiviteter i samverkan");
  });

  it("is edited: lists change, the audit lists names before and after, and a new revision is frozen", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const url = `${PLAN}/aktiviteter/${created}/redigera`;
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    const form = formValues(page.body, url);
    expect(form.title).toBe("Föräldragrupper om gränser och digitalt våld");
    expect(form.strategyIds).toEqual(expect.arrayContaining([ids.normer, ids.tidigt]));
    expect(form["terms-activity_kind"]).toBe(ids.kindTogether);
    const before = await counts();
    const res = await editor.post(url, {
      _csrf: Session.tokenIn(page.body), ...form, title: "Föräldragrupper om gränser", strategyIds: [ids.normer!, ids.barnsRatt!],
      coResponsibleIds: [ids.grf!], partnerIds: [ids.polisen!, ids.region!], "terms-activity_kind": ids.kindOwn!, phase: "completed",
    });
    expect(res.statusCode, text(res.body).slice(0, 300)).toBe(303);
    expect(res.headers.location).toBe(`${PLAN}/aktiviteter/${created}`);
    const after = await counts();
    expect(after.revisions).toBe(before.revisions! + 1);
    const audit = await one<{ changes: Array<{ field: string; before: string | null; after: string | null }> }>(
      sql`select changes from audit_event where subject_type = 'activity' and subject_id = ${created} and action = 'activity.updated' order by at desc limit 1`,
    );
    const change = (field: string) => audit.changes.find((c) => c.field === field);
    expect(change("title")).toMatchObject({ before: "Föräldragrupper om gränser och digitalt våld", after: "Föräldragrupper om gränser" });
    expect(change("coResponsible")).toMatchObject({ before: "MKB Fastighets AB", after: "Grundskoleförvaltningen" });
    expect(change("partners")).toMatchObject({ before: "Polisen", after: "Polisen, Region Skåne" });
    expect(change("strategies")).toMatchObject({ before: "Utmana normer, Stärka det tidiga stödet", after: "Utmana normer, Stärka barns rättigheter" });
    expect(change("Typ av aktivitet")).toMatchObject({ before: "Aktiviteter i samverkan", after: "Verksamhetsspecifika aktiviteter" });
    expect(change("phase")).toMatchObject({ before: "ongoing", after: "completed" });
    // Unchanged fields are not recorded.
    expect(change("description")).toBeUndefined();
    expect(change("Fokusområden")).toBeUndefined();

    const history = text((await editor.get(`${PLAN}/aktiviteter/${created}/historik`)).body);
    expect(history).toContain("Medansvariga");
    expect(history).toContain("Grundskoleförvaltningen");
    expect(history).toContain("Skapade aktiviteten");
    // The phase reads in words, not as the stored code.
    expect(history).toMatch(/Fas .*Pågående.*Slutförd/);
    expect(history).not.toMatch(/\bongoing\b|\bcompleted\b/);

    // Saving the unchanged form records nothing and makes no revision.
    const again = await editor.get(url);
    const unchanged = await counts();
    expect((await editor.post(url, { _csrf: Session.tokenIn(again.body), ...formValues(again.body, url) })).statusCode).toBe(303);
    expect(await counts()).toEqual(unchanged);
  });

  it("is archived, not deleted: it leaves the public page, and its number stays taken", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const url = `${PLAN}/aktiviteter/${created}/redigera`;
    const page = await editor.get(url);
    expect(page.body).toContain(`action="${PLAN}/aktiviteter/${created}/arkivera"`);
    const version = formValues(page.body, url).version as string;
    // A stale version is refused.
    const stale = await editor.post(`${PLAN}/aktiviteter/${created}/arkivera`, { _csrf: Session.tokenIn(page.body), version: String(Number(version) - 1) });
    expect(stale.statusCode).toBe(409);
    expect((await one<{ archived_at: Date | null }>(sql`select archived_at from activity where id = ${created}`)).archived_at).toBeNull();
    const res = await editor.post(`${PLAN}/aktiviteter/${created}/arkivera`, { _csrf: Session.tokenIn(page.body), version });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PLAN}/handlingsplaner/asf`);
    const row = await one<{ archived_at: Date | null }>(sql`select archived_at from activity where id = ${created}`);
    expect(row.archived_at).not.toBeNull();
    expect((await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${created}` })).statusCode).toBe(404);
    expect((await editor.get(url)).statusCode).toBe(404);
    const audit = await one<{ action: string }>(sql`select action from audit_event where subject_id = ${created} order by at desc limit 1`);
    expect(audit.action).toBe("activity.archived");

    const before = await counts();
    const retry = await editor.submit(NEW, NEW, fullForm());
    expect(retry.statusCode).toBe(400);
    expect(fieldError(retry.body, "number")).toBe("Numret 1.7 används redan av den arkiverade ”Föräldragrupper om gränser”");
    expect(await counts()).toEqual(before);
  });

  it("can be restored from its action plan page, by those who may edit it, as a new revision", async () => {
    const actionPlanUrl = `${PLAN}/handlingsplaner/asf`;
    const restore = `${PLAN}/aktiviteter/${created}/aterstall`;
    const reader = await session("lasare@malmo.example");
    const readerPage = await reader.get(actionPlanUrl);
    expect(readerPage.body).toContain("Föräldragrupper om gränser");
    expect(readerPage.body, "a reader sees no restore button").not.toContain(`action="${restore}"`);
    expect((await reader.post(restore, { _csrf: Session.tokenIn(readerPage.body) })).statusCode).toBe(403);
    expect((await one<{ archived_at: Date | null }>(sql`select archived_at from activity where id = ${created}`)).archived_at).not.toBeNull();

    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(actionPlanUrl);
    expect(page.body).toContain(`action="${restore}"`);
    const revisionsBefore = (await one<{ n: number }>(sql`select count(*)::int as n from action_plan_revision r join activity a on a.action_plan_id = r.action_plan_id where a.id = ${created}`)).n;
    const res = await editor.post(restore, { _csrf: Session.tokenIn(page.body), tillbaka: actionPlanUrl });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(actionPlanUrl);
    expect((await one<{ archived_at: Date | null }>(sql`select archived_at from activity where id = ${created}`)).archived_at).toBeNull();
    expect((await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${created}` })).statusCode).toBe(200);
    const audit = await one<{ action: string }>(sql`select action from audit_event where subject_id = ${created} order by at desc limit 1`);
    expect(audit.action).toBe("activity.restored");
    const revisionsAfter = (await one<{ n: number }>(sql`select count(*)::int as n from action_plan_revision r join activity a on a.action_plan_id = r.action_plan_id where a.id = ${created}`)).n;
    expect(revisionsAfter).toBe(revisionsBefore + 1);
    const after = await editor.get(actionPlanUrl);
    expect(after.body).toContain("Det är återställt.");
    expect(after.body).not.toContain(`action="${restore}"`);
  });
});

describe("bad input gets a field error and nothing is half-saved", () => {
  const cases: Array<[string, Record<string, string | string[]>, string, RegExp | string]> = [
    ["an empty title", { title: "  " }, "title", "Skriv en titel"],
    ["a number that already exists", { number: "1.2" }, "number", /^Numret 1\.2 används redan av ”Förvaltningen ska/],
    ["an end before the start", { plannedStart: "2026-01-01", plannedEnd: "2025-12-31" }, "plannedEnd", "Slutdatumet kan inte vara före startdatumet"],
    ["a date that does not exist", { plannedStart: "2026-02-30" }, "plannedStart", /^Ange ett datum som finns/],
    ["a goal from another plan", { goalId: "" }, "goalId", "Välj ett av alternativen i listan"],
    ["an unknown term id", { "terms-focus_area": ["00000000-0000-4000-8000-000000000000"] }, "terms-focus_area", "Välj ett av alternativen i listan"],
    ["two terms where one is allowed", { "terms-activity_kind": [] }, "terms-activity_kind", "Välj bara ett alternativ"],
    ["a strategy of another goal", { strategyIds: [] }, "strategyIds", /^Strategin ”Nå fler som använder våld” hör till ett annat mål/],
    ["no responsible organisation", { responsibleIds: [] }, "responsibleIds", "Välj minst en ansvarig organisation"],
    ["an organisation both responsible and co-responsible", { coResponsibleIds: [] }, "coResponsibleIds", /kan inte vara både ansvarig och medansvarig$/],
    ["an external organisation as responsible", { responsibleIds: [] }, "responsibleIds", "Välj ett av alternativen i listan"],
    ["an unknown phase", { phase: "paused" }, "phase", "Välj ett av alternativen i listan"],
    ["a personnummer in the title", { title: `Stöd till ${PNR}` }, "title", /personnummer \(121212-\*\*\*\*\)/],
    ["a personnummer in the description", { description: `Gäller ${PNR}.` }, "description", /personnummer/],
    ["a personnummer in the child-rights text", { childRights: `Barnet ${PNR} hörs.` }, "childRights", /personnummer/],
    ["a personnummer in the board note", { boardNote: PNR }, "boardNote", /personnummer/],
    ["a 200 000-character description", { description: "a".repeat(200_000) }, "description", "Texten är för lång (högst 20000 tecken)"],
    ["a 201-character board note", { boardNote: "b".repeat(201) }, "boardNote", "Texten är för lång (högst 200 tecken)"],
  ];
  // Cases whose bad value needs ids known only after setup.
  const fill = (name: string, form: Record<string, string | string[]>) => {
    if (name === "a goal from another plan") form.goalId = ids.exempelbyGoal!;
    if (name === "two terms where one is allowed") form["terms-activity_kind"] = [ids.kindTogether!, ids.kindOwn!];
    if (name === "a strategy of another goal") form.strategyIds = [ids.normer!, ids.goal2Strategy!];
    if (name === "an organisation both responsible and co-responsible") form.coResponsibleIds = [ids.asf!];
    if (name === "an external organisation as responsible") form.responsibleIds = [ids.polisen!];
    return form;
  };

  for (const [name, change, field, message] of cases) {
    it(`refuses ${name} on a new activity`, async () => {
      const editor = await session("asf.redaktor@malmo.example");
      const before = await counts();
      const form = fill(name, { ...fullForm(), number: "1.9", ...change });
      const res = await editor.submit(NEW, NEW, form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/<title>Fel: /);
      expect(res.body).toContain(`<a href="#${field}">`);
      const shown = fieldError(res.body, field);
      if (typeof message === "string") expect(shown).toBe(message);
      else expect(shown).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it("reports every problem at once, and keeps what was typed", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const before = await counts();
    const res = await editor.submit(NEW, NEW, { ...fullForm(), title: "", number: "1.2", plannedEnd: "2020-01-01", description: `Om ${PNR}`, goalId: ids.exempelbyGoal! });
    expect(res.statusCode).toBe(400);
    for (const field of ["title", "number", "plannedEnd", "description", "goalId"]) expect(fieldError(res.body, field), field).not.toBeNull();
    // The summary lists them in form order.
    const order = [...res.body.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(["number", "title", "description", "goalId", "plannedEnd"]);
    const form = formValues(res.body);
    expect(form.partnerIds).toEqual([ids.polisen]);
    expect(form.boardNote).toBe("revideras varje år");
    expect(await counts()).toEqual(before);
  });

  it("refuses the same bad input when editing, leaving the activity as it was", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const url = `${PLAN}/aktiviteter/${ids.asf12}/redigera`;
    for (const [name, change, field] of cases) {
      if (name === "a number that already exists") continue;
      const page = await editor.get(url);
      const before = await counts();
      const res = await editor.post(url, { _csrf: Session.tokenIn(page.body), ...fill(name, { ...formValues(page.body, url), ...change }) });
      expect(res.statusCode, name).toBe(400);
      expect(fieldError(res.body, field), name).not.toBeNull();
      expect(await counts(), name).toEqual(before);
    }
    const page = await editor.get(url);
    const before = await counts();
    const taken = await editor.post(url, { _csrf: Session.tokenIn(page.body), ...formValues(page.body, url), number: "1.1" });
    expect(fieldError(taken.body, "number")).toMatch(/^Numret 1\.1 används redan av ”/);
    expect(await counts()).toEqual(before);
  });
});

describe("two people and a stale version", () => {
  it("answers 409 with the other person's texts beside yours, and saves nothing until the form is sent again", async () => {
    const anna = await session("asf.redaktor@malmo.example");
    const bo = await session("samordnare@malmo.example");
    const url = `${PLAN}/aktiviteter/${ids.asf12}/redigera`;
    const annaPage = await anna.get(url);
    const boPage = await bo.get(url);
    const annaForm = formValues(annaPage.body, url);
    expect((await anna.post(url, { _csrf: Session.tokenIn(annaPage.body), ...annaForm, title: "Annas titel", boardNote: "Annas notering" })).statusCode).toBe(303);
    const before = await counts();
    const conflict = await bo.post(url, { _csrf: Session.tokenIn(boPage.body), ...formValues(boPage.body, url), title: "Bos titel", boardNote: "Bos notering" });
    expect(conflict.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect(conflict.body).toContain('<div class="conflict-theirs" id="title-theirs">');
    expect(text(conflict.body)).toContain("Annas titel");
    expect(text(conflict.body)).toContain("Annas notering");
    const form = formValues(conflict.body, url);
    expect(form.title).toBe("Bos titel");
    expect((await bo.post(url, { _csrf: Session.tokenIn(conflict.body), ...form })).statusCode).toBe(303);
    expect((await one<{ title: string }>(sql`select title from activity where id = ${ids.asf12}`)).title).toBe("Bos titel");
  });
});

describe("who may add activities where", () => {
  it("lets ASF's editor open ASF's form but answers 403 in the school administration's action plan, by link and by crafted request", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const grf = `${PLAN}/aktiviteter/ny?handlingsplan=grundskoleforvaltningen`;
    expect((await editor.get(grf)).statusCode).toBe(403);
    const page = await editor.get(NEW);
    const before = await counts();
    const res = await editor.post(grf, { _csrf: Session.tokenIn(page.body), ...fullForm(), number: "1.8", responsibleIds: [ids.grf!] });
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const coordinator = await session("samordnare@malmo.example");
    expect((await coordinator.get(grf)).statusCode).toBe(200);
  });

  it("answers 404 for an organisation without an action plan, and for a malformed goal id", async () => {
    const coordinator = await session("samordnare@malmo.example");
    expect((await coordinator.get(`${PLAN}/aktiviteter/ny?handlingsplan=kulturforvaltningen`)).statusCode).toBe(404);
    expect((await coordinator.get(`${NEW}&mal=inte-ett-id`)).statusCode).toBe(404);
    expect((await coordinator.get(`${PLAN}/aktiviteter/ny`)).statusCode).toBe(404);
  });

  it("lets a reader do nothing", async () => {
    const reader = await session("lasare@malmo.example");
    expect((await reader.get(NEW)).statusCode).toBe(403);
    expect((await reader.get(`${PLAN}/aktiviteter/${ids.asf12}/redigera`)).statusCode).toBe(403);
  });

  it("shows the edit, financing and archive links on the public page only to those who may edit", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const own = (await editor.get(`${PLAN}/aktiviteter/${ids.asf12}`)).body;
    expect(own).toContain(`href="${PLAN}/aktiviteter/${ids.asf12}/redigera"`);
    expect(own).toContain(`href="${PLAN}/aktiviteter/${ids.asf12}/redigera#archive"`);
    expect(own).toContain(`href="${PLAN}/aktiviteter/${ids.asf12}/redigera#financing"`);
    const reader = await session("lasare@malmo.example");
    const theirs = (await reader.get(`${PLAN}/aktiviteter/${ids.asf12}`)).body;
    expect(theirs).not.toContain("/redigera");
    expect(theirs).not.toContain("/finansiering");
  });
});
