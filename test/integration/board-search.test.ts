// The per-goal board (columns, completed fold, cancelled gone, filters in the URL), what internal readers see on the
// plan's pages (drafts and unaccepted reports marked, unpublished plans), and search in Swedish with highlights.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { users } from "../../src/db/schema/index.ts";
import { hashPassword } from "../../src/domain/password.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let state: AppState;
let app: FastifyInstance;
const PLAN = "/malmo/planer/fri-fran-vald";
const GOAL1 = `${PLAN}/mal/1`;
const DRAFT_TITLE = "Fritidsgårdarna ska hålla samtalsgrupper för unga om normer, relationer och gränser.";

const get = (url: string) => app.inject({ method: "GET", url });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/\s+/g, " ");
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const exec = async (query: ReturnType<typeof sql>) => {
  await database.db.execute(query);
  state.cache.invalidate();
};

/** The activity numbers per board column (all rows of a split board together) and in the completed fold. */
function boardOf(html: string) {
  const start = html.indexOf('id="board"');
  const end = html.indexOf("<h2", start + 1);
  const board = html.slice(start, end);
  const columns: Record<string, string[]> = {};
  for (const m of board.matchAll(/<div class="board__column"><h[34] class="board__heading">([^<]+)<\/h[34]>(.*?)<\/div>/gs)) {
    const numbers = [...m[2]!.matchAll(/Aktivitet (\d+\.\d+)/g)].map((n) => n[1]!);
    columns[m[1]!] = [...(columns[m[1]!] ?? []), ...numbers];
    if (m[1] === "Behov av insatser") columns.needTitles = [...(columns.needTitles ?? []), ...[...m[2]!.matchAll(/<span>([^<]+)<\/span>/g)].map((n) => n[1]!)];
  }
  const completed = /<details class="board-completed"[^>]*><summary>([^<]*)<\/summary>(.*?)<\/details>/s.exec(board);
  return {
    ongoing: (columns["Pågående arbete"] ?? []).sort(),
    underDevelopment: (columns["Aktiviteter under utveckling"] ?? []).sort(),
    needs: columns.needTitles ?? [],
    completedSummary: completed?.[1] ?? null,
    completed: completed ? [...completed[2]!.matchAll(/Aktivitet (\d+\.\d+)/g)].map((n) => n[1]!).sort() : [],
    all: [...(columns["Pågående arbete"] ?? []), ...(columns["Aktiviteter under utveckling"] ?? []), ...(completed ? [...completed[2]!.matchAll(/Aktivitet (\d+\.\d+)/g)].map((n) => n[1]!) : [])].sort(),
    html: board,
  };
}

/** Activities of goal 1 the public sees on the board, narrowed by a SQL condition: how many, and the numbered ones. */
async function expectedOnBoard(where: ReturnType<typeof sql>): Promise<{ count: number; numbers: string[] }> {
  const found = await rows<{ number: string | null }>(sql`
    select a.number from activity a join plan p on p.id = a.plan_id join goal g on g.id = a.goal_id
    left join action_plan ap on ap.id = a.action_plan_id
    where p.slug = 'fri-fran-vald' and g.number = '1' and a.archived_at is null
      and a.phase <> 'cancelled' and (ap.state is distinct from 'draft') and ${where}`);
  return { count: found.length, numbers: found.flatMap((r) => (r.number ? [r.number] : [])).sort() };
}

const hasTerm = (taxonomy: string, term: string) => sql`exists (select 1 from activity_term at join term t on t.id = at.term_id
  join taxonomy x on x.id = t.taxonomy_id where at.activity_id = a.id and x.key = ${taxonomy} and t.key = ${term})`;
const hasOrganisation = (slug: string) => sql`exists (select 1 from activity_organisation ao join organisation o on o.id = ao.organisation_id
  where ao.activity_id = a.id and o.slug = ${slug} and ao.role in ('responsible', 'co_responsible'))`;

async function activityId(number: string, planSlug = "fri-fran-vald"): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = ${planSlug} and a.number = ${number}`);
  return row!.id;
}

async function logIn(email: string) {
  const session = new Session(app);
  const res = await session.logIn(email);
  expect(res.statusCode).toBe(303);
  return session;
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
  // A person with an account but no role anywhere: reads exactly what the public reads.
  await database.db.insert(users).values({ email: "utan.roll@example.se", name: "Utan Roll", passwordHash: await hashPassword("samverka-demo") });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the board", () => {
  it("puts ongoing, planned and under-development activities and open needs in their columns on the demo", async () => {
    const res = await get(GOAL1);
    expect(res.statusCode).toBe(200);
    const board = boardOf(res.body);
    expect(board.ongoing).toEqual(["1.2", "1.3", "1.4", "1.5"]);
    expect(board.underDevelopment).toEqual(["1.1"]);
    expect(board.needs).toEqual(["Gemensamt material om våldsförebyggande arbete för fritidsgårdar"]);
    expect(board.completedSummary).toBeNull();
    // The board is split by the plan's "Riktas till" taxonomy.
    expect(text(board.html)).toContain("För medarbetare");
  });

  it("follows a change of phase: planned → under development, completed → the folded list, cancelled → off the board", async () => {
    const [a11, a12, a13] = [await activityId("1.1"), await activityId("1.2"), await activityId("1.3")];
    await exec(sql`update activity set phase = case id when ${a11} then 'completed' when ${a12} then 'planned' else 'cancelled' end where id in (${a11}, ${a12}, ${a13})`);
    try {
      const html = (await get(GOAL1)).body;
      const board = boardOf(html);
      expect(board.ongoing).toEqual(["1.4", "1.5"]);
      expect(board.underDevelopment).toEqual(["1.2"]);
      expect(board.completed).toEqual(["1.1"]);
      expect(board.completedSummary).toBe("Slutförda (1)");
      expect(board.all).not.toContain("1.3");
      // Still listed under its organisation, as cancelled.
      expect(text(html.slice(html.indexOf("per organisation")))).toMatch(/Aktivitet 1\.3: .*Avbruten/);
    } finally {
      await exec(sql`update activity set phase = case id when ${a11} then 'under_development' else 'ongoing' end where id in (${a11}, ${a12}, ${a13})`);
    }
    expect(boardOf((await get(GOAL1)).body).ongoing).toEqual(["1.2", "1.3", "1.4", "1.5"]);
  });
});

describe("board filters", () => {
  const everything = ["1.1", "1.2", "1.3", "1.4", "1.5"];

  it.each([
    ["organisation=grundskoleforvaltningen", hasOrganisation("grundskoleforvaltningen")],
    // Co-responsible counts: 1.5 is HVO's, with Funktionsstödsförvaltningen co-responsible.
    ["organisation=funktionsstodsforvaltningen", hasOrganisation("funktionsstodsforvaltningen")],
    ["target_group=barn", hasTerm("target_group", "barn")],
    ["focus_area=sexuellt-vald", hasTerm("focus_area", "sexuellt-vald")],
    ["prevention_level=selektiv", hasTerm("prevention_level", "selektiv")],
    ["organisation=asf&prevention_level=universell", sql`${hasOrganisation("asf")} and ${hasTerm("prevention_level", "universell")}`],
  ])("narrows the board by %s and keeps the filter in the form", async (query, where) => {
    const { count, numbers: expected } = await expectedOnBoard(where);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.length);
    const res = await get(`${GOAL1}?${query}`);
    expect(res.statusCode).toBe(200);
    const board = boardOf(res.body);
    expect(board.all).toEqual(expected);
    // The form is a GET form to the same page, with the chosen values selected, so the address can be shared.
    expect(res.body).toContain(`<form method="get" action="${GOAL1}" class="board-filter"`);
    for (const [name, value] of new URLSearchParams(query)) {
      expect(res.body).toMatch(new RegExp(`<select id="filter-${name}" name="${name}">.*?<option value="${value}" selected`, "s"));
    }
    const body = text(res.body);
    expect(body).toContain("Aktiva filter:");
    expect(body).toMatch(new RegExp(`[^\\d]${count} aktivitet(er)? och \\d+ behov matchar filtret`));
    expect(res.body).toContain(`<a href="${GOAL1}">Rensa filter</a>`);
  });

  it("drops the filters left at \"Alla\" from the address the form makes, so it is short to share", async () => {
    const res = await get(`${GOAL1}?organisation=asf&focus_area=&violence_form=&target_group=barn&prevention_level=`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${GOAL1}?organisation=asf&target_group=barn`);
    const all = await get(`${GOAL1}?organisation=&focus_area=`);
    expect(all.statusCode).toBe(303);
    expect(all.headers.location).toBe(GOAL1);
  });

  it("names the active filters in words and filters needs by who identified them", async () => {
    const body = text((await get(`${GOAL1}?organisation=fritidsforvaltningen&target_group=unga`)).body);
    expect(body).toContain("Organisation: Fritidsförvaltningen; Målgrupper: Unga");
    const needs = boardOf((await get(`${GOAL1}?organisation=fritidsforvaltningen`)).body).needs;
    expect(needs).toEqual(["Gemensamt material om våldsförebyggande arbete för fritidsgårdar"]);
    expect(boardOf((await get(`${GOAL1}?organisation=asf`)).body).needs).toEqual([]);
  });

  it("shows the whole board without filters, with no filter status and no clear link", async () => {
    const res = await get(GOAL1);
    expect(boardOf(res.body).all).toEqual(everything);
    expect(res.body).not.toContain("Aktiva filter");
    expect(res.body).not.toContain("Rensa filter");
  });

  it("ignores unknown and malformed values with a visible note instead of failing", async () => {
    const res = await get(`${GOAL1}?organisation=finns-inte&target_group=%3Cscript%3Ealert(1)%3C%2Fscript%3E&okant=x`);
    expect(res.statusCode).toBe(200);
    expect(boardOf(res.body).all).toEqual(everything);
    const body = text(res.body);
    expect(body).toContain("Filtret ”organisation=finns-inte” känns inte igen och används inte.");
    expect(body).toContain("Filtret ”target_group=<script>alert(1)</script>” känns inte igen");
    expect(body).toContain("Filtret ”okant=x” känns inte igen");
    expect(res.body).not.toContain("<script>alert(1)");
    expect(res.body).toContain(`<a href="${GOAL1}">Rensa filter</a>`);
    // A filter given twice is not guessed at either; a valid one beside it still applies.
    const twice = await get(`${GOAL1}?organisation=asf&organisation=grundskoleforvaltningen&target_group=barn`);
    expect(twice.statusCode).toBe(200);
    expect(text(twice.body)).toContain("Filtret ”organisation=asf, grundskoleforvaltningen” känns inte igen");
    expect(boardOf(twice.body).all).toEqual((await expectedOnBoard(hasTerm("target_group", "barn"))).numbers);
  });

  it("filters by every taxonomy of the plan except the board split and the kind, in English too", async () => {
    const html = (await get(GOAL1)).body;
    for (const key of ["focus_area", "violence_form", "target_group", "prevention_level"]) expect(html).toContain(`name="${key}"`);
    for (const key of ["audience", "activity_kind"]) expect(html).not.toContain(`name="${key}"`);
    const english = await app.inject({ method: "GET", url: `${GOAL1}?organisation=asf`, headers: { cookie: "samverka_lang=en" } });
    expect(text(english.body)).toContain("Active filters:");
    expect(text(english.body)).toContain("Clear filters");
  });
});

describe("what internal readers see", () => {
  it("shows a draft action plan's activity to people with a role, marked, and never to others", async () => {
    const draftId = await activityId("1.6");
    const coordinator = await logIn("samordnare@malmo.example");
    const internal = await coordinator.get(GOAL1);
    expect(internal.statusCode).toBe(200);
    expect(internal.headers["cache-control"]).toContain("no-store");
    const board = boardOf(internal.body);
    expect(board.underDevelopment).toContain("1.6");
    expect(board.html).toMatch(/Aktivitet 1\.6: [^<]*<\/a>.*?<span class="internal-mark">Utkast – inte antagen<\/span>/s);
    expect((await coordinator.get(`${PLAN}/aktiviteter/${draftId}`)).statusCode).toBe(200);
    const fritid = text((await coordinator.get("/malmo/organisationer/fritidsforvaltningen")).body);
    expect(fritid).toContain(DRAFT_TITLE);
    expect(fritid).toContain("Utkast – inte antagen");
    const reader = await logIn("lasare@malmo.example");
    expect(text((await reader.get(GOAL1)).body)).toContain(DRAFT_TITLE);

    for (const page of [await get(GOAL1), await (await logIn("utan.roll@example.se")).get(GOAL1)]) {
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).not.toContain(DRAFT_TITLE);
      expect(page.body).not.toContain("Utkast – inte antagen");
      expect(boardOf(page.body).all).not.toContain("1.6");
    }
    expect((await get(`${PLAN}/aktiviteter/${draftId}`)).statusCode).toBe(404);
    expect(text((await get("/malmo/organisationer/fritidsforvaltningen")).body)).not.toContain(DRAFT_TITLE);
    // The anonymous page is still shared from the cache, and was not filled by the internal one.
    expect((await get(GOAL1)).body).toBe((await get(GOAL1)).body);
  });

  it("marks a report the coordinator has not accepted on the round page, which the public does not see", async () => {
    const round = `${PLAN}/uppfoljning/uppfoljning-2024`;
    const hvoRow = (html: string) => text(/<th scope="row"><a href="\/malmo\/organisationer\/halsa-vard-och-omsorgsforvaltningen">.*?<\/tr>/s.exec(html)?.[0] ?? "");
    const internal = (await (await logIn("styrgrupp@malmo.example")).get(round)).body;
    expect(hvoRow(internal)).toMatch(/Ja, \d+ aktivitet.*Inte godkänd ännu/);
    expect(text(internal)).toContain("Räkningen tar med rapporter som inte är godkända ännu.");
    const anonymous = (await get(round)).body;
    expect(hvoRow(anonymous)).toContain("Inte redovisat ännu");
    expect(anonymous).not.toContain("Inte godkänd ännu");
    expect(anonymous).not.toContain("Räkningen tar med");
  });

  it("lets the coordinator open an unpublished plan's pages with a notice; anonymous visitors log in, others get 404", async () => {
    await exec(sql`update plan set published = false where slug = 'fri-fran-vald'`);
    try {
      const coordinator = await logIn("samordnare@malmo.example");
      for (const url of [GOAL1, `${GOAL1}?target_group=barn`, `${PLAN}/sok?q=${encodeURIComponent("föräldrar")}`, `${PLAN}/uppfoljning/uppfoljning-2024`]) {
        const res = await coordinator.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(text(res.body), url).toContain("Fri från våld – en gemensam angelägenhet 2022–2026 är inte publicerad.");
      }
      const asf = await coordinator.get("/malmo/organisationer/asf");
      expect(asf.statusCode).toBe(200);
      expect(text(asf.body)).toContain("Planen är inte publicerad.");
      expect(text(asf.body)).toContain("Förvaltningen ska vidareutveckla det tidiga föräldrastödet.");

      for (const url of [GOAL1, `${PLAN}/sok?q=${encodeURIComponent("föräldrar")}`]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location).toBe(`/logga-in?tillbaka=${encodeURIComponent(url)}`);
      }
      // Without a published plan the workspace's organisation pages are not public at all.
      expect((await get("/malmo/organisationer/asf")).statusCode).toBe(404);
      const stranger = await logIn("utan.roll@example.se");
      expect((await stranger.get(GOAL1)).statusCode).toBe(404);
    } finally {
      await exec(sql`update plan set published = true where slug = 'fri-fran-vald'`);
    }
    expect(text((await get(GOAL1)).body)).not.toContain("är inte publicerad");
  });

  it("shows co-responsible activities on the co-responsible organisation's own page", async () => {
    const body = text((await get("/malmo/organisationer/asf")).body);
    expect(body).toMatch(/Medansvariga för .*Elevhälsan ska utveckla stödet till elever som upplever våld i hemmet\./);
    const fsf = text((await get("/malmo/organisationer/funktionsstodsforvaltningen")).body);
    expect(fsf).toMatch(/Medansvariga för .*Aktivitet 1\.5: Filmen om våld i nära relation/);
  });
});

describe("search", () => {
  const search = (q: string) => `${PLAN}/sok?q=${encodeURIComponent(q)}`;

  it("bridges Swedish word forms on this database: 'våldsutövare' matches 'våldsutövande'", async () => {
    const [row] = await rows<{ hit: boolean; stem: string }>(sql`
      select to_tsvector('swedish', 'Stöd till våldsutövande pappor') @@ websearch_to_tsquery('swedish', 'våldsutövare') as hit,
        websearch_to_tsquery('swedish', 'våldsutövare')::text as stem`);
    expect(row!.hit).toBe(true);
    expect(row!.stem).toBe("'våldsutöv'");
  });

  it("finds 'våldsutövande' for 'våldsutövare', highlights it with <mark> and links the activity with goal and organisation", async () => {
    const id = await activityId("1.1");
    await exec(sql`update activity set description = 'Samtalsgrupper för våldsutövande pappor på öppenvårdsmottagningen.' where id = ${id}`);
    const res = await get(search("våldsutövare"));
    expect(res.statusCode).toBe(200);
    const hit = new RegExp(`<li class="search-hit"><h3 class="search-hit__title"><a href="${PLAN}/aktiviteter/${id}">.*?</li>`, "s").exec(res.body)?.[0];
    expect(hit).toBeDefined();
    expect(hit).toContain("<mark>våldsutövande</mark> pappor");
    expect(text(hit!)).toContain("Aktivitet 1.1:");
    expect(text(hit!)).toContain("Inriktningsmål 1");
    expect(text(hit!)).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(hit).toContain(`href="${GOAL1}"`);
    const count = /(\d+) träffar för ”våldsutövare”/.exec(text(res.body));
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(2);
    // The best hit has the word in its title (ranked before a hit in a description).
    const first = /<li class="search-hit"><h3 class="search-hit__title"><a href="[^"]+">(.*?)<\/a>/s.exec(res.body)![1]!;
    expect(first).toContain("<mark>");
  });

  it("finds needs and links them to their card on the goal's board", async () => {
    const [need] = await rows<{ id: string }>(sql`select n.id from need n join plan p on p.id = n.plan_id where p.slug = 'fri-fran-vald' and n.title like 'Gemensamt material%'`);
    const res = await get(search("fritidsgårdar material"));
    expect(res.body).toContain(`href="${GOAL1}#need-${need!.id}"`);
    expect(text(res.body)).toContain("Behov:");
    expect((await get(GOAL1)).body).toContain(`id="need-${need!.id}"`);
  });

  it("keeps texts escaped: a <script> in a title is shown as text, marks are the only elements added", async () => {
    const id = await activityId("1.4");
    await exec(sql`update activity set title = 'Skolor <script>alert("x")</script> undervisar om samtycke', description = '<b>Fet</b> text om samtycke' where id = ${id}`);
    const res = await get(search("samtycke"));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("<script>alert");
    expect(res.body).not.toContain("<b>Fet");
    expect(res.body).toContain("Skolor &lt;script>alert(&quot;x&quot;)&lt;/script> undervisar om <mark>samtycke</mark>");
  });

  it("hides a draft action plan's activity from anonymous visitors and shows it, marked, to internal readers", async () => {
    const draftId = await activityId("1.6");
    const anonymous = await get(search("samtalsgrupper normer"));
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).not.toContain(draftId);
    expect(anonymous.body).not.toContain("Utkast – inte antagen");
    const stranger = await (await logIn("utan.roll@example.se")).get(search("samtalsgrupper normer"));
    expect(stranger.body).not.toContain(draftId);
    const coordinator = await (await logIn("samordnare@malmo.example")).get(search("samtalsgrupper normer"));
    expect(coordinator.body).toContain(`href="${PLAN}/aktiviteter/${draftId}"`);
    expect(coordinator.body).toContain("Utkast – inte antagen");
    expect(text(coordinator.body)).toContain("sökningen tar också med aktiviteter i handlingsplaner som är utkast");
  });

  it("does not find archived activities", async () => {
    const id = await activityId("1.3");
    await exec(sql`update activity set archived_at = now() where id = ${id}`);
    try {
      const coordinator = await logIn("samordnare@malmo.example");
      expect((await coordinator.get(search("lättillgänglig information språk"))).body).not.toContain(id);
    } finally {
      await exec(sql`update activity set archived_at = null where id = ${id}`);
    }
    expect((await get(search("lättillgänglig information språk"))).body).toContain(id);
  });

  it("shows the form with a hint for an empty query, a clear message for a too long one, and a sentence for no hits", async () => {
    for (const url of [`${PLAN}/sok`, search("   ")]) {
      const empty = await get(url);
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toMatch(/<form method="get" action="\/malmo\/planer\/fri-fran-vald\/sok" role="search"/);
      expect(empty.body).toContain('<label for="q">Sök bland aktiviteter och behov</label>');
      expect(text(empty.body)).toContain("”våldsutövare” hittar ”våldsutövande”");
      expect(empty.body).not.toContain("träff");
    }
    const long = await get(search("våld ".repeat(61)));
    expect(long.statusCode).toBe(400);
    expect(text(long.body)).toContain("Sökningen är för lång: skriv högst 300 tecken.");
    expect(long.body).toContain('<a href="#q">');
    expect(long.body).toContain('aria-invalid="true"');
    const none = await get(search("xylofonorkester"));
    expect(none.statusCode).toBe(200);
    expect(text(none.body)).toContain("0 träffar för ”xylofonorkester”");
    expect(text(none.body)).toContain("Inga aktiviteter eller behov matchar ”xylofonorkester”.");
    // Only stop words, or only punctuation: no hits, no error.
    for (const q of ["och det", '"', "-", "!!"]) {
      const res = await get(search(q));
      expect(res.statusCode, q).toBe(200);
      expect(text(res.body), q).toContain("Inga aktiviteter eller behov matchar");
    }
  });

  it("has a search form on the goal page, and answers 404 for a plan that does not exist", async () => {
    const goal = (await get(GOAL1)).body;
    expect(goal).toMatch(/<form method="get" action="\/malmo\/planer\/fri-fran-vald\/sok" role="search"[^>]*>.*?<input id="plan-search" name="q" type="search"/s);
    expect((await get("/malmo/planer/finns-inte/sok?q=våld")).statusCode).toBe(404);
  });
});
