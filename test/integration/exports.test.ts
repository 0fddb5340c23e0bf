// CSV and Excel exports over HTTP, read back with real readers (papaparse, exceljs): the byte-order mark, the
// semicolon option, quoting of awkward names, typed cells, autofilter and frozen header, the public/internal
// difference, the board filter and the language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState, type AppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { toCsv } from "../../src/reports/export/csv.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let state: AppState;
let app: FastifyInstance;
let coordinator: Session;
const PLAN = "/malmo/planer/fri-fran-vald";
const BOM = "\uFEFF";

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  state = createAppState(database);
  app = await buildApp(state, { logger: false });
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Parses a CSV answer: checks the byte-order mark and returns the header and the rows. */
function readCsv(body: string, delimiter = ","): { header: string[]; rows: string[][] } {
  expect(body.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(body.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}
const column = (csv: { header: string[] }, name: string) => {
  const i = csv.header.indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return i;
};

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, query);
  return Number(row!.n);
}
/** The plan's live activities (not archived, under a goal that is not archived). */
const liveActivities = () =>
  count(sql`select count(*)::int as n from activity a join plan p on p.id = a.plan_id join goal g on g.id = a.goal_id
            where p.slug = 'fri-fran-vald' and a.archived_at is null and g.archived_at is null`);
/** What the public sees: not in a draft action plan. */
const publicActivities = () =>
  count(sql`select count(*)::int as n from activity a join plan p on p.id = a.plan_id join goal g on g.id = a.goal_id
            left join action_plan ap on ap.id = a.action_plan_id
            where p.slug = 'fri-fran-vald' and a.archived_at is null and g.archived_at is null and (ap.id is null or ap.state <> 'draft')`);

describe("CSV", () => {
  it("sends activities as a UTF-8 CSV attachment with a byte-order mark, one row per live activity for an internal reader", async () => {
    const res = await coordinator.get(`${PLAN}/export/aktiviteter.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(String(res.headers["content-disposition"])).toMatch(/^attachment; filename="fri-fran-vald-aktiviteter\.csv"/);
    const csv = readCsv(res.body);
    expect(csv.header.slice(0, 3)).toEqual(["Nummer", "Titel", "Inriktningsmål"]);
    expect(csv.header).toContain("Målgrupper");
    expect(csv.rows.length).toBe(await liveActivities());
    const row12 = csv.rows.find((r) => r[column(csv, "Nummer")] === "1.2")!;
    expect(row12[column(csv, "Ansvarig")]).toContain("Arbetsmarknads- och socialförvaltningen");
    expect(row12[column(csv, "Start")]).toMatch(/^\d{4}-\d{2}-\d{2}$|^$/);
  });

  it("round-trips Swedish letters and a name with ; \" and a line break, with the semicolon option", async () => {
    const awkward = 'Åtgärd "ÅÄÖ åäö"; första raden\nandra raden, med komma';
    const [{ title: original }] = (await queryRows<{ title: string }>(database.db, sql`select title from activity where number = '1.2' and plan_id = (select id from plan where slug = 'fri-fran-vald')`)) as [{ title: string }];
    await database.db.execute(sql`update activity set title = ${awkward} where number = '1.2' and plan_id = (select id from plan where slug = 'fri-fran-vald')`);
    state.cache.invalidate();
    try {
      const res = await coordinator.get(`${PLAN}/export/aktiviteter.csv?avgransare=semikolon`);
      expect(res.statusCode).toBe(200);
      // The separator really is the semicolon: the header row has no comma between fields.
      expect(res.body.split("\r\n")[0]).toContain("Nummer;Titel;");
      const csv = readCsv(res.body, ";");
      const row = csv.rows.find((r) => r[column(csv, "Nummer")] === "1.2")!;
      expect(row[column(csv, "Titel")]).toBe(awkward);
      // Read with the wrong separator, the same text does not come back: the option matters.
      const wrong = Papa.parse<string[]>(res.body.slice(1), { delimiter: ",", skipEmptyLines: true }).data;
      expect(wrong.some((r) => r.includes(awkward))).toBe(false);
      // The comma file quotes it too.
      const comma = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv`)).body);
      expect(comma.rows.find((r) => r[0] === "1.2")![1]).toBe(awkward);
    } finally {
      await database.db.execute(sql`update activity set title = ${original} where number = '1.2' and plan_id = (select id from plan where slug = 'fri-fran-vald')`);
      state.cache.invalidate();
    }
  });

  it("gives the public the public part only: accepted reports, no draft action plan's activities", async () => {
    const anonymous = readCsv((await app.inject({ method: "GET", url: `${PLAN}/export/rapporter.csv` })).body);
    const internal = readCsv((await coordinator.get(`${PLAN}/export/rapporter.csv`)).body);
    const accepted = await count(sql`select count(*)::int as n from activity_report ar join organisation_report o on o.id = ar.organisation_report_id
      join activity a on a.id = ar.activity_id join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and o.state = 'accepted' and a.archived_at is null`);
    const all = await count(sql`select count(*)::int as n from activity_report ar join activity a on a.id = ar.activity_id
      join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.archived_at is null`);
    expect(accepted).toBeLessThan(all);
    expect(anonymous.rows.length).toBe(accepted);
    expect(internal.rows.length).toBe(all);
    const acc = column(anonymous, "Accepterad");
    expect(anonymous.rows.every((r) => r[acc] === "Ja")).toBe(true);
    // Internal readers get the unaccepted ones too, marked in a column.
    const unaccepted = internal.rows.filter((r) => r[column(internal, "Accepterad")] === "Nej");
    expect(unaccepted.length).toBe(all - accepted);
    expect(unaccepted.every((r) => r[column(internal, "Rapportens läge")] !== "Accepterad")).toBe(true);

    const publicActs = readCsv((await app.inject({ method: "GET", url: `${PLAN}/export/aktiviteter.csv` })).body);
    expect(publicActs.rows.length).toBe(await publicActivities());
    expect(publicActs.rows.length).toBeLessThan(await liveActivities());
  });

  it("writes figures with their baseline: ASF's parent courses 68 → 85", async () => {
    const csv = readCsv((await app.inject({ method: "GET", url: `${PLAN}/export/siffror.csv` })).body);
    const row = csv.rows.find((r) => r[column(csv, "Namn")] === "Föräldrakurser")!;
    expect(row[column(csv, "Värde")]).toBe("85");
    expect(row[column(csv, "Utgångsvärde")]).toBe("68");
    expect(row[column(csv, "Nummer")]).toBe("1.2");
    expect(row[column(csv, "Organisation")]).toBe("Arbetsmarknads- och socialförvaltningen");
  });

  it("lists organisations with whether they have an action plan", async () => {
    const csv = readCsv((await coordinator.get(`${PLAN}/export/organisationer.csv`)).body);
    const has = (name: string) => csv.rows.find((r) => r[0] === name)?.[column(csv, "Har handlingsplan")];
    expect(has("Arbetsmarknads- och socialförvaltningen")).toBe("Ja");
    expect(has("Kulturförvaltningen")).toBe("Nej");
    const live = await count(sql`select count(*)::int as n from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.archived_at is null`);
    expect(csv.rows.length).toBe(live);
  });

  it("follows the goal board's filter: organisation and a taxonomy term", async () => {
    const all = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv`)).body);
    const asf = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv?organisation=asf`)).body);
    const name = "Arbetsmarknads- och socialförvaltningen";
    expect(asf.rows.length).toBeGreaterThan(0);
    expect(asf.rows.length).toBeLessThan(all.rows.length);
    const asfIds = await count(sql`select count(distinct ao.activity_id)::int as n from activity_organisation ao join organisation o on o.id = ao.organisation_id
      join activity a on a.id = ao.activity_id join goal g on g.id = a.goal_id
      where o.slug = 'asf' and ao.role in ('responsible', 'co_responsible') and a.archived_at is null and g.archived_at is null
        and a.plan_id = (select id from plan where slug = 'fri-fran-vald')`);
    expect(asf.rows.length).toBe(asfIds);
    expect(asf.rows.every((r) => `${r[column(asf, "Ansvarig")]}; ${r[column(asf, "Medansvarig")]}`.includes(name))).toBe(true);
    // Reports follow the same activities.
    const reports = readCsv((await coordinator.get(`${PLAN}/export/rapporter.csv?organisation=grundskoleforvaltningen`)).body);
    const allReports = readCsv((await coordinator.get(`${PLAN}/export/rapporter.csv`)).body);
    expect(reports.rows.length).toBeGreaterThan(0);
    expect(reports.rows.length).toBeLessThan(allReports.rows.length);

    const [term] = await queryRows<{ taxonomy: string; term: string; name: string }>(database.db, sql`
      select x.key as taxonomy, t.key as term, t.name from term t join taxonomy x on x.id = t.taxonomy_id join plan p on p.id = x.plan_id
      where p.slug = 'fri-fran-vald' and x.key = 'target_group' and t.archived_at is null
      order by (select count(*) from activity_term at where at.term_id = t.id) desc limit 1`);
    const byTerm = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv?${term!.taxonomy}=${term!.term}`)).body);
    expect(byTerm.rows.length).toBeGreaterThan(0);
    expect(byTerm.rows.length).toBeLessThan(all.rows.length);
    expect(byTerm.rows.every((r) => r[column(byTerm, "Målgrupper")]!.split("; ").includes(term!.name))).toBe(true);
    // Both at once narrow further; an unknown value is ignored, as on the board.
    const both = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv?organisation=asf&${term!.taxonomy}=${term!.term}`)).body);
    expect(both.rows.length).toBeLessThanOrEqual(Math.min(asf.rows.length, byTerm.rows.length));
    const unknown = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv?organisation=finns-inte`)).body);
    expect(unknown.rows.length).toBe(all.rows.length);
  });

  it("answers in English with ?lang=en", async () => {
    const csv = readCsv((await coordinator.get(`${PLAN}/export/aktiviteter.csv?lang=en`)).body);
    expect(csv.header.slice(0, 2)).toEqual(["Number", "Title"]);
    expect(csv.header).toContain("Phase");
  });

  it("sends an anonymous visitor of an unpublished plan to log in", async () => {
    await database.db.execute(sql`update plan set published = false where slug = 'fri-fran-vald'`);
    state.cache.invalidate();
    try {
      const res = await app.inject({ method: "GET", url: `${PLAN}/export/aktiviteter.csv` });
      expect(res.statusCode).toBe(303);
      expect((await coordinator.get(`${PLAN}/export/aktiviteter.csv`)).statusCode).toBe(200);
    } finally {
      await database.db.execute(sql`update plan set published = true where slug = 'fri-fran-vald'`);
      state.cache.invalidate();
    }
  });
});

describe("toCsv", () => {
  it("defuses formula-like text, keeps numbers (negative ones too) and writes a decimal comma with semicolons", () => {
    const comma = Papa.parse<string[]>(toCsv(["a", "b", "c"], [["=HYPERLINK(\"x\")", -5, 2.5], ["@SUM(A1)", "-3", "+46 40 34 10 00"]]).slice(1), { skipEmptyLines: true }).data;
    expect(comma[1]).toEqual(["'=HYPERLINK(\"x\")", "-5", "2.5"]);
    expect(comma[2]).toEqual(["'@SUM(A1)", "-3", "'+46 40 34 10 00"]);
    const semi = Papa.parse<string[]>(toCsv(["a"], [[2.5], [85]], ";").slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    expect(semi.slice(1)).toEqual([["2,5"], ["85"]]);
  });
});

describe("Excel", () => {
  async function workbook(url: string, session?: Session) {
    const res = session ? await session.get(url) : await app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(String(res.headers["content-disposition"])).toMatch(/^attachment; filename="fri-fran-vald\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  }

  it("has one sheet per kind, a row per live activity, typed cells, a bold filtered frozen header", async () => {
    const book = await workbook(`${PLAN}/export/samverka.xlsx`, coordinator);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Aktiviteter", "Rapporter", "Siffror", "Organisationer"]);
    const activities = book.getWorksheet("Aktiviteter")!;
    expect(activities.rowCount - 1).toBe(await liveActivities());
    expect(activities.getRow(1).font?.bold).toBe(true);
    expect(activities.getCell("A1").value).toBe("Nummer");
    // Start and end are dates.
    const startCol = (activities.getRow(1).values as unknown[]).indexOf("Start");
    const withStart = [...Array(activities.rowCount - 1).keys()].map((i) => activities.getRow(i + 2).getCell(startCol).value).find((v) => v !== null);
    expect(withStart).toBeInstanceOf(Date);

    for (const sheet of book.worksheets) {
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      // Read back, the autofilter is the header row's range ("A1:O1").
      expect(String(sheet.autoFilter)).toMatch(/^A1:[A-Z]+1$/);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }

    const figures = book.getWorksheet("Siffror")!;
    const header = figures.getRow(1).values as unknown[];
    const nameCol = header.indexOf("Namn");
    const valueCol = header.indexOf("Värde");
    const baselineCol = header.indexOf("Utgångsvärde");
    let found = false;
    figures.eachRow((row, n) => {
      if (n === 1 || row.getCell(nameCol).value !== "Föräldrakurser") return;
      found = true;
      expect(row.getCell(valueCol).value).toBe(85);
      expect(typeof row.getCell(valueCol).value).toBe("number");
      expect(row.getCell(baselineCol).value).toBe(68);
    });
    expect(found).toBe(true);
  });

  it("gives the public fewer activities and reports than an internal reader, and follows the filter and the language", async () => {
    const pub = await workbook(`${PLAN}/export/samverka.xlsx`);
    expect(pub.getWorksheet("Aktiviteter")!.rowCount - 1).toBe(await publicActivities());
    const internalReports = (await workbook(`${PLAN}/export/samverka.xlsx`, coordinator)).getWorksheet("Rapporter")!.rowCount;
    expect(pub.getWorksheet("Rapporter")!.rowCount).toBeLessThan(internalReports);
    const filtered = await workbook(`${PLAN}/export/samverka.xlsx?organisation=asf`, coordinator);
    expect(filtered.getWorksheet("Aktiviteter")!.rowCount - 1).toBeLessThan(await liveActivities());
    const english = await workbook(`${PLAN}/export/samverka.xlsx?lang=en`, coordinator);
    expect(english.worksheets.map((w) => w.name)).toEqual(["Activities", "Reports", "Figures", "Organisations"]);
  });
});

describe("links from the plan page", () => {
  it("shows the export and gap analysis links to internal readers only", async () => {
    const page = (await coordinator.get(PLAN)).body;
    expect(page).toContain(`href="${PLAN}/export/samverka.xlsx"`);
    expect(page).toContain(`href="${PLAN}/export/aktiviteter.csv"`);
    expect(page).toContain(`href="${PLAN}/analys"`);
    const anonymous = (await app.inject({ method: "GET", url: PLAN })).body;
    expect(anonymous).not.toContain(`${PLAN}/analys`);
  });
});
