// An organisation's documents from the Malmö demo, through their routes, each opened with a real reader: ASF's action
// plan and its follow-up report for "Uppföljning 2024" as Word (mammoth) and PDF (pdfjs-dist); a draft action plan
// and a report not yet accepted say so on the cover; English on request; text with < & å ä ö as it is; what cannot
// be found is 404.
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

let database: Database;
let app: FastifyInstance;
let coordinator: Session;
let goalTitles: string[] = [];
const PLAN = "/malmo/planer/fri-fran-vald";
const ASF_PLAN = `${PLAN}/handlingsplaner/asf/dokument`;
const ASF_REPORT = `${PLAN}/uppfoljning/uppfoljning-2024/asf/dokument`;

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

async function docxOf(url: string) {
  const res = await coordinator.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers["content-type"]).toContain("wordprocessingml");
  const buffer = res.rawPayload;
  const [html, raw] = await Promise.all([mammoth.convertToHtml({ buffer }), mammoth.extractRawText({ buffer })]);
  const headings = [...html.value.matchAll(/<h([1-3])>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: m[2]! }));
  return { res, html: html.value, text: squash(raw.value), headings };
}

async function pdfOf(url: string) {
  const res = await coordinator.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  const doc = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(squash(content.items.map((item) => ("str" in item ? item.str : "")).join(" ")));
  }
  const outline = ((await doc.getOutline()) ?? []).map((o) => ({ title: o.title, items: o.items.map((i) => i.title) }));
  const result = { res, pages, text: squash(pages.join(" ")), outline, count: doc.numPages };
  await doc.destroy();
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database));
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  const goals = await queryRows<{ title: string }>(database.db, sql`
    select g.title from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.archived_at is null order by g.position`);
  goalTitles = goals.map((g) => g.title);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("an organisation's action plan as a document", () => {
  it("is a Word file with every goal as a heading, the activities under their kinds, and their facts", async () => {
    expect(goalTitles).toHaveLength(6);
    const { res, headings, text, html } = await docxOf(`${ASF_PLAN}?format=docx`);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="handlingsplan-fri-fran-vald-asf.docx"');
    const h1 = headings.filter((h) => h.level === 1).map((h) => h.text);
    goalTitles.forEach((title, i) => expect(h1).toContain(`Inriktningsmål ${i + 1}: ${title}`));
    expect(h1[0]).toBe("Inledning");
    // The kinds stand as level 2 headings with the activities under them, in the plan's order.
    const afterGoal1 = headings.slice(headings.findIndex((h) => h.text.startsWith("Inriktningsmål 1:")) + 1);
    expect(afterGoal1[0]).toEqual({ level: 2, text: "Stadsövergripande aktiviteter" });
    expect(headings.some((h) => h.level === 3 && h.text.startsWith("Aktivitet 1.1: "))).toBe(true);
    expect(text).toContain("Genom att:");
    expect(text).toMatch(/Ansvarig: Arbetsmarknads- och socialförvaltningen/);
    expect(text).toMatch(/Preventionsnivåer: /);
    // Word's table of contents field is there with entries from the headings.
    expect(html).toContain("Innehåll");
  });

  it("is a PDF with every goal title, an outline entry per goal and page numbers", async () => {
    const pdf = await pdfOf(`${ASF_PLAN}?format=pdf`);
    for (const title of goalTitles) expect(pdf.text).toContain(title);
    const top = pdf.outline.map((o) => o.title);
    goalTitles.forEach((title, i) => expect(top).toContain(`Inriktningsmål ${i + 1}: ${title}`));
    expect(pdf.count).toBeGreaterThan(5);
    expect(pdf.pages[1]).toContain(`Sida 2 av ${pdf.count}`);
    expect(pdf.pages[0]).toContain("HANDLINGSPLAN");
    expect(pdf.pages[0]).toContain("Antagen");
    expect(pdf.pages[0]).not.toContain("Utkast");
  });

  it("says on the cover when the action plan is a draft", async () => {
    const pdf = await pdfOf(`${PLAN}/handlingsplaner/fritidsforvaltningen/dokument?format=pdf`);
    expect(pdf.pages[0]).toContain("Utkast: handlingsplanen är inte antagen.");
  });

  it("is English on request, in the plan's own words", async () => {
    const { text } = await docxOf(`${ASF_PLAN}?format=docx&sprak=en`);
    expect(text).toContain("ACTION PLAN");
    expect(text).toContain("Responsible:");
  });

  it("writes < & and å ä ö as they are", async () => {
    const intro = "Trygghet & <samverkan> i Malmö – åäö ÅÄÖ";
    await database.db.execute(sql`update action_plan set introduction = ${intro} where organisation_id = (select id from organisation where slug = 'asf')`);
    const { text } = await docxOf(`${ASF_PLAN}?format=docx`);
    expect(text).toContain(intro);
    expect((await pdfOf(`${ASF_PLAN}?format=pdf`)).text).toContain(intro);
  });
});

describe("an organisation's follow-up report as a document", () => {
  it("is a Word file with each activity under its goal, its follow-up, and the figure 85 by activity 1.2", async () => {
    const { res, headings, text } = await docxOf(`${ASF_REPORT}?format=docx`);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="uppfoljning-2024-fri-fran-vald-asf.docx"');
    expect(headings.map((h) => h.text)).toEqual(expect.arrayContaining(["Inledning", "Sammanfattning och planering framåt"]));
    const activities = headings.filter((h) => h.level === 2 && h.text.startsWith("Aktivitet ")).map((h) => h.text.split(":")[0]);
    expect(activities.slice(0, 3)).toEqual(["Aktivitet 1.1", "Aktivitet 1.2", "Aktivitet 1.3"]);
    // The last mention is the body's (the contents come first).
    const activity12 = text.slice(text.lastIndexOf("Aktivitet 1.2:"), text.lastIndexOf("Aktivitet 1.3:"));
    expect(activity12).toContain("Uppföljning");
    expect(activity12).toMatch(/\b85\b/);
    expect(text).toContain("Status:");
  });

  it("is a PDF with an outline per goal and its activities under it, and an accepted report has no mark", async () => {
    const pdf = await pdfOf(`${ASF_REPORT}?format=pdf`);
    const goal1 = pdf.outline.find((o) => o.title.startsWith("Inriktningsmål 1:"));
    expect(goal1?.items[0]).toMatch(/^Aktivitet 1\.1: /);
    expect(pdf.pages[0]).toContain("Accepterad");
    expect(pdf.pages[0]).not.toContain("Inte accepterad av samordnaren");
  });

  it("carries a 50-page follow-up text over its pages to the last sentence, in the organisation's report and the compiled report", { timeout: 120_000 }, async () => {
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `Vecka ${i + 1}: grupperna träffades som planerat, och ledarna skrev ner vad deltagarna tog upp om trygghet hemma och i skolan.`);
    const last = "Sista stycket: allt detta följs upp igen nästa år.";
    await database.db.execute(sql`
      update activity_report set narrative = ${[...paragraphs, last].join("\n\n")}
      where activity_id = (select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = '1.2')
        and organisation_id = (select id from organisation where slug = 'asf')
        and round_id = (select r.id from follow_up_round r where r.slug = 'uppfoljning-2024')`);
    const own = await pdfOf(`${ASF_REPORT}?format=pdf`);
    expect(own.count).toBeGreaterThan(50);
    expect(own.text).toContain(last);
    expect(own.pages[own.count - 1]).toContain(`Sida ${own.count} av ${own.count}`);
    const compiled = await pdfOf(`${PLAN}/uppfoljning/uppfoljning-2024/rapport?format=pdf`);
    expect(compiled.count).toBeGreaterThan(50);
    expect(compiled.text).toContain(last);
    const word = await docxOf(`${ASF_REPORT}?format=docx`);
    expect(word.text).toContain(last);
  });

  it("says on the cover when the coordinator has not accepted the report", async () => {
    const pdf = await pdfOf(`${PLAN}/uppfoljning/uppfoljning-2024/halsa-vard-och-omsorgsforvaltningen/dokument?format=pdf`);
    expect(pdf.pages[0]).toContain("Inte accepterad av samordnaren (Inlämnad)");
  });

  it("answers 404 for an organisation without a report in the round and for a format it does not make, and the pages link to it", async () => {
    expect((await coordinator.get(`${PLAN}/uppfoljning/uppfoljning-2024/polisen/dokument?format=pdf`)).statusCode).toBe(404);
    expect((await coordinator.get(`${PLAN}/handlingsplaner/polisen/dokument?format=pdf`)).statusCode).toBe(404);
    expect((await coordinator.get(`${ASF_REPORT}?format=odt`)).statusCode).toBe(404);
    const reportPage = await coordinator.get(`${PLAN}/uppfoljning/uppfoljning-2024/asf`);
    expect(reportPage.body).toContain(`href="${ASF_REPORT}?format=docx"`);
    const planPage = await coordinator.get(`${PLAN}/handlingsplaner/asf`);
    expect(planPage.body).toContain(`href="${ASF_PLAN}?format=pdf"`);
  });
});
