// Rendering off the request thread: the worker makes the same Word file and PDF as rendering in place (opened with
// mammoth and pdfjs-dist), the event loop keeps turning while it works, and a failed render comes back as a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Database } from "../../src/db/client.ts";
import { collectCompiledReport, type CompiledReport } from "../../src/reports/compiled/collect.ts";
import { renderCompiledDocx } from "../../src/reports/compiled/render-docx.ts";
import { renderCompiledPdf } from "../../src/reports/compiled/render-pdf.ts";
import { portable } from "../../src/reports/render-worker/jobs.ts";
import { RenderFailed, RenderPool } from "../../src/reports/render-worker/pool.ts";
import { findWorkspace } from "../../src/queries/find-plan.ts";
import * as s from "../../src/db/schema/index.ts";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let report: CompiledReport;
const pool = new RenderPool(1);

async function pdfText(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((x) => ("str" in x ? x.str : "")).join(" "));
  const result = { pages: doc.numPages, text: pages.join(" ").replace(/\s+/g, " ") };
  await doc.destroy();
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  const workspace = await findWorkspace(database.db, "malmo");
  const [plan] = await database.db.select().from(s.plans).where(eq(s.plans.slug, "fri-fran-vald"));
  const [round] = await database.db.select().from(s.followUpRounds).where(eq(s.followUpRounds.slug, "uppfoljning-2024"));
  report = await collectCompiledReport(database.db, { workspace, plan: plan!, round: round!, viewer: null, options: { includeDrafts: false, locale: "sv" }, today: "2026-11-23" });
});

afterAll(async () => {
  await pool.close();
  await database?.close();
});

describe("the render worker", () => {
  it("makes the same Word file as rendering in place", async () => {
    const [inWorker, inPlace] = await Promise.all([pool.render("compiled-docx", portable(report)), renderCompiledDocx(report)]);
    const [a, b] = await Promise.all([mammoth.extractRawText({ buffer: inWorker }), mammoth.extractRawText({ buffer: inPlace })]);
    expect(a.value).toContain("Föräldrakurser");
    expect(a.value).toBe(b.value);
  });

  it("makes the same PDF as rendering in place, and the event loop keeps turning meanwhile", async () => {
    let done = false;
    const rendering = pool.render("compiled-pdf", portable(report)).finally(() => {
      done = true;
    });
    // While the worker renders, this thread goes round its event loop again and again.
    let turns = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    expect(turns).toBeGreaterThan(10);
    const [inWorker, inPlace] = await Promise.all([rendering.then(pdfText), renderCompiledPdf(report).then(pdfText)]);
    expect(inWorker.pages).toBe(inPlace.pages);
    expect(inWorker.text).toBe(inPlace.text);
    expect(inWorker.text).toContain("Inriktningsmål 1");
  });

  it("answers a render that fails, or a job it does not know, with a refusal and goes on working", async () => {
    const broken = { ...portable(report), goals: null } as unknown as ReturnType<typeof portable<CompiledReport>>;
    await expect(pool.render("compiled-docx", broken)).rejects.toBeInstanceOf(RenderFailed);
    await expect(pool.render("no-such-job" as "compiled-docx", portable(report))).rejects.toThrow(/no render job/);
    const after = await pool.render("compiled-docx", portable(report));
    expect(after.subarray(0, 2).toString()).toBe("PK");
  });
});
