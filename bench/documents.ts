// Document figures: collect + render of the compiled report for the Malmö demo round as Word and PDF, and for the same
// plan made ten times its size (./synthetic-workspace.ts); a floor measured in the same run (the smallest Word file and
// PDF the same libraries make, fonts included); and how the server answers a light page while large PDFs are rendered
// in the render workers.
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { Document, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/db/client.ts";
import * as s from "../src/db/schema/index.ts";
import { findWorkspace } from "../src/queries/find-plan.ts";
import { collectCompiledReport } from "../src/reports/compiled/collect.ts";
import { renderCompiledDocx } from "../src/reports/compiled/render-docx.ts";
import { renderCompiledPdf } from "../src/reports/compiled/render-pdf.ts";
import { portable } from "../src/reports/render-worker/jobs.ts";
import { RenderPool } from "../src/reports/render-worker/pool.ts";
import { multiplyPlan, type Multiplied } from "./synthetic-workspace.ts";
import { median, round, summarize, type LatencySummary } from "./stats.ts";

export interface DocumentFigure {
  ms: number;
  pages: number | null;
  ratioToFloor: number;
}

export interface DocumentFigures {
  documents: Record<string, DocumentFigure>;
  floor: { docxMs: number; pdfMs: number };
  synthetic: Multiplied & { factor: number };
  /** A light page's latency, alone and while two large PDFs are rendered in the workers. */
  responsiveness: { path: string; idleMs: LatencySummary; duringRenderMs: LatencySummary; requestsDuringRender: number };
}

const FONTS = join(dirname(fileURLToPath(import.meta.resolve("dejavu-fonts-ttf/package.json"))), "ttf");

async function medianMs(runs: number, once: () => Promise<unknown>): Promise<number> {
  await once(); // warm-up: modules, fonts, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return round(median(times), 1);
}

async function pdfPages(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

function smallestPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("body", join(FONTS, "DejaVuSans.ttf"));
    doc.font("body").text("Sammanställd rapport");
    doc.end();
  });
}

export async function benchDocuments(db: Db, app: FastifyInstance, options: { runs: number; factor: number; lightPath: string; log: (line: string) => void }): Promise<DocumentFigures> {
  const workspace = await findWorkspace(db, "malmo");
  const [plan] = await db.select().from(s.plans).where(and(eq(s.plans.workspaceId, workspace.id), eq(s.plans.slug, "fri-fran-vald")));
  const [round2024] = await db.select().from(s.followUpRounds).where(and(eq(s.followUpRounds.planId, plan!.id), eq(s.followUpRounds.slug, "uppfoljning-2024")));
  const collect = () => collectCompiledReport(db, { workspace, plan: plan!, round: round2024!, viewer: null, options: { includeDrafts: false, locale: "sv" } });

  const floor = {
    docxMs: await medianMs(options.runs, () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Sammanställd rapport")] }] }))),
    pdfMs: await medianMs(options.runs, smallestPdf),
  };
  const documents: Record<string, DocumentFigure> = {};
  const measure = async (name: string, runs: number) => {
    options.log(`  ${name}: Word and PDF, ${runs} runs each…`);
    const docxMs = await medianMs(runs, async () => renderCompiledDocx(await collect()));
    const pdfMs = await medianMs(runs, async () => renderCompiledPdf(await collect()));
    const pages = await pdfPages(await renderCompiledPdf(await collect()));
    documents[`${name}Docx`] = { ms: docxMs, pages: null, ratioToFloor: round(docxMs / floor.docxMs, 1) };
    documents[`${name}Pdf`] = { ms: pdfMs, pages, ratioToFloor: round(pdfMs / floor.pdfMs, 1) };
  };
  await measure("malmoRound", options.runs);

  options.log(`  making the plan ${options.factor}× its size…`);
  const synthetic = { factor: options.factor, ...(await multiplyPlan(db, plan!.id, options.factor)) };
  await measure(`synthetic${options.factor}x`, Math.max(1, Math.ceil(options.runs / 3)));

  options.log("  the server while two large PDFs are rendered in the workers…");
  // The server while large PDFs are rendered: a light page, one request at a time.
  const light = async () => {
    const started = performance.now();
    const res = await app.inject({ method: "GET", url: options.lightPath });
    if (res.statusCode !== 200) throw new Error(`${options.lightPath} answered ${res.statusCode}`);
    return performance.now() - started;
  };
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await light());
  const pool = new RenderPool(2);
  const big = portable(await collect());
  await pool.render("compiled-pdf", big); // start both workers' modules before measuring
  let rendering = 2;
  const renders = [pool.render("compiled-pdf", big), pool.render("compiled-pdf", big)].map((p) => p.finally(() => rendering--));
  const during: number[] = [];
  while (rendering > 0) {
    during.push(await light());
    // Give the event loop a turn: an injected request can resolve in microtasks alone, which would starve the workers'
    // replies and keep this loop going forever.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(renders);
  await pool.close();
  return {
    documents, floor, synthetic,
    responsiveness: { path: options.lightPath, idleMs: summarize(idle), duringRenderMs: summarize(during), requestsDuringRender: during.length },
  };
}
