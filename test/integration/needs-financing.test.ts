// Needs and financing over HTTP: a need created and turned into an activity (both links set, audited on both), an
// editor naming only their own organisation, bad input with field errors and nothing half-saved, a stale version,
// archiving; an activity's financing added, edited and removed, amounts shown as "250 000 kr".
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
const PNR = "19121212-1212";

const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await queryRows<T>(database.db, query);
  if (!row) throw new Error(`no row for ${JSON.stringify(query)}`);
  return row;
};
const idOf = async (query: ReturnType<typeof sql>) => (await one<{ id: string }>(query)).id;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
const fieldError = (html: string, name: string) => {
  const m = new RegExp(`<p class="field__error" id="${name}-error">([\\s\\S]*?)</p>`).exec(html);
  return m ? text(m[1]!).replace(/^\s*Fel:\s*/, "").trim() : null;
};

async function counts() {
  return one<Record<string, number>>(sql`select
    (select count(*)::int from need) as needs,
    (select count(*)::int from need_term) as needTerms,
    (select coalesce(sum(version), 0)::int from need) as needVersions,
    (select count(*)::int from activity) as activities,
    (select count(*)::int from financing) as financing,
    (select coalesce(sum(version), 0)::int from financing) as financingVersions,
    (select count(*)::int from audit_event) as audit`);
}

const ids: Record<string, string> = {};
const term = (taxonomy: string, key: string) =>
  idOf(sql`select t.id from term t join taxonomy x on x.id = t.taxonomy_id join plan p on p.id = x.plan_id where p.slug = 'fri-fran-vald' and x.key = ${taxonomy} and t.key = ${key}`);
const org = (slug: string) => idOf(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.slug = ${slug}`);

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  ids.goal2 = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '2'`);
  ids.goal3 = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '3'`);
  ids.exempelbyGoal = await idOf(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' and g.number = '1'`);
  ids.unga = await term("target_group", "unga");
  ids.valdsutovare = await term("target_group", "valdsutovare");
  ids.indikerad = await term("prevention_level", "indikerad");
  ids.kindOwn = await term("activity_kind", "verksamhetsspecifik");
  ids.asf = await org("asf");
  ids.fritid = await org("fritidsforvaltningen");
  ids.asf21 = await idOf(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '2.1'`);
  ids.fritidNeed = await idOf(sql`select n.id from need n where n.organisation_id = ${ids.fritid}`);
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

const NEW_NEED = `${PLAN}/behov/ny`;
function needForm(): Record<string, string | string[]> {
  return {
    version: "0", tillbaka: "", title: "Stöd till unga som utövar våld i skolan",
    description: "Skolornas elevhälsa saknar en väg att hänvisa unga som själva använder våld.", goalId: ids.goal2!, organisationId: "",
    "terms-target_group": [ids.unga!, ids.valdsutovare!], "terms-prevention_level": [ids.indikerad!], boardNote: "Tas upp i samordningsgruppen",
  };
}

let needId: string;

describe("a need", () => {
  it("is created by the coordinator under a goal, with terms and a board note, and audited", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const page = await coordinator.get(`${NEW_NEED}?mal=${ids.goal2}`);
    expect(page.statusCode).toBe(200);
    expect(formValues(page.body).goalId).toBe(ids.goal2);
    expect(page.body).toContain("Ingen särskild (samordnaren)");
    const before = await counts();
    const res = await coordinator.submit(NEW_NEED, NEW_NEED, needForm());
    expect(res.statusCode, text(res.body).slice(0, 400)).toBe(303);
    expect(res.headers.location).toBe(`${PLAN}/mal/2`);
    const row = await one<{ id: string; goal_id: string; organisation_id: string | null; board_note: string }>(sql`select * from need where title = 'Stöd till unga som utövar våld i skolan'`);
    needId = row.id;
    expect(row).toMatchObject({ goal_id: ids.goal2, organisation_id: null, board_note: "Tas upp i samordningsgruppen" });
    const terms = (await queryRows<{ id: string }>(database.db, sql`select term_id as id from need_term where need_id = ${needId}`)).map((r) => r.id).sort();
    expect(terms).toEqual([ids.unga, ids.valdsutovare, ids.indikerad].sort());
    const after = await counts();
    expect(after.needs).toBe(before.needs! + 1);
    const audit = await one<{ action: string; changes: Array<{ field: string; after: string }> }>(sql`select action, changes from audit_event where subject_id = ${needId}`);
    expect(audit.action).toBe("need.created");
    expect(audit.changes.find((c) => c.field === "Målgrupper")?.after).toBe("Unga, Våldsutövare");
  });

  it("is edited with a version: a stale save gets 409 with the other text, a fresh one is audited", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const admin = await session("admin@malmo.example");
    const url = `${PLAN}/behov/${needId}`;
    const first = await coordinator.get(url);
    const second = await admin.get(url);
    expect(first.statusCode).toBe(200);
    const saved = await coordinator.post(url, { _csrf: Session.tokenIn(first.body), ...formValues(first.body, url), title: "Stöd till unga som använder våld", "terms-prevention_level": [] });
    expect(saved.statusCode, text(saved.body).slice(0, 600)).toBe(303);
    const before = await counts();
    const stale = await admin.post(url, { _csrf: Session.tokenIn(second.body), ...formValues(second.body, url), title: "Administratörens titel" });
    expect(stale.statusCode).toBe(409);
    expect(text(stale.body)).toContain("Stöd till unga som använder våld");
    expect(formValues(stale.body, url).title).toBe("Administratörens titel");
    expect(await counts()).toEqual(before);
    const audit = await one<{ changes: Array<{ field: string; before: string | null; after: string | null }> }>(
      sql`select changes from audit_event where subject_id = ${needId} and action = 'need.updated'`,
    );
    expect(audit.changes).toEqual([
      { field: "title", before: "Stöd till unga som utövar våld i skolan", after: "Stöd till unga som använder våld" },
      { field: "Preventionsnivåer", before: "Indikerad", after: null },
    ]);
  });

  it("refuses bad input with a field error and saves nothing", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const cases: Array<[Record<string, string | string[]>, string, RegExp]> = [
      [{ title: "" }, "title", /^Skriv en titel$/],
      [{ goalId: ids.exempelbyGoal! }, "goalId", /^Välj ett av alternativen i listan$/],
      [{ "terms-target_group": ["00000000-0000-4000-8000-000000000000"] }, "terms-target_group", /^Välj ett av alternativen i listan$/],
      [{ organisationId: "00000000-0000-4000-8000-000000000000" }, "organisationId", /^Välj ett av alternativen i listan$/],
      [{ description: `Gäller ${PNR}` }, "description", /personnummer \(121212-\*\*\*\*\)/],
      [{ title: `Behov för ${PNR}` }, "title", /personnummer/],
      [{ description: "x".repeat(200_000) }, "description", /^Texten är för lång \(högst 20000 tecken\)$/],
    ];
    for (const [change, field, message] of cases) {
      const before = await counts();
      const res = await coordinator.submit(NEW_NEED, NEW_NEED, { ...needForm(), title: "Ett annat behov", ...change });
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(`<a href="#${field}">`);
      expect(fieldError(res.body, field), field).toMatch(message);
      expect(await counts(), field).toEqual(before);
      // The same on an existing need.
      const url = `${PLAN}/behov/${needId}`;
      const page = await coordinator.get(url);
      const edit = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), ...formValues(page.body, url), ...change });
      expect(edit.statusCode, field).toBe(400);
      expect(fieldError(edit.body, field), field).toMatch(message);
      expect(await counts(), field).toEqual(before);
    }
  });

  it("lets an editor name only their own organisation, and not open another organisation's need", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(NEW_NEED);
    expect(page.statusCode).toBe(200);
    const options = [...page.body.matchAll(/<select id="organisationId"[\s\S]*?<\/select>/g)][0]![0];
    expect([...options.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([ids.asf]);
    const before = await counts();
    const other = await editor.submit(NEW_NEED, NEW_NEED, { ...needForm(), organisationId: ids.fritid! });
    expect(other.statusCode).toBe(400);
    expect(fieldError(other.body, "organisationId")).toBe("Du kan bara ange din egen organisation");
    const none = await editor.submit(NEW_NEED, NEW_NEED, { ...needForm(), organisationId: "" });
    expect(fieldError(none.body, "organisationId")).toBe("Välj din organisation");
    expect(await counts()).toEqual(before);
    const own = await editor.submit(NEW_NEED, NEW_NEED, { ...needForm(), title: "ASF:s behov", organisationId: ids.asf! });
    expect(own.statusCode).toBe(303);
    expect((await editor.get(`${PLAN}/behov/${ids.fritidNeed}`)).statusCode).toBe(403);
    expect((await (await session("lasare@malmo.example")).get(NEW_NEED)).statusCode).toBe(403);
  });

  it("is turned into an activity: the form is prefilled, and saving links both ways, audited on both", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const needPage = await coordinator.get(`${PLAN}/behov/${needId}`);
    // The coordinator may write every action plan: a choice of action plan, sent to the activity form.
    expect(needPage.body).toContain(`<form method="get" action="${PLAN}/aktiviteter/ny"`);
    expect(needPage.body).toContain(`<input type="hidden" name="behov" value="${needId}"/>`);
    const editor = await session("asf.redaktor@malmo.example");
    const asfNeed = await idOf(sql`select id from need where title = 'ASF:s behov'`);
    const asfNeedPage = await editor.get(`${PLAN}/behov/${asfNeed}`);
    expect(asfNeedPage.body).toContain(`href="${PLAN}/aktiviteter/ny?handlingsplan=asf&amp;behov=${asfNeed}"`);

    const url = `${PLAN}/aktiviteter/ny?handlingsplan=asf&behov=${needId}`;
    const page = await coordinator.get(url);
    expect(page.statusCode).toBe(200);
    const form = formValues(page.body);
    expect(form.title).toBe("Stöd till unga som använder våld");
    expect(form.description).toBe("Skolornas elevhälsa saknar en väg att hänvisa unga som själva använder våld.");
    expect(form.goalId).toBe(ids.goal2);
    expect(form["terms-target_group"]).toEqual([ids.unga, ids.valdsutovare]);
    expect(form.behov).toBe(needId);
    expect(form.number).toMatch(/^2\.\d+$/);
    expect(text(page.body)).toContain("Formuläret är ifyllt från behovet");

    const res = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), ...form, "terms-activity_kind": ids.kindOwn!, childRights: "Barnen i familjen får eget stöd." });
    expect(res.statusCode, text(res.body).slice(0, 400)).toBe(303);
    const activity = await one<{ id: string; from_need_id: string; number: string }>(sql`select id, from_need_id, number from activity where from_need_id = ${needId}`);
    const need = await one<{ became_activity_id: string }>(sql`select became_activity_id from need where id = ${needId}`);
    expect(need.became_activity_id).toBe(activity.id);
    const events = await queryRows<{ action: string; subject_type: string; changes: Array<{ field: string; after: string }> }>(
      database.db, sql`select action, subject_type, changes from audit_event where subject_id in (${activity.id}, ${needId}) order by action`,
    );
    const created = events.find((e) => e.action === "activity.created")!;
    expect(created.changes.find((c) => c.field === "fromNeed")?.after).toBe("Stöd till unga som använder våld");
    const became = events.find((e) => e.action === "need.becameActivity")!;
    expect(became.subject_type).toBe("need");
    expect(became.changes[0]!.after).toBe(`${activity.number} Stöd till unga som använder våld`);

    // It is not made twice, and the need's page now points at the activity.
    expect((await coordinator.get(url)).statusCode).toBe(404);
    const before = await counts();
    expect((await coordinator.post(url, { _csrf: Session.tokenIn(page.body), ...form })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await coordinator.get(`${PLAN}/behov/${needId}`)).body).toContain(`href="${PLAN}/aktiviteter/${activity.id}"`);
    // The public activity page names the need it grew from.
    expect(text((await app.inject({ method: "GET", url: `${PLAN}/aktiviteter/${activity.id}` })).body)).toContain("Växte fram ur behovet");
  });

  it("is archived, never deleted", async () => {
    const coordinator = await session("samordnare@malmo.example");
    const asfNeed = await idOf(sql`select id from need where title = 'ASF:s behov'`);
    const url = `${PLAN}/behov/${asfNeed}`;
    const page = await coordinator.get(url);
    const version = formValues(page.body, url).version as string;
    expect((await coordinator.post(`${url}/arkivera`, { _csrf: Session.tokenIn(page.body), version: "0" })).statusCode).toBe(409);
    const res = await coordinator.post(`${url}/arkivera`, { _csrf: Session.tokenIn(page.body), version });
    expect(res.statusCode).toBe(303);
    expect((await one<{ archived_at: Date | null }>(sql`select archived_at from need where id = ${asfNeed}`)).archived_at).not.toBeNull();
    expect((await coordinator.get(url)).statusCode).toBe(404);
  });
});

describe("an activity's financing", () => {
  const base = () => `${PLAN}/aktiviteter/${ids.asf21}`;
  let financingId: string;

  it("is added through the form and shown on the public page with amounts in kronor", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const editPage = await editor.get(`${base()}/redigera`);
    expect(editPage.body).toContain(`href="${base()}/finansiering/ny"`);
    const url = `${base()}/finansiering/ny`;
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("Till exempel Jämställdhetsmyndigheten, Länsstyrelsen eller ett statsbidrag.");
    const before = await counts();
    const res = await editor.submit(url, url, {
      source: "Länsstyrelsen Skåne, utvecklingsmedel", appliedOn: "2025-02-03", amountApplied: "250 000", decision: "partly_granted",
      decidedOn: "2025-04-10", amountGranted: "180000 kr", note: "Beviljat för 2025.",
    });
    expect(res.statusCode, text(res.body).slice(0, 400)).toBe(303);
    expect(res.headers.location).toBe(`${base()}/redigera#financing`);
    const row = await one<{ id: string; amount_applied: number; amount_granted: number; decision: string; applied_on: string; decided_on: string }>(
      // bigint comes back as text from node-postgres and as a number from PGlite: read the amounts as int on both.
      sql`select id, amount_applied::int as amount_applied, amount_granted::int as amount_granted, decision, applied_on, decided_on from financing where source = 'Länsstyrelsen Skåne, utvecklingsmedel'`,
    );
    financingId = row.id;
    expect(row).toMatchObject({ amount_applied: 250000, amount_granted: 180000, decision: "partly_granted", applied_on: "2025-02-03", decided_on: "2025-04-10" });
    expect((await counts()).financing).toBe(before.financing! + 1);
    const audit = await one<{ action: string; subject_type: string; changes: Array<{ field: string; after: string }> }>(
      sql`select action, subject_type, changes from audit_event where subject_id = ${ids.asf21} order by at desc limit 1`,
    );
    expect(audit).toMatchObject({ action: "financing.added", subject_type: "activity" });
    expect(audit.changes.find((c) => c.field === "financingAmountApplied")?.after).toBe("250000");

    const publicPage = text((await app.inject({ method: "GET", url: base() })).body);
    expect(publicPage).toMatch(/250\s000 kr/);
    expect(publicPage).toMatch(/180\s000 kr/);
    expect(publicPage).toContain("Delvis beviljad, 10 april 2025");
    expect(publicPage).toContain("Beviljat för 2025.");
    // The edit page lists it with its edit link and a remove button named after it.
    const list = (await editor.get(`${base()}/redigera`)).body;
    expect(list).toContain(`href="${base()}/finansiering/${financingId}"`);
    expect(list).toContain('aria-label="Ta bort: Länsstyrelsen Skåne, utvecklingsmedel"');
  });

  it("refuses bad input with a field error and saves nothing", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const url = `${base()}/finansiering/ny`;
    const good = { source: "Jämställdhetsmyndigheten", appliedOn: "2025-01-10", amountApplied: "100 000", decision: "pending", decidedOn: "", amountGranted: "", note: "" };
    const cases: Array<[Record<string, string>, string, string | RegExp]> = [
      [{ source: " " }, "source", "Skriv varifrån pengarna söks"],
      [{ amountApplied: "-5" }, "amountApplied", "Ange ett belopp i hela kronor, som 250 000"],
      [{ amountApplied: "12,5" }, "amountApplied", "Ange ett belopp i hela kronor, som 250 000"],
      [{ decidedOn: "2025-01-09" }, "decidedOn", "Beslutsdatumet kan inte vara före ansökningsdatumet"],
      [{ appliedOn: "2025-13-01" }, "appliedOn", /^Ange ett datum som finns/],
      [{ amountGranted: "50 000" }, "amountGranted", "Ett beviljat belopp kräver beslutet ”Beviljad” eller ”Delvis beviljad”"],
      [{ decision: "maybe" }, "decision", "Välj ett av alternativen i listan"],
      [{ note: `Kontakt ${PNR}` }, "note", /personnummer/],
      [{ source: "s".repeat(301) }, "source", "Texten är för lång (högst 300 tecken)"],
    ];
    for (const [change, field, message] of cases) {
      const before = await counts();
      const res = await editor.submit(url, url, { ...good, ...change });
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(`<a href="#${field}">`);
      if (typeof message === "string") expect(fieldError(res.body, field)).toBe(message);
      else expect(fieldError(res.body, field)).toMatch(message);
      expect(await counts()).toEqual(before);
    }
  });

  it("is edited with a version, and a stale save gets 409", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const coordinator = await session("samordnare@malmo.example");
    const url = `${base()}/finansiering/${financingId}`;
    const mine = await editor.get(url);
    const theirs = await coordinator.get(url);
    const form = formValues(mine.body, url);
    expect(form).toMatchObject({ amountApplied: "250000", decision: "partly_granted", amountGranted: "180000" });
    const res = await editor.post(url, { _csrf: Session.tokenIn(mine.body), ...form, decision: "granted", amountGranted: "250000" });
    expect(res.statusCode).toBe(303);
    const audit = await one<{ action: string; changes: Array<{ field: string; before: string | null; after: string | null }> }>(
      sql`select action, changes from audit_event where subject_id = ${ids.asf21} order by at desc limit 1`,
    );
    expect(audit.action).toBe("financing.changed");
    expect(audit.changes).toEqual([
      { field: "financingSource", before: "Länsstyrelsen Skåne, utvecklingsmedel", after: "Länsstyrelsen Skåne, utvecklingsmedel" },
      { field: "financingDecision", before: "partly_granted", after: "granted" },
      { field: "financingAmountGranted", before: "180000", after: "250000" },
    ]);
    const before = await counts();
    const stale = await coordinator.post(url, { _csrf: Session.tokenIn(theirs.body), ...formValues(theirs.body, url), note: "Samordnarens kommentar" });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("is removed (a delete, audited with what it held), and the history says so", async () => {
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(`${base()}/redigera`);
    const action = `${base()}/finansiering/${financingId}/ta-bort`;
    const version = formValues(page.body, action).version as string;
    expect((await editor.post(action, { _csrf: Session.tokenIn(page.body), version: String(Number(version) - 1) })).statusCode).toBe(409);
    const before = await counts();
    const res = await editor.post(action, { _csrf: Session.tokenIn(page.body), version });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base()}/redigera#financing`);
    expect((await counts()).financing).toBe(before.financing! - 1);
    const audit = await one<{ action: string; changes: Array<{ field: string; before: string | null; after: string | null }> }>(
      sql`select action, changes from audit_event where subject_id = ${ids.asf21} order by at desc limit 1`,
    );
    expect(audit.action).toBe("financing.removed");
    expect(audit.changes).toContainEqual({ field: "financingSource", before: "Länsstyrelsen Skåne, utvecklingsmedel", after: null });
    expect(audit.changes).toContainEqual({ field: "financingAmountApplied", before: "250000", after: null });
    const after = await editor.get(`${base()}/redigera`);
    expect(text(after.body)).toContain("Finansieringen är borttagen.");
    const history = text((await editor.get(`${base()}/historik`)).body);
    expect(history).toContain("Tog bort finansiering");
    expect(history).toContain("Finansiering: källa");
    expect((await editor.get(`${base()}/finansiering/${financingId}`)).statusCode).toBe(404);
  });

  it("is out of reach for those who may not edit the activity", async () => {
    const reader = await session("lasare@malmo.example");
    expect((await reader.get(`${base()}/finansiering/ny`)).statusCode).toBe(403);
    const grfActivity = await idOf(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '1.4'`);
    const editor = await session("asf.redaktor@malmo.example");
    const page = await editor.get(`${base()}/finansiering/ny`);
    const before = await counts();
    const res = await editor.post(`${PLAN}/aktiviteter/${grfActivity}/finansiering/ny`, { _csrf: Session.tokenIn(page.body), source: "Kapad", decision: "pending" });
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
