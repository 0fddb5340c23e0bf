// The compiled report of the Malmö demo round "Uppföljning 2024", collected once and rendered three ways, each opened
// with a real reader: the web page through the route, the Word file with mammoth, the PDF with pdfjs-dist. Then the
// choices (drafts, goals), a name with < & å ä ö, a round with no accepted reports, and the command line.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { runCli } from "../support/cli.ts";

let database: Database;
let app: FastifyInstance;
let coordinator: Session;
const PLAN = "/malmo/planer/fri-fran-vald";
const REPORT = `${PLAN}/uppfoljning/uppfoljning-2024/rapport`;
let goalTitles: string[] = [];
let goalIds: string[] = [];

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const htmlText = (html: string) =>
  squash(html.replace(/<svg[\s\S]*?<\/svg>/g, " ").replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"));

async function docxOf(url: string) {
  const res = await coordinator.get(url);
  expect(res.statusCode).toBe(200);
  const buffer = res.rawPayload;
  const [html, raw] = await Promise.all([mammoth.convertToHtml({ buffer }), mammoth.extractRawText({ buffer })]);
  return { res, html: html.value, text: squash(raw.value) };
}

async function pdfOf(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const outline = (await doc.getOutline()) ?? [];
  const result = { pages: doc.numPages, text: squash(pages.join(" ")), outline: outline.map((o) => ({ title: o.title, items: o.items.map((i) => i.title) })) };
  await doc.destroy();
  return result;
}

async function pdfFromRoute(url: string) {
  const res = await coordinator.get(url);
  expect(res.statusCode).toBe(200);
  return { res, ...(await pdfOf(res.rawPayload)) };
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database));
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  const goals = await rows<{ id: string; title: string }>(sql`
    select g.id, g.title from goal g join plan p on p.id = g.plan_id
    where p.slug = 'fri-fran-vald' and g.archived_at is null order by g.position`);
  goalTitles = goals.map((g) => g.title);
  goalIds = goals.map((g) => g.id);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the compiled report of Uppföljning 2024", () => {
  it("has six goals in the demo (so the checks below check something)", () => {
    expect(goalTitles).toHaveLength(6);
  });

  it("is a web page with the cover, contents and every goal as a heading, each chart with its data table", async () => {
    const res = await coordinator.get(REPORT);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("<h1>Sammanställd rapport: Uppföljning 2024</h1>");
    for (const [i, title] of goalTitles.entries()) {
      expect(html, `goal ${i + 1}`).toMatch(new RegExp(`<h2 id="cr-goal-${i + 1}"[^>]*>Inriktningsmål ${i + 1}: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</h2>`));
      expect(html).toContain(`href="#cr-goal-${i + 1}"`);
    }
    expect(html).toContain("Malmö stad");
    expect(html).toContain("1 januari 2024–31 december 2024");
    // Charts: inline SVG with a text alternative, and a data table beside each.
    const charts = html.match(/<figure class="cr-chart[ "]/g) ?? [];
    // Four overview charts (status, organisations, prevention levels, focus areas) and one per goal.
    expect(charts.length).toBe(10);
    expect((html.match(/<svg[^>]*role="img"/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect((html.match(/<caption>Diagrammets data<\/caption>/g) ?? []).length).toBe(10);
    // Activity 1.2 with its figure: 85 against the baseline 68.
    const text = htmlText(html);
    expect(text).toMatch(/Aktivitet 1\.2: Förvaltningen ska vidareutveckla det tidiga föräldrastödet\.[\s\S]{0,1500}Föräldrakurser 85 kurser 68 kurser/);
    // Only accepted reports by default: nothing is marked.
    expect(text).not.toContain("Inte accepterad");
    // The gap analysis chapter, each line a link to the thing.
    expect(html).toContain('<h2 id="cr-gaps">Gapanalys</h2>');
    expect(html).toMatch(/<ul class="cr-gaps"><li><a href="\/malmo\/[^"]+"/);
    // The round overview links here.
    const overview = await coordinator.get(`${PLAN}/uppfoljning/uppfoljning-2024/oversikt`);
    expect(overview.body).toContain(`href="${REPORT}"`);
  });

  it("counts activities per prevention level and per focus area and goal, as the database holds them (draft action plans left out)", async () => {
    const html = (await coordinator.get(REPORT)).body;
    const counts = await rows<{ taxonomy: string; term: string; goal: string; n: number }>(sql`
      select x.key as taxonomy, tm.name as term, a.goal_id as goal, count(distinct a.id)::int as n
      from activity a left join action_plan ap on ap.id = a.action_plan_id join goal g on g.id = a.goal_id join plan p on p.id = g.plan_id
      join activity_term at on at.activity_id = a.id join term tm on tm.id = at.term_id
      join taxonomy x on x.id = tm.taxonomy_id
      where p.slug = 'fri-fran-vald' and a.archived_at is null and (ap.id is null or ap.state <> 'draft') and x.key in ('prevention_level', 'focus_area')
      group by x.key, tm.name, a.goal_id`);
    const levels = new Map<string, number>();
    for (const c of counts.filter((c) => c.taxonomy === "prevention_level")) levels.set(c.term, (levels.get(c.term) ?? 0) + c.n);
    expect(levels.get("Universell")).toBeGreaterThan(0);
    const figure = (key: string) => html.match(new RegExp(`<figure[^>]*aria-labelledby="cr-chart-${key}-caption"[\\s\\S]*?</figure>`))?.[0] ?? "";
    const levelRows = htmlText(figure("prevention-levels").replace(/<svg[\s\S]*?<\/svg>/g, ""));
    expect(levelRows).toContain("Preventionsnivåer: antal aktiviteter");
    for (const [term, n] of levels) expect(levelRows, term).toContain(`${term} ${n}`);
    const areaRows = htmlText(figure("focus-areas").replace(/<svg[\s\S]*?<\/svg>/g, ""));
    const vnr = counts.filter((c) => c.taxonomy === "focus_area" && c.term === "Våld i nära relation");
    expect(vnr.length).toBeGreaterThan(0);
    // The row of one focus area: its count under each goal in the plan's order (0 where it has none).
    const perGoal = goalIds.map((id) => vnr.find((c) => c.goal === id)?.n ?? 0);
    expect(areaRows).toContain(`Våld i nära relation ${perGoal.join(" ")}`);
  });

  it("is a Word file with the goals as real headings, a table of contents and the figure 85 by activity 1.2", async () => {
    const { res, html, text } = await docxOf(`${REPORT}?format=docx`);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="uppfoljning-2024-fri-fran-vald.docx"');
    for (const [i, title] of goalTitles.entries()) {
      expect(html, `goal ${i + 1}`).toMatch(new RegExp(`<h1>(<a id="[^"]+"></a>)?Inriktningsmål ${i + 1}: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</h1>`));
    }
    // Organisations as Heading 2, activities as Heading 3.
    expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?Arbetsmarknads- och socialförvaltningen<\/h2>/);
    expect(html).toMatch(/<h3>(<a id="[^"]+"><\/a>)?Aktivitet 1\.2: Förvaltningen ska vidareutveckla det tidiga föräldrastödet\.<\/h3>/);
    // The table of contents links to the headings.
    expect(html).toMatch(/<a href="#_Toc\d+">Inriktningsmål 1: /);
    // The figure in its table, after the activity's heading and before the next activity.
    const start = text.indexOf("Aktivitet 1.2:");
    const end = text.indexOf("Aktivitet 1.3:", start);
    expect(start).toBeGreaterThan(-1);
    expect(text.slice(start, end)).toMatch(/Föräldrakurser 85 kurser 68 kurser/);
    expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?Gapanalys<\/h1>/);
    // Charts as images with alternative text.
    expect(html).toMatch(/<img alt="Inriktningsmål 1: [^"]+" src="data:image\/png;base64,/);
  });

  it("is a PDF with every goal title, more than one page and an outline with a bookmark per goal", async () => {
    const { res, pages, text, outline } = await pdfFromRoute(`${REPORT}?format=pdf`);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="uppfoljning-2024-fri-fran-vald.pdf"');
    expect(pages).toBeGreaterThan(1);
    for (const title of goalTitles) expect(text).toContain(title);
    expect(text).toContain("Sida 2 av");
    expect(outline.map((o) => o.title)).toContain("Gapanalys");
    expect(text).toMatch(/Föräldrakurser 85 kurser 68 kurser/);
    expect(outline.length).toBeGreaterThan(0);
    for (const [i, title] of goalTitles.entries()) {
      expect(outline.map((o) => o.title)).toContain(`Inriktningsmål ${i + 1}: ${title}`);
    }
    expect(outline.find((o) => o.title.startsWith("Inriktningsmål 1:"))?.items).toContain("Arbetsmarknads- och socialförvaltningen");
  });

  it("is English on request, in the plan's own words", async () => {
    const res = await coordinator.get(`${REPORT}?sprak=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Key numbers");
    expect(res.body).toContain("Appendix: All");
    const { html } = await docxOf(`${REPORT}?format=docx&sprak=en`);
    expect(html).toContain("Introduction");
    expect(html).not.toContain("Nyckeltal");
  });

  it("keeps only the chosen goals", async () => {
    const res = await coordinator.get(`${REPORT}?mal=${goalIds[1]}&mal=${goalIds[3]}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Inriktningsmål 2: ${goalTitles[1]}</h2>`);
    expect(res.body).toContain(`Inriktningsmål 4: ${goalTitles[3]}</h2>`);
    expect(res.body).not.toContain(`Inriktningsmål 1: ${goalTitles[0]}</h2>`);
  });

  it("compares a later round with the previous one per status, in the page, Word and PDF", async () => {
    // A closed 2025 round where ASF reports activity 1.2 (ongoing in 2024) as done.
    await database.db.execute(sql`
      with base as (
        select r.workspace_id, r.plan_id from follow_up_round r join plan p on p.id = r.plan_id
        where p.slug = 'fri-fran-vald' and r.slug = 'uppfoljning-2024'),
      r as (
        insert into follow_up_round (workspace_id, plan_id, slug, name, period_start, period_end, deadline, state)
        select workspace_id, plan_id, 'jamforelse-2025', 'Jämförelse 2025', '2025-01-01', '2025-12-31', '2026-02-01', 'closed' from base
        returning id, workspace_id, plan_id),
      o as (
        insert into organisation_report (workspace_id, round_id, organisation_id, state)
        select r.workspace_id, r.id, (select id from organisation where slug = 'asf' and workspace_id = r.workspace_id), 'accepted' from r
        returning id, round_id, workspace_id, organisation_id)
      insert into activity_report (workspace_id, round_id, activity_id, organisation_id, organisation_report_id, status_id, narrative)
      select o.workspace_id, o.round_id, a.id, o.organisation_id, o.id,
        (select st.id from follow_up_status st where st.plan_id = a.plan_id and st.meaning = 'done' order by st.position limit 1), 'Klart 2025.'
      from o, r, activity a where a.plan_id = r.plan_id and a.number = '1.2'`);
    const url = `${PLAN}/uppfoljning/jamforelse-2025/rapport?mal=${goalIds[0]}`;
    const page = await coordinator.get(url);
    expect(page.statusCode).toBe(200);
    const text = htmlText(page.body);
    expect(text).toContain("Status Uppföljning 2024 Jämförelse 2025 Förändring");
    expect(text).toMatch(/Pågående – testas operativt 3 0 −3/);
    expect(text).toMatch(/Slutförd – del av ordinarie verksamhet 0 1 \+1/);
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Status i inriktningsmål 1: Uppföljning 2024 och Jämförelse 2025"/);
    const { text: docx } = await docxOf(`${url}&format=docx`);
    expect(docx).toMatch(/Slutförd – del av ordinarie verksamhet 0 1 \+1/);
    const pdf = await pdfFromRoute(`${url}&format=pdf`);
    expect(pdf.text).toMatch(/Slutförd – del av ordinarie verksamhet 0 1 \+1/);
    expect(pdf.outline.map((o) => o.title)).toContain(`Inriktningsmål 1: ${goalTitles[0]}`);
    expect(pdf.outline.map((o) => o.title)).not.toContain(`Inriktningsmål 2: ${goalTitles[1]}`);
  });

  it("answers a malformed id in the address with 404 and sends anonymous visitors to log in", async () => {
    expect((await coordinator.get(`${REPORT}?mal=not-an-id`)).statusCode).toBe(404);
    expect((await coordinator.get(`${REPORT}?format=odt`)).statusCode).toBe(404);
    expect((await coordinator.get(`${PLAN}/uppfoljning/ingen-sadan/rapport`)).statusCode).toBe(404);
    const anonymous = new Session(app);
    expect((await anonymous.get(REPORT)).statusCode).toBe(303);
    expect((await anonymous.get(`${REPORT}?format=pdf`)).statusCode).toBe(303);
  });
});

describe("reports that are not accepted, odd names and an empty round", () => {
  it("leaves out an organisation's report that is not accepted, and includes it marked on request", async () => {
    await database.db.execute(sql`
      update organisation_report set state = 'submitted'
      where organisation_id = (select id from organisation where slug = 'grundskoleforvaltningen')
        and round_id = (select r.id from follow_up_round r join plan p on p.id = r.plan_id where p.slug = 'fri-fran-vald' and r.slug = 'uppfoljning-2024')`);
    const grfActivity = "Aktivitet 1.4: Alla grundskolor ska undervisa om samtycke";
    const plain = htmlText((await coordinator.get(REPORT)).body);
    expect(plain).not.toContain(grfActivity);
    expect(plain).not.toContain("Inte accepterad");

    const drafts = htmlText((await coordinator.get(`${REPORT}?utkast=1`)).body);
    expect(drafts).toContain(grfActivity);
    expect(drafts).toMatch(/Grundskoleförvaltningen Inte accepterad av samordnaren \(Inlämnad\) Aktivitet 1\.4/);
    expect(drafts).toContain("Rapporten innehåller rapporter som samordnaren ännu inte har accepterat.");

    const { text } = await docxOf(`${REPORT}?format=docx&utkast=1`);
    expect(text).toContain("Inte accepterad av samordnaren (Inlämnad)");
    const pdf = await pdfFromRoute(`${REPORT}?format=pdf&utkast=1`);
    expect(pdf.text).toContain("Inte accepterad av samordnaren (Inlämnad)");
    const pdfPlain = await pdfFromRoute(`${REPORT}?format=pdf`);
    expect(pdfPlain.text).not.toContain("Inte accepterad");
  });

  it("writes a name with <, & and å ä ö as it is in all three", async () => {
    const name = "Åsa & Öberg <Ärende> förvaltning";
    await database.db.execute(sql`update organisation set name = ${name} where slug = 'asf' and workspace_id = (select id from workspace where slug = 'malmo')`);
    const page = await coordinator.get(REPORT);
    expect(page.body).toContain("Åsa &amp; Öberg &lt;Ärende&gt; förvaltning");
    expect(page.body).not.toContain("<Ärende>");
    expect((await docxOf(`${REPORT}?format=docx`)).text).toContain(name);
    expect((await pdfFromRoute(`${REPORT}?format=pdf`)).text).toContain(name);
  });

  it("says so when the round has no accepted reports, in all three", async () => {
    await database.db.execute(sql`
      update organisation_report set state = 'submitted'
      where round_id = (select r.id from follow_up_round r join plan p on p.id = r.plan_id where p.slug = 'fri-fran-vald' and r.slug = 'uppfoljning-2024')`);
    const message = "Inga accepterade rapporter finns i den här uppföljningsomgången ännu.";
    const page = await coordinator.get(REPORT);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(message);
    expect(page.body).not.toContain('class="cr-org');
    expect((await docxOf(`${REPORT}?format=docx`)).text).toContain(message);
    const pdf = await pdfFromRoute(`${REPORT}?format=pdf`);
    expect(pdf.text).toContain(message);
    for (const title of goalTitles) expect(pdf.text).toContain(title);
  });
});

describe("samverka report compiled", () => {
  const root = mkdtempSync(join(process.cwd(), ".tmp", "cli-report-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const env = { DATA_DIR: join(root, "data") };

  it("writes a Word file and a PDF the readers open, and refuses what it cannot find", { timeout: 300_000 }, async () => {
    const seeded = await runCli(["seed-demo"], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const docx = join(root, "report.docx");
    const made = await runCli(["report", "compiled", "--workspace", "malmo", "--round", "Uppföljning 2024", "--format", "docx", "--out", docx], env);
    expect(made.code, made.stderr).toBe(0);
    const raw = await mammoth.extractRawText({ buffer: readFileSync(docx) });
    for (const title of goalTitles) expect(raw.value).toContain(title);

    const pdfFile = join(root, "report.pdf");
    const pdfMade = await runCli(["report", "compiled", "--workspace", "malmo", "--round", "uppfoljning-2024", "--format", "pdf", "--lang", "en", "--include-drafts", "--out", pdfFile], env);
    expect(pdfMade.code, pdfMade.stderr).toBe(0);
    const pdf = await pdfOf(readFileSync(pdfFile));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain("Key numbers");

    const htmlFile = join(root, "report.html");
    expect((await runCli(["report", "compiled", "--workspace", "malmo", "--round", "uppfoljning-2024", "--format", "html", "--out", htmlFile], env)).code).toBe(0);
    const html = readFileSync(htmlFile, "utf8");
    expect(html).toMatch(/^<!doctype html><html lang="sv">/);
    expect(html).toContain(`<h2 id="cr-goal-1">Inriktningsmål 1: ${goalTitles[0]}</h2>`);

    const missing = await runCli(["report", "compiled", "--workspace", "malmo", "--round", "Uppföljning 1999", "--format", "pdf", "--out", join(root, "x.pdf")], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no follow-up round "Uppföljning 1999"');
    const bad = await runCli(["report", "compiled", "--workspace", "malmo", "--round", "x", "--format", "odt", "--out", join(root, "x.odt")], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be docx, pdf or html");

    // An organisation's documents, by slug or by name.
    const actionPlan = join(root, "asf.docx");
    const apMade = await runCli(["report", "action-plan", "--workspace", "malmo", "--org", "Arbetsmarknads- och socialförvaltningen", "--format", "docx", "--out", actionPlan], env);
    expect(apMade.code, apMade.stderr).toBe(0);
    const apText = (await mammoth.extractRawText({ buffer: readFileSync(actionPlan) })).value;
    for (const title of goalTitles) expect(apText).toContain(title);
    const followUp = join(root, "asf-2024.pdf");
    const fuMade = await runCli(["report", "follow-up", "--workspace", "malmo", "--round", "Uppföljning 2024", "--org", "asf", "--format", "pdf", "--out", followUp], env);
    expect(fuMade.code, fuMade.stderr).toBe(0);
    expect((await pdfOf(readFileSync(followUp))).text).toContain("Sammanfattning och planering framåt");
    const noPlan = await runCli(["report", "action-plan", "--workspace", "malmo", "--org", "polisen", "--format", "pdf", "--out", join(root, "x.pdf")], env);
    expect(noPlan.code).toBe(1);
    expect(noPlan.stderr).toContain("Polisen has no action plan");
    const noRound = await runCli(["report", "follow-up", "--workspace", "malmo", "--org", "asf", "--format", "pdf", "--out", join(root, "x.pdf")], env);
    expect(noRound.code).toBe(2);
    expect(noRound.stderr).toContain("report follow-up needs --round");
  });
});
