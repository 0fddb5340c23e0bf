// Shaping a plan's goals (with strategies and what needs to be in place) and taxonomies (with terms) over HTTP, as a
// coordinator would: in the plan's own words, in order, archived and restored, every bad input refused at its field
// with nothing half-saved, two writers without lost text, ids from elsewhere answered 404, and the audit trail.
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
const PLAN = "/malmo/planer/fri-fran-vald";
const GOALS = `${PLAN}/hantera/mal`;
const TAXONOMIES = `${PLAN}/hantera/taxonomier`;
const EXEMPELBY = "/exempelby/planer/tryggare-exempelby";

let planId: string;
let coordinator: Session;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&gt;/g, ">").replace(/\s+/g, " ");
const count = async (query: ReturnType<typeof sql>) => Number((await one<{ n: number }>(query)).n);
const goalCount = () => count(sql`select count(*) as n from goal where plan_id = ${planId}`);
const auditCount = () => count(sql`select count(*) as n from audit_event`);
const goalByNumber = (number: string) => one<{ id: string; title: string; text: string; position: number; version: number; archived_at: Date | null }>(
  sql`select id, title, text, position, version, archived_at from goal where plan_id = ${planId} and number = ${number}`,
);
const auditOf = (subjectId: string) => rows<{ action: string; changes: Array<{ field: string; before: unknown; after: unknown }>; actor: string }>(
  sql`select e.action, e.changes, u.email as actor from audit_event e left join app_user u on u.id = e.actor_user_id where e.subject_id = ${subjectId} order by e.at, e.id`,
);
/** The error message shown at a field. */
const fieldError = (html: string, name: string) =>
  text((new RegExp(`<p class="field__error" id="${name}-error">([\\s\\S]*?)</p>`).exec(html) ?? ["", ""])[1]!).trim();
const summaryLinks = (html: string) => [...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** Posts a form from `pageUrl` to `action` (the page's token) — as the browser does after opening the page. */
async function submit(session: Session, pageUrl: string, action: string, form: Record<string, string>) {
  return session.submit(pageUrl, action, form);
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  planId = (await one<{ id: string }>(sql`select id from plan where slug = 'fri-fran-vald'`)).id;
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("goals, strategies and what needs to be in place", () => {
  let goal7: string;
  let goal8: string;

  it("adds two goals, each with a prerequisite, and strategies; a new goal opens on its own page", async () => {
    const before = await goalCount();
    const created = await submit(coordinator, `${GOALS}/ny`, `${GOALS}/ny`, {
      number: " 7 ", title: "Staden når fler unga med kunskap om relationer", text: "Unga ska veta var de får hjälp.\n\n- i skolan\n- på fritiden", tillbaka: GOALS,
    });
    expect(created.statusCode).toBe(303);
    const g7 = await goalByNumber("7");
    goal7 = g7.id;
    expect(created.headers.location).toBe(`${GOALS}/${goal7}`);
    expect(g7.title).toBe("Staden når fler unga med kunskap om relationer");
    expect(g7.position).toBe(7);
    const page = await coordinator.get(`${GOALS}/${goal7}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="flash"');
    expect(text(page.body)).toContain("Inriktningsmål 7: Staden når fler unga");
    expect(page.body).toContain('<h2 id="strategies-heading">Genom att</h2>');
    expect(page.body).toContain('<h2 id="prerequisites-heading">Detta behöver finnas på plats</h2>');

    expect((await submit(coordinator, `${GOALS}/ny`, `${GOALS}/ny`, { number: "8", title: "Staden följer upp sitt arbete", text: "" })).statusCode).toBe(303);
    goal8 = (await goalByNumber("8")).id;
    expect(await goalCount()).toBe(before + 2);

    for (const [goal, strategies, prerequisite] of [
      [goal7, ["Undervisa om samtycke", "Stärka fritidsledare"], "Utbildningsmaterial för alla skolor"],
      [goal8, ["Samla in siffror varje år"], "En utsedd kontaktperson per förvaltning"],
    ] as const) {
      for (const title of strategies) {
        const res = await submit(coordinator, `${GOALS}/${goal}/strategier/ny`, `${GOALS}/${goal}/strategier/ny`, { title, text: `Så här: ${title.toLowerCase()}.` });
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`${GOALS}/${goal}`);
      }
      const res = await submit(coordinator, `${GOALS}/${goal}/forutsattningar/ny`, `${GOALS}/${goal}/forutsattningar/ny`, { text: prerequisite });
      expect(res.statusCode).toBe(303);
    }
    const strategies = await rows<{ title: string; position: number }>(sql`select title, position from strategy where goal_id = ${goal7} order by position`);
    expect(strategies).toEqual([{ title: "Undervisa om samtycke", position: 1 }, { title: "Stärka fritidsledare", position: 2 }]);
    expect(await rows<{ text: string }>(sql`select text from goal_prerequisite where goal_id = ${goal8}`)).toEqual([{ text: "En utsedd kontaktperson per förvaltning" }]);

    const list = text((await coordinator.get(GOALS)).body);
    expect(list).toContain("7 Staden når fler unga med kunskap om relationer Genom att: 2 · , Detta behöver finnas på plats: 1 · , Aktiviteter: 0");
    expect(list).toContain("Lägg till inriktningsmål");
  });

  it("records who added what, field by field", async () => {
    const events = await auditOf(goal7);
    expect(events).toHaveLength(1);
    expect(events[0]!.action).toBe("goal.created");
    expect(events[0]!.actor).toBe("samordnare@malmo.example");
    expect(events[0]!.changes).toContainEqual({ field: "number", before: null, after: "7" });
    expect(events[0]!.changes).toContainEqual({ field: "title", before: null, after: "Staden når fler unga med kunskap om relationer" });
    const [strategy] = await rows<{ id: string }>(sql`select id from strategy where goal_id = ${goal7} and position = 1`);
    expect((await auditOf(strategy!.id)).map((e) => e.action)).toEqual(["strategy.created"]);
    const [prerequisite] = await rows<{ id: string }>(sql`select id from goal_prerequisite where goal_id = ${goal7}`);
    const prerequisiteEvents = await auditOf(prerequisite!.id);
    expect(prerequisiteEvents.map((e) => e.action)).toEqual(["prerequisite.created"]);
    expect(prerequisiteEvents[0]!.changes).toEqual([{ field: "text", before: null, after: "Utbildningsmaterial för alla skolor" }]);
  });

  it("moves goals and strategies up and down, and says so", async () => {
    const moved = await submit(coordinator, GOALS, `${GOALS}/${goal8}/flytta`, { direction: "up", tillbaka: GOALS });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(GOALS);
    expect((await goalByNumber("8")).position).toBe(7);
    expect((await goalByNumber("7")).position).toBe(8);
    const list = await coordinator.get(GOALS);
    expect(list.body).toContain("Ordningen är ändrad.");
    const listText = text(list.body);
    expect(listText.indexOf("8 Staden följer upp")).toBeLessThan(listText.indexOf("7 Staden når fler unga"));
    // The last one has no "move down"; the button names its row.
    expect(list.body).toContain('aria-label="Flytta upp: 7 Staden når fler unga med kunskap om relationer"');
    expect(list.body).not.toContain('aria-label="Flytta ned: 7 Staden når fler unga med kunskap om relationer"');
    const event = (await auditOf(goal8)).at(-1)!;
    expect(event.action).toBe("goal.moved");
    expect(event.changes).toEqual([{ field: "position", before: "8", after: "7" }]);

    const [first] = await rows<{ id: string }>(sql`select id from strategy where goal_id = ${goal7} and position = 1`);
    expect((await submit(coordinator, `${GOALS}/${goal7}`, `${GOALS}/${goal7}/strategier/${first!.id}/flytta`, { direction: "down", tillbaka: `${GOALS}/${goal7}` })).headers.location)
      .toBe(`${GOALS}/${goal7}`);
    expect(await rows(sql`select title from strategy where goal_id = ${goal7} order by position`)).toEqual([{ title: "Stärka fritidsledare" }, { title: "Undervisa om samtycke" }]);

    // Already first: nothing changes, no event.
    const [top] = await rows<{ id: string; version: number }>(sql`select id, version from goal where plan_id = ${planId} and archived_at is null order by position limit 1`);
    const events = await auditCount();
    expect((await submit(coordinator, GOALS, `${GOALS}/${top!.id}/flytta`, { direction: "up" })).statusCode).toBe(303);
    expect((await coordinator.get(GOALS)).body).not.toContain("Ordningen är ändrad.");
    expect(await auditCount()).toBe(events);
    expect((await one<{ version: number }>(sql`select version from goal where id = ${top!.id}`)).version).toBe(top!.version);
  });

  it("refuses a move without a direction (400) and changes nothing", async () => {
    const before = (await goalByNumber("7")).position;
    const res = await submit(coordinator, GOALS, `${GOALS}/${goal7}/flytta`, { direction: "sideways" });
    expect(res.statusCode).toBe(400);
    expect((await goalByNumber("7")).position).toBe(before);
  });

  it("archives a goal, keeps its number, and restores it", async () => {
    const archived = await submit(coordinator, GOALS, `${GOALS}/${goal7}/arkivera`, { tillbaka: GOALS });
    expect(archived.statusCode).toBe(303);
    expect((await goalByNumber("7")).archived_at).not.toBeNull();
    const list = await coordinator.get(GOALS);
    expect(list.body).toContain("Det är arkiverat.");
    expect(list.body).toContain("<h2>Arkiverade inriktningsmål</h2>");
    expect(list.body).toContain(`action="${GOALS}/${goal7}/aterstall"`);
    expect(list.body).toContain('aria-label="Återställ: 7 Staden når fler unga med kunskap om relationer"');
    expect(list.body).not.toContain(`href="${GOALS}/${goal7}"`);
    // Its page is gone, its history is not.
    expect((await coordinator.get(`${GOALS}/${goal7}`)).statusCode).toBe(404);
    const history = await coordinator.get(`${GOALS}/${goal7}/historik`);
    expect(history.statusCode).toBe(200);
    expect(text(history.body)).toContain("Arkiverade inriktningsmål");
    expect(text(history.body)).toContain("Lade till under ”Genom att”: Undervisa om samtycke");

    // Its number stays taken, with a message that says why.
    const before = await goalCount();
    const again = await submit(coordinator, `${GOALS}/ny`, `${GOALS}/ny`, { number: "7", title: "Ett nytt mål med samma nummer", text: "" });
    expect(again.statusCode).toBe(400);
    expect(fieldError(again.body, "number")).toContain("Nummer 7 hör till ”Staden når fler unga med kunskap om relationer”, som ligger bland de arkiverade. Återställ det eller välj ett annat nummer.");
    expect(await goalCount()).toBe(before);

    const restored = await submit(coordinator, GOALS, `${GOALS}/${goal7}/aterstall`, { tillbaka: GOALS });
    expect(restored.statusCode).toBe(303);
    expect((await goalByNumber("7")).archived_at).toBeNull();
    expect((await coordinator.get(GOALS)).body).toContain("Det är återställt.");
    expect((await coordinator.get(`${GOALS}/${goal7}`)).statusCode).toBe(200);
    const actions = (await auditOf(goal7)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["goal.archived", "goal.restored"]);
  });

  it("archives and restores a strategy and a prerequisite under their goal", async () => {
    const [strategy] = await rows<{ id: string }>(sql`select id from strategy where goal_id = ${goal8}`);
    const [prerequisite] = await rows<{ id: string }>(sql`select id from goal_prerequisite where goal_id = ${goal8}`);
    const page = `${GOALS}/${goal8}`;
    expect((await submit(coordinator, page, `${page}/strategier/${strategy!.id}/arkivera`, { tillbaka: page })).statusCode).toBe(303);
    expect((await submit(coordinator, page, `${page}/forutsattningar/${prerequisite!.id}/arkivera`, { tillbaka: page })).statusCode).toBe(303);
    const body = text((await coordinator.get(page)).body);
    expect(body).toContain("Arkiverade under ”Genom att” Samla in siffror varje år Arkiverad");
    expect(body).toContain("Arkiverade under ”Detta behöver finnas på plats” En utsedd kontaktperson per förvaltning Arkiverad");
    expect(await count(sql`select count(*) as n from strategy where goal_id = ${goal8} and archived_at is null`)).toBe(0);
    // An archived strategy has no form.
    expect((await coordinator.get(`${page}/strategier/${strategy!.id}`)).statusCode).toBe(404);
    expect((await submit(coordinator, page, `${page}/strategier/${strategy!.id}/aterstall`, { tillbaka: page })).statusCode).toBe(303);
    expect(await count(sql`select count(*) as n from strategy where goal_id = ${goal8} and archived_at is null`)).toBe(1);
    expect((await auditOf(strategy!.id)).map((e) => e.action)).toEqual(["strategy.created", "strategy.archived", "strategy.restored"]);
    expect((await auditOf(prerequisite!.id)).map((e) => e.action)).toEqual(["prerequisite.created", "prerequisite.archived"]);
  });

  it("edits a goal and records the change with before and after", async () => {
    const page = await coordinator.get(`${GOALS}/${goal8}`);
    const res = await coordinator.post(`${GOALS}/${goal8}`, {
      _csrf: Session.tokenIn(page.body), version: versionIn(page.body), number: "8", title: "Staden följer upp och lär av sitt arbete", text: "Varje år.", tillbaka: GOALS,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(GOALS);
    const row = await goalByNumber("8");
    expect(row.title).toBe("Staden följer upp och lär av sitt arbete");
    const event = (await auditOf(goal8)).at(-1)!;
    expect(event.action).toBe("goal.updated");
    expect(event.changes).toEqual([
      { field: "title", before: "Staden följer upp sitt arbete", after: "Staden följer upp och lär av sitt arbete" },
      { field: "text", before: "", after: "Varje år." },
    ]);
  });
});

describe("bad input on goals", () => {
  const newGoal = async (form: Record<string, string>) => {
    const goals = await goalCount();
    const events = await auditCount();
    const res = await submit(coordinator, `${GOALS}/ny`, `${GOALS}/ny`, { number: "9", title: "Ett mål", text: "", ...form });
    expect(res.statusCode).toBe(400);
    expect(await goalCount(), "nothing was saved").toBe(goals);
    expect(await auditCount(), "nothing was recorded").toBe(events);
    expect(res.body).toMatch(/<title>Fel: /);
    return res.body;
  };

  it("names every missing field at once, in form order, and keeps what was typed", async () => {
    const body = await newGoal({ number: "", title: "  ", text: "Texten som skrevs" });
    expect(summaryLinks(body)).toEqual(["number", "title"]);
    expect(fieldError(body, "number")).toContain("Ange ett nummer");
    expect(fieldError(body, "title")).toContain("Skriv en rubrik");
    expect(body).toContain("Texten som skrevs</textarea>");
    expect(body.indexOf("<h1")).toBeLessThan(body.indexOf('class="error-summary"'));
  });

  it("refuses a number another goal has", async () => {
    const body = await newGoal({ number: "1" });
    expect(fieldError(body, "number")).toContain("Nummer 1 används redan av ”Staden bedriver ett verkningsfullt våldsförebyggande arbete”");
  });

  it("reports a taken number together with the other fields' problems", async () => {
    const body = await newGoal({ number: "2", title: "", text: "Se 19121212-1212." });
    expect(summaryLinks(body)).toEqual(["number", "title", "text"]);
    expect(fieldError(body, "number")).toContain("Nummer 2 används redan");
  });

  it("refuses a number that is not one", async () => {
    expect(fieldError(await newGoal({ number: "1 och 2" }), "number")).toContain("Använd bokstäver och siffror");
  });

  it("refuses a personal identity number in the text and shows it masked", async () => {
    const body = await newGoal({ text: "Ärendet gäller 19121212-1212 och hennes barn." });
    expect(summaryLinks(body)).toEqual(["text"]);
    expect(fieldError(body, "text")).toContain("121212-****");
    expect(body).not.toContain('id="confirmPersonalData"');
  });

  it("refuses a 200 000-character text with the limit", async () => {
    const body = await newGoal({ text: "a".repeat(200_000) });
    expect(fieldError(body, "text")).toMatch(/20[\s\u00a0]?000/);
  });

  it("asks to confirm a likely private phone number in a strategy, and saves once confirmed", async () => {
    const [goal] = await rows<{ id: string }>(sql`select id from goal where plan_id = ${planId} and number = '2'`);
    const action = `${GOALS}/${goal!.id}/strategier/ny`;
    const form = { title: "Ringa upp", text: "Ring samordnaren på 070-123 45 67." };
    const first = await submit(coordinator, action, action, form);
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain('id="confirmPersonalData"');
    const second = await coordinator.post(action, { _csrf: Session.tokenIn(first.body), ...form, confirmPersonalData: "1" });
    expect(second.statusCode).toBe(303);
    expect(await count(sql`select count(*) as n from strategy where goal_id = ${goal!.id} and title = 'Ringa upp'`)).toBe(1);
  });

  it("refuses an empty strategy title, an empty prerequisite, and an edit that takes another goal's number", async () => {
    const goal2 = (await goalByNumber("2")).id;
    const strategies = await count(sql`select count(*) as n from strategy`);
    const s = await submit(coordinator, `${GOALS}/${goal2}/strategier/ny`, `${GOALS}/${goal2}/strategier/ny`, { title: "", text: "Bara text" });
    expect(s.statusCode).toBe(400);
    expect(fieldError(s.body, "title")).toContain("Skriv en rubrik");
    const p = await submit(coordinator, `${GOALS}/${goal2}/forutsattningar/ny`, `${GOALS}/${goal2}/forutsattningar/ny`, { text: " " });
    expect(p.statusCode).toBe(400);
    expect(fieldError(p.body, "text")).toContain("Skriv vad som behöver finnas på plats");
    expect(await count(sql`select count(*) as n from strategy`)).toBe(strategies);
    expect(await count(sql`select count(*) as n from goal_prerequisite where goal_id = ${goal2}`)).toBe(0);

    const page = await coordinator.get(`${GOALS}/${goal2}`);
    const before = await goalByNumber("2");
    const res = await coordinator.post(`${GOALS}/${goal2}`, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), number: "3", title: "Nytt namn", text: "" });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, "number")).toContain("Nummer 3 används redan");
    const after = await goalByNumber("2");
    expect(after.title).toBe(before.title);
    expect(after.version).toBe(before.version);
  });
});

describe("two people editing the same goal", () => {
  it("answers the second save with 409, shows what the first saved, keeps the second's text, and saves on retry", async () => {
    const goal3 = (await goalByNumber("3")).id;
    const anna = new Session(app);
    await anna.logIn("admin@malmo.example");
    const annaPage = await anna.get(`${GOALS}/${goal3}`);
    const boPage = await coordinator.get(`${GOALS}/${goal3}`);
    const saved = await goalByNumber("3");
    const annaTitle = "Annas rubrik för mål tre";
    const boTitle = "Bos rubrik för mål tre";
    expect((await anna.post(`${GOALS}/${goal3}`, { _csrf: Session.tokenIn(annaPage.body), version: versionIn(annaPage.body), number: "3", title: annaTitle, text: saved.text })).statusCode).toBe(303);

    const events = await auditCount();
    const conflict = await coordinator.post(`${GOALS}/${goal3}`, { _csrf: Session.tokenIn(boPage.body), version: versionIn(boPage.body), number: "3", title: boTitle, text: saved.text });
    expect(conflict.statusCode).toBe(409);
    expect(summaryLinks(conflict.body)[0]).toBe("version");
    expect(conflict.body).toContain('id="version"');
    expect(/<div class="conflict-theirs" id="title-theirs">([\s\S]*?)<\/div>/.exec(conflict.body)![1]).toContain(annaTitle);
    expect(/<textarea id="title"[^>]*>([^<]*)</.exec(conflict.body)![1]).toBe(boTitle);
    expect((await goalByNumber("3")).title).toBe(annaTitle);
    expect(await auditCount()).toBe(events);

    const retry = await coordinator.post(`${GOALS}/${goal3}`, { _csrf: Session.tokenIn(conflict.body), version: versionIn(conflict.body), number: "3", title: boTitle, text: saved.text });
    expect(retry.statusCode).toBe(303);
    expect((await goalByNumber("3")).title).toBe(boTitle);
  });

  it("answers a stale strategy save with 409 too", async () => {
    const goal1 = (await goalByNumber("1")).id;
    const [strategy] = await rows<{ id: string; title: string; text: string }>(sql`select id, title, text from strategy where goal_id = ${goal1} order by position limit 1`);
    const url = `${GOALS}/${goal1}/strategier/${strategy!.id}`;
    const page = await coordinator.get(url);
    const version = versionIn(page.body);
    expect((await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version, title: strategy!.title, text: "Första sparningen." })).statusCode).toBe(303);
    const stale = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version, title: strategy!.title, text: "Andra sparningen." });
    expect(stale.statusCode).toBe(409);
    expect(text(stale.body)).toContain("Första sparningen.");
    expect((await one<{ text: string }>(sql`select text from strategy where id = ${strategy!.id}`)).text).toBe("Första sparningen.");
  });
});

describe("ids that do not belong", () => {
  it("answers 404 for a strategy under another goal, and changes nothing", async () => {
    const goal1 = (await goalByNumber("1")).id;
    const goal2 = (await goalByNumber("2")).id;
    const [strategy] = await rows<{ id: string; title: string; version: number }>(sql`select id, title, version from strategy where goal_id = ${goal1} order by position limit 1`);
    const wrong = `${GOALS}/${goal2}/strategier/${strategy!.id}`;
    expect((await coordinator.get(wrong)).statusCode).toBe(404);
    const page = await coordinator.get(GOALS);
    const token = Session.tokenIn(page.body);
    expect((await coordinator.post(wrong, { _csrf: token, version: String(strategy!.version), title: "Kapad", text: "" })).statusCode).toBe(404);
    expect((await coordinator.post(`${wrong}/arkivera`, { _csrf: token })).statusCode).toBe(404);
    expect((await coordinator.post(`${wrong}/flytta`, { _csrf: token, direction: "down" })).statusCode).toBe(404);
    const after = await one<{ title: string; version: number; archived_at: Date | null }>(sql`select title, version, archived_at from strategy where id = ${strategy!.id}`);
    expect(after).toEqual({ title: strategy!.title, version: strategy!.version, archived_at: null });
  });

  it("answers 404 for a goal of another plan and for malformed ids", async () => {
    const [other] = await rows<{ id: string }>(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' limit 1`);
    expect((await coordinator.get(`${GOALS}/${other!.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`${GOALS}/${other!.id}/strategier/ny`)).statusCode).toBe(404);
    expect((await coordinator.get(`${GOALS}/inte-ett-id`)).statusCode).toBe(404);
    const page = await coordinator.get(GOALS);
    expect((await coordinator.post(`${GOALS}/${other!.id}/arkivera`, { _csrf: Session.tokenIn(page.body) })).statusCode).toBe(404);
    expect((await one<{ archived_at: Date | null }>(sql`select archived_at from goal where id = ${other!.id}`)).archived_at).toBeNull();
  });

  it("answers 404 for a term under another taxonomy", async () => {
    const [term] = await rows<{ id: string; taxonomy_id: string }>(sql`
      select x.id, x.taxonomy_id from term x join taxonomy t on t.id = x.taxonomy_id where t.plan_id = ${planId} and t.key = 'target_group' limit 1`);
    const [other] = await rows<{ id: string }>(sql`select id from taxonomy where plan_id = ${planId} and key = 'focus_area'`);
    const wrong = `${TAXONOMIES}/${other!.id}/termer/${term!.id}`;
    expect((await coordinator.get(wrong)).statusCode).toBe(404);
    const page = await coordinator.get(TAXONOMIES);
    expect((await coordinator.post(`${wrong}/arkivera`, { _csrf: Session.tokenIn(page.body) })).statusCode).toBe(404);
    expect((await coordinator.get(`${TAXONOMIES}/${term!.taxonomy_id}/termer/${term!.id}`)).statusCode).toBe(200);
  });

  it("refuses those without the right: a reader's crafted post gets 403 and saves nothing", async () => {
    const reader = new Session(app);
    await reader.logIn("lasare@malmo.example");
    expect((await reader.get(GOALS)).statusCode).toBe(403);
    const page = await reader.get("/konto");
    const before = await goalCount();
    const res = await reader.post(`${GOALS}/ny`, { _csrf: Session.tokenIn(page.body), number: "42", title: "Kapat", text: "" });
    expect(res.statusCode).toBe(403);
    expect(await goalCount()).toBe(before);
  });
});

describe("taxonomies and terms", () => {
  let arenas: string;

  it("adds a taxonomy with a key from its name, and terms in order", async () => {
    const created = await submit(coordinator, `${TAXONOMIES}/ny`, `${TAXONOMIES}/ny`, { name: "Arenor för insatsen", nameEn: "Arenas", multiple: "0" });
    expect(created.statusCode).toBe(303);
    const row = await one<{ id: string; key: string; multiple: boolean; name_en: string }>(sql`
      select id, key, multiple, name_en from taxonomy where plan_id = ${planId} and name = 'Arenor för insatsen'`);
    arenas = row.id;
    expect(row).toMatchObject({ key: "arenor_for_insatsen", multiple: false, name_en: "Arenas" });
    expect(created.headers.location).toBe(`${TAXONOMIES}/${arenas}`);
    const base = `${TAXONOMIES}/${arenas}`;
    for (const name of ["Skola", "Fritid", "Hem"]) {
      const res = await submit(coordinator, `${base}/termer/ny`, `${base}/termer/ny`, { name, nameEn: "", description: "" });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(base);
    }
    expect(await rows(sql`select key, name, position from term where taxonomy_id = ${arenas} order by position`)).toEqual([
      { key: "skola", name: "Skola", position: 1 }, { key: "fritid", name: "Fritid", position: 2 }, { key: "hem", name: "Hem", position: 3 },
    ]);
    const list = text((await coordinator.get(TAXONOMIES)).body);
    expect(list).toContain("Arenor för insatsen 3 termer · , en per aktivitet");
    const audit = await auditOf(arenas);
    expect(audit.map((e) => e.action)).toEqual(["taxonomy.created"]);
    expect(audit[0]!.changes).toContainEqual({ field: "key", before: null, after: "arenor_for_insatsen" });
  });

  it("moves, archives and restores a term; an archived term keeps its key", async () => {
    const base = `${TAXONOMIES}/${arenas}`;
    const hem = await one<{ id: string }>(sql`select id from term where taxonomy_id = ${arenas} and key = 'hem'`);
    expect((await submit(coordinator, base, `${base}/termer/${hem.id}/flytta`, { direction: "up", tillbaka: base })).statusCode).toBe(303);
    expect(await rows(sql`select key from term where taxonomy_id = ${arenas} order by position`)).toEqual([{ key: "skola" }, { key: "hem" }, { key: "fritid" }]);
    expect((await submit(coordinator, base, `${base}/termer/${hem.id}/arkivera`, { tillbaka: base })).statusCode).toBe(303);
    const page = text((await coordinator.get(base)).body);
    expect(page).toContain("Arkiverade termer Hem Arkiverad");
    // A new "Hem" gets a key of its own; the archived one keeps "hem".
    expect((await submit(coordinator, `${base}/termer/ny`, `${base}/termer/ny`, { name: "Hem", nameEn: "", description: "" })).statusCode).toBe(303);
    expect(await rows(sql`select key, archived_at is not null as archived from term where taxonomy_id = ${arenas} and name = 'Hem' order by key`)).toEqual([
      { key: "hem", archived: true }, { key: "hem_2", archived: false },
    ]);
    expect((await submit(coordinator, base, `${base}/termer/${hem.id}/aterstall`, { tillbaka: base })).statusCode).toBe(303);
    expect((await auditOf(hem.id)).map((e) => e.action)).toEqual(["term.created", "term.moved", "term.archived", "term.restored"]);
  });

  it("renames a taxonomy the software looks for and keeps its key", async () => {
    const target = await one<{ id: string; version: number }>(sql`select id, version from taxonomy where plan_id = ${planId} and key = 'target_group'`);
    const url = `${TAXONOMIES}/${target.id}`;
    const page = await coordinator.get(url);
    expect(page.body).toContain("<code>target_group</code>");
    const res = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), name: "Vilka insatsen riktas till", nameEn: "Who it is for", multiple: "1" });
    expect(res.statusCode).toBe(303);
    expect(await one(sql`select key, name from taxonomy where id = ${target.id}`)).toEqual({ key: "target_group", name: "Vilka insatsen riktas till" });
    const event = (await auditOf(target.id)).at(-1)!;
    expect(event.action).toBe("taxonomy.updated");
    expect(event.changes).toContainEqual({ field: "name", before: "Målgrupper", after: "Vilka insatsen riktas till" });
  });

  it("refuses an empty name, a name the plan has, and 'one term' while activities carry several", async () => {
    const before = await count(sql`select count(*) as n from taxonomy where plan_id = ${planId}`);
    const empty = await submit(coordinator, `${TAXONOMIES}/ny`, `${TAXONOMIES}/ny`, { name: "", multiple: "1" });
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, "name")).toContain("Skriv ett namn");
    const taken = await submit(coordinator, `${TAXONOMIES}/ny`, `${TAXONOMIES}/ny`, { name: "arenor för insatsen", multiple: "1" });
    expect(taken.statusCode).toBe(400);
    expect(fieldError(taken.body, "name")).toContain("Planen har redan en taxonomi som heter");
    expect(await count(sql`select count(*) as n from taxonomy where plan_id = ${planId}`)).toBe(before);

    const focus = await one<{ id: string; multiple: boolean }>(sql`select id, multiple from taxonomy where plan_id = ${planId} and key = 'focus_area'`);
    const several = await count(sql`
      select count(*) as n from (select at.activity_id from activity_term at join term x on x.id = at.term_id
      where x.taxonomy_id = ${focus.id} group by at.activity_id having count(*) > 1) s`);
    expect(several, "the demo has activities with several focus areas").toBeGreaterThan(0);
    const url = `${TAXONOMIES}/${focus.id}`;
    const page = await coordinator.get(url);
    const res = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), name: "Fokusområden", nameEn: "Focus areas", multiple: "0" });
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(["multiple"]);
    expect(fieldError(res.body, "multiple")).toContain("används redan tillsammans");
    expect((await one<{ multiple: boolean }>(sql`select multiple from taxonomy where id = ${focus.id}`)).multiple).toBe(true);
  });

  it("refuses a personal identity number and 200 000 characters in a term, and a stale term save", async () => {
    const base = `${TAXONOMIES}/${arenas}`;
    const terms = await count(sql`select count(*) as n from term where taxonomy_id = ${arenas}`);
    const pnr = await submit(coordinator, `${base}/termer/ny`, `${base}/termer/ny`, { name: "Skolgården", description: "Se 19121212-1212." });
    expect(pnr.statusCode).toBe(400);
    expect(fieldError(pnr.body, "description")).toContain("121212-****");
    const long = await submit(coordinator, `${base}/termer/ny`, `${base}/termer/ny`, { name: "Skolgården", description: "b".repeat(200_000) });
    expect(long.statusCode).toBe(400);
    expect(summaryLinks(long.body)).toEqual(["description"]);
    expect(await count(sql`select count(*) as n from term where taxonomy_id = ${arenas}`)).toBe(terms);

    const skola = await one<{ id: string }>(sql`select id from term where taxonomy_id = ${arenas} and key = 'skola'`);
    const url = `${base}/termer/${skola.id}`;
    const page = await coordinator.get(url);
    expect((await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), name: "Skolan", nameEn: "School", description: "" })).statusCode).toBe(303);
    const stale = await coordinator.post(url, { _csrf: Session.tokenIn(page.body), version: versionIn(page.body), name: "Grundskolan", nameEn: "", description: "" });
    expect(stale.statusCode).toBe(409);
    expect(/<div class="conflict-theirs" id="name-theirs">([\s\S]*?)<\/div>/.exec(stale.body)![1]).toContain("Skolan");
    expect(await one(sql`select key, name, name_en from term where id = ${skola.id}`)).toEqual({ key: "skola", name: "Skolan", name_en: "School" });
  });

  it("keeps the taxonomy's history, archived terms included", async () => {
    const history = text((await coordinator.get(`${TAXONOMIES}/${arenas}/historik`)).body);
    expect(history).toContain("Skapade taxonomin");
    expect(history).toContain("Arkiverade en term: Hem");
    expect(history).toContain("Ändrade en term: Skolan");
    expect((await submit(coordinator, TAXONOMIES, `${TAXONOMIES}/${arenas}/arkivera`, { tillbaka: TAXONOMIES })).statusCode).toBe(303);
    expect((await coordinator.get(`${TAXONOMIES}/${arenas}`)).statusCode).toBe(404);
    expect((await coordinator.get(`${TAXONOMIES}/${arenas}/historik`)).statusCode).toBe(200);
    expect((await coordinator.get(TAXONOMIES)).body).toContain(`action="${TAXONOMIES}/${arenas}/aterstall"`);
  });
});

describe("the plan's own words", () => {
  it("speaks of focus areas in a plan that has them", async () => {
    const [ws] = await rows<{ id: string }>(sql`select id from workspace where slug = 'exempelby'`);
    const [user] = await rows<{ id: string }>(sql`select id from app_user where email = 'samordnare@malmo.example'`);
    await database.db.execute(sql`insert into membership (workspace_id, user_id, role) values (${ws!.id}, ${user!.id}, 'coordinator')`);
    const list = await coordinator.get(`${EXEMPELBY}/hantera/mal`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("<h1>Fokusområden</h1>");
    expect(list.body).toContain("Lägg till fokusområde");
    expect(list.body).not.toMatch(/inriktningsmål/i);
    const [goal] = await rows<{ id: string }>(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' order by g.position limit 1`);
    const page = await coordinator.get(`${EXEMPELBY}/hantera/mal/${goal!.id}`);
    expect(page.body).toContain('<h2 id="strategies-heading">Så här arbetar vi</h2>');
    expect(text(page.body)).toContain("Fokusområde 1: Förebygga våld innan det sker");
    expect(text(page.body)).toContain("En utsedd samordnare i varje förvaltning");
    const english = new Session(app);
    await english.logIn("samordnare@malmo.example");
    await english.get("/sprak/en?tillbaka=/");
    const en = await english.get(`${EXEMPELBY}/hantera/mal`);
    expect(en.body).toContain("<h1>Focus areas</h1>");
    expect(en.body).toContain("Add focus area");
    expect(en.body).toContain('<span lang="sv">Förebygga våld innan det sker</span>');
  });
});
