// `npm run bench`: throughput and latency of two public pages against a bare-Fastify floor, the uncached render,
// and the start time of `samverka serve`. Prints a table and writes bench/results.json. See bench/README.md.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Fastify from "fastify";
import { h } from "preact";
import { openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { seedDemo } from "../src/db/seed-demo/index.ts";
import { createAppState } from "../src/web/app-state.ts";
import { buildApp } from "../src/web/server.ts";
import { findVisiblePlan, findWorkspace } from "../src/queries/find-plan.ts";
import { loadPlanGraph, type PlanGraph } from "../src/queries/plan-graph.ts";
import { renderDocument, type PageNode } from "../src/web/render.ts";
import { translator } from "../src/web/i18n/index.ts";
import type { PageContext } from "../src/web/context.ts";
import { PlanPage } from "../src/web/pages/public/plan-page.tsx";
import { GoalPage } from "../src/web/pages/public/goal-page.tsx";
import { LoadGenerator, type LoadResult } from "./throughput.ts";
import { timeStart, type StartRun } from "./cold-start.ts";
import { fmt, median, round, summarize, type LatencySummary } from "./stats.ts";
import { benchAuthoring } from "./authoring.ts";
import { benchDocuments } from "./documents.ts";
import { benchImport } from "./import.ts";
import { benchYear } from "./year.ts";

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

const settings = {
  connections: envInt("BENCH_CONNECTIONS", 50),
  durationSec: envInt("BENCH_DURATION", 8),
  warmupSec: envInt("BENCH_WARMUP", 2),
  uncachedRequests: envInt("BENCH_UNCACHED", 100),
  coldStartRuns: envInt("BENCH_COLD_RUNS", 3),
  documentRuns: envInt("BENCH_DOCUMENT_RUNS", 5),
  documentFactor: envInt("BENCH_DOCUMENT_FACTOR", 10),
  importRuns: envInt("BENCH_IMPORT_RUNS", 10),
};

const WS = "malmo";
const PLAN = "fri-fran-vald";
const GOAL = "3";
const pages = [
  { key: "planOverview", label: "plan overview", path: `/${WS}/planer/${PLAN}` },
  { key: "goal", label: `goal ${GOAL}`, path: `/${WS}/planer/${PLAN}/mal/${GOAL}` },
] as const;

const log = (line: string) => process.stderr.write(`${line}\n`);
/** 1-minute load average at the start: above ~0.5 on this 2-core machine, other processes are competing and the figures are noisy. */
const loadBefore = round(loadavg()[0]!, 2);
const elapsed = (since: number) => round(performance.now() - since, 1);

// ---- The app, in process, on in-memory PGlite with the demo -------------------------------------------------------

log("setting up: PGlite in memory, migrate, demo load…");
let t = performance.now();
const database = await openDatabase({ engine: "pglite" });
const openMs = elapsed(t);
t = performance.now();
await migrate(database);
const migrateMs = elapsed(t);
t = performance.now();
await seedDemo(database.db);
const seedMs = elapsed(t);

const state = createAppState(database);
const app = await buildApp(state, { logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET on a kept-alive connection; the time covers the whole body. */
function get(url: string): Promise<{ status: number; ms: number; body: Buffer; contentType: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks),
          contentType: String(res.headers["content-type"] ?? ""),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const bodies = new Map<string, { body: Buffer; contentType: string }>();
for (const page of pages) {
  const first = await get(appBase + page.path);
  if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}`);
  bodies.set(page.path, { body: first.body, contentType: first.contentType });
}

// ---- The floor: bare Fastify answering the same bytes -------------------------------------------------------------

const floor = Fastify({ logger: false });
for (const page of pages) {
  const { body, contentType } = bodies.get(page.path)!;
  floor.get(page.path, (_request, reply) => reply.type(contentType).send(body));
}
await floor.listen({ port: 0, host: "127.0.0.1" });
const floorBase = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}`;

// ---- Throughput under load ----------------------------------------------------------------------------------------

const loads = new LoadGenerator();
const throughput: Record<string, { path: string; htmlBytes: number; app: LoadResult; floor: LoadResult; ratio: { p50: number; rps: number } }> = {};
for (const page of pages) {
  const job = { connections: settings.connections, durationSec: settings.durationSec, warmupSec: settings.warmupSec };
  log(`load: app ${page.path} (${settings.warmupSec} s warm-up + ${settings.durationSec} s)…`);
  const appRun = await loads.run({ ...job, url: appBase + page.path });
  log(`load: floor ${page.path}…`);
  const floorRun = await loads.run({ ...job, url: floorBase + page.path });
  throughput[page.key] = {
    path: page.path,
    htmlBytes: bodies.get(page.path)!.body.length,
    app: appRun,
    floor: floorRun,
    ratio: { p50: round(appRun.latencyMs.p50 / floorRun.latencyMs.p50, 2), rps: round(appRun.rps / floorRun.rps, 3) },
  };
}
await loads.close();
await floor.close();

// ---- Uncached render: cache emptied before each request, one request at a time ------------------------------------

const workspace = await findWorkspace(database.db, WS);
const plan = await findVisiblePlan(database.db, workspace, PLAN);
const loadGraph = () => loadPlanGraph(database.db, workspace, plan, { includeUnaccepted: false });
const ctxFor = (path: string): PageContext => ({ locale: "sv", t: translator("sv"), path, viewer: null });
const renderers: Record<(typeof pages)[number]["key"], (graph: PlanGraph, ctx: PageContext) => PageNode> = {
  planOverview: (graph, ctx) => h(PlanPage, { ctx, graph }),
  goal: (graph, ctx) => {
    const goal = graph.goals.find((g) => g.number === GOAL);
    if (!goal) throw new Error(`goal ${GOAL} missing from the demo`);
    return h(GoalPage, { ctx, graph, goal });
  },
};

async function timeEach(n: number, before: () => void, once: () => Promise<unknown> | unknown): Promise<LatencySummary> {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    before();
    const started = performance.now();
    await once();
    if (i >= 5) times.push(performance.now() - started); // the first 5 are warm-up
  }
  return summarize(times);
}

const uncached: Record<string, { requests: number; uncachedMs: LatencySummary; cachedMs: LatencySummary; graphLoadMs: LatencySummary; renderMs: LatencySummary }> = {};
for (const page of pages) {
  log(`uncached: ${page.path} (${settings.uncachedRequests} sequential requests)…`);
  const url = appBase + page.path;
  const check = async () => {
    const res = await get(url);
    if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
  };
  const uncachedMs = await timeEach(settings.uncachedRequests, () => state.cache.invalidate(), check);
  const cachedMs = await timeEach(settings.uncachedRequests, () => undefined, check);
  const graphLoadMs = await timeEach(settings.uncachedRequests, () => undefined, loadGraph);
  const graph = await loadGraph();
  const render = renderers[page.key];
  const renderMs = await timeEach(settings.uncachedRequests, () => undefined, () => renderDocument(render(graph, ctxFor(page.path))));
  uncached[page.key] = { requests: settings.uncachedRequests, uncachedMs, cachedMs, graphLoadMs, renderMs };
}
agent.destroy();
log(`authoring: search and saving an activity (${settings.uncachedRequests} each)…`);
const authoring = await benchAuthoring(database.db, { planSlug: PLAN, activityNumber: "1.2", coordinatorEmail: "samordnare@malmo.example", requests: settings.uncachedRequests });
// Last on this database: it makes the plan ten times its size.
log(`documents: the compiled report as Word and PDF, the demo round and ${settings.documentFactor}× its size…`);
const documents = await benchDocuments(database.db, app, { runs: settings.documentRuns, factor: settings.documentFactor, lightPath: pages[1].path, log });
log("year: the annual wheel of 2027 (query, SVG, PNG, PDF) and the calendar feeds…");
const year = await benchYear(database.db, { runs: settings.documentRuns, log });
await app.close();
await database.close();
log("import: read + recognise of our fixtures and the seed documents…");
const imports = await benchImport({ runs: settings.importRuns, log });

// ---- Start time of `samverka serve` -------------------------------------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), "samverka-bench-"));
let firstStart: StartRun;
const coldRuns: StartRun[] = [];
try {
  const dataDir = join(scratch, "data");
  log("first start: empty data dir → ready (migrate + demo load)…");
  firstStart = await timeStart(dataDir);
  for (let i = 0; i < settings.coldStartRuns; i++) {
    log(`cold start ${i + 1}/${settings.coldStartRuns}: demo data dir → ready…`);
    coldRuns.push(await timeStart(dataDir));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const coldStart = {
  runs: coldRuns.length,
  coldStartMs: round(median(coldRuns.map((r) => r.readyMs)), 1),
  listeningMs: round(median(coldRuns.map((r) => r.listeningMs)), 1),
  rssMb: round(median(coldRuns.map((r) => r.rssMb)), 1),
  stopMs: round(median(coldRuns.map((r) => r.stopMs)), 1),
  each: coldRuns,
};

// ---- Report -------------------------------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const out: string[] = [];
out.push(`Samverka bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? "?"})`);
const loadAfter = round(loadavg()[0]!, 2);
out.push(`load average (1 min) at start ${fmt(loadBefore)}, at end ${fmt(loadAfter)}${Math.max(loadBefore, loadAfter) > 1 ? "  ← other processes were busy: figures are noisy" : ""}`);
out.push(`setup in process: PGlite open ${fmt(openMs, 0)} ms, migrate ${fmt(migrateMs, 0)} ms, demo load ${fmt(seedMs, 0)} ms`);
out.push("");
out.push(
  `Under load: autocannon, ${settings.connections} connections, ${settings.warmupSec} s warm-up + ${settings.durationSec} s, from a worker thread of the same process`,
);
const loadRows: string[][] = [];
for (const page of pages) {
  const r = throughput[page.key]!;
  for (const [who, run] of [["app", r.app], ["floor", r.floor]] as const) {
    loadRows.push([
      `${page.label} ${who}`,
      fmt(run.latencyMs.p50),
      fmt(run.latencyMs.p90),
      fmt(run.latencyMs.p99),
      fmt(run.rps, 0),
      fmt(run.bytesPerResponse / 1024, 1),
      fmt(run.serverElu),
      String(run.non2xx + run.errors),
    ]);
  }
  loadRows.push([`${page.label} app/floor`, `×${fmt(r.ratio.p50)}`, "", "", `×${fmt(r.ratio.rps, 3)}`, "", "", ""]);
}
out.push(table(["target", "p50 ms", "p90 ms", "p99 ms", "req/s", "KiB/resp", "server ELU", "non-2xx+err"], loadRows));
if (pages.some((page) => throughput[page.key]!.floor.serverElu < 0.8)) {
  out.push("note: floor server ELU < 0.8 — the floor is held back by the load generator, so app/floor understates the gap");
}
out.push("");
out.push(`One request at a time (${settings.uncachedRequests} each after 5 warm-up): uncached = read cache emptied before every request`);
out.push(
  table(
    ["page", "uncached p50", "uncached p99", "cached p50", "graph load p50", "render p50"],
    pages.map((page) => {
      const u = uncached[page.key]!;
      return [page.label, fmt(u.uncachedMs.p50), fmt(u.uncachedMs.p99), fmt(u.cachedMs.p50), fmt(u.graphLoadMs.p50), fmt(u.renderMs.p50)];
    }),
  ) + "   (ms)",
);
out.push("");
out.push(`Authoring, one at a time (${settings.uncachedRequests} each after 5 warm-up), with a floor on the same database`);
out.push(
  table(
    ["operation", "p50 ms", "p90 ms", "p99 ms", "floor p50 ms", "×floor"],
    [
      [`search "${authoring.search.query}" (${authoring.search.hits} hits)`, fmt(authoring.search.ms.p50), fmt(authoring.search.ms.p90), fmt(authoring.search.ms.p99), fmt(authoring.search.floorMs.p50), `×${fmt(authoring.search.ratioP50, 1)}`],
      [`save an activity (+${authoring.saveActivity.revisionsFrozen} revisions)`, fmt(authoring.saveActivity.ms.p50), fmt(authoring.saveActivity.ms.p90), fmt(authoring.saveActivity.ms.p99), fmt(authoring.saveActivity.floorMs.p50), `×${fmt(authoring.saveActivity.ratioP50, 1)}`],
    ],
  ),
);
out.push("  floors: search → `select 1`; save → a transaction that only updates the row's timestamp");
out.push("");
out.push(
  `Documents: collect + render of the compiled report (median of ${settings.documentRuns}; ${documents.synthetic.factor}× = the plan with ${documents.synthetic.organisations} organisations, ${documents.synthetic.activities} activities, ${documents.synthetic.activityReports} activity reports)`,
);
out.push(
  table(
    ["document", "ms", "pages", "×floor"],
    Object.entries(documents.documents).map(([name, d]) => [name, fmt(d.ms, 0), d.pages === null ? "" : String(d.pages), `×${fmt(d.ratioToFloor, 1)}`]),
  ),
);
out.push(`  floors: the smallest Word file ${fmt(documents.floor.docxMs, 1)} ms, the smallest PDF with the same fonts ${fmt(documents.floor.pdfMs, 1)} ms`);
const resp = documents.responsiveness;
out.push(
  `  while two ${documents.synthetic.factor}× PDFs render in the workers, ${resp.path} answered ${resp.requestsDuringRender} times: p50 ${fmt(resp.duringRenderMs.p50)} ms, p99 ${fmt(resp.duringRenderMs.p99)} ms (idle p50 ${fmt(resp.idleMs.p50)} ms, p99 ${fmt(resp.idleMs.p99)} ms)`,
);
out.push("");
out.push(`Import: read + recognise, no target plan (median of ${settings.importRuns} after a warm-up)${imports.seeds ? "" : "; ../shared/seeds absent, fixtures only"}`);
out.push(
  table(
    ["document", "KiB", "ms", "×floor"],
    Object.entries(imports.documents).map(([name, d]) => [name, fmt(d.kb, 1), fmt(d.ms, 1), `×${fmt(d.ratioToFloor, 0)}`]),
  ),
);
out.push("  floor: decoding the same bytes and splitting them into lines");
out.push("");
out.push(`year: the Malmö annual wheel 2027 (${year.occurrences} occurrences), median of ${settings.documentRuns}`);
out.push(table(["step", "ms", "× floor"], Object.entries(year.figures).map(([name, f]) => [name, fmt(f.ms, 1), fmt(f.ratioToFloor, 0)])));
out.push("  floor: JSON.stringify of the same year");
out.push("");
out.push(`samverka serve as a child process (/healthz polled every 20 ms)`);
out.push(
  table(
    ["start", "ready ms", "listening ms", "rss MiB", "SIGTERM→exit ms"],
    [
      ["first start (empty data dir)", fmt(firstStart.readyMs, 0), fmt(firstStart.listeningMs, 0), fmt(firstStart.rssMb, 1), fmt(firstStart.stopMs, 0)],
      [
        `cold start (median of ${coldStart.runs})`,
        fmt(coldStart.coldStartMs, 0),
        fmt(coldStart.listeningMs, 0),
        fmt(coldStart.rssMb, 1),
        fmt(coldStart.stopMs, 0),
      ],
    ],
  ),
);
console.log(out.join("\n"));

// The top-level shape is shared with later issues, which add their own keys beside "pages".
const pagesSummary = Object.fromEntries(
  Object.entries(throughput).map(([key, t]) => [
    key,
    { path: t.path, p50Ms: t.app.latencyMs.p50, p99Ms: t.app.latencyMs.p99, rps: t.app.rps, floorRps: t.floor.rps, ratioToFloor: t.ratio.rps },
  ]),
);
const results = {
  pages: pagesSummary,
  coldStartMs: coldStart.coldStartMs,
  rssMb: coldStart.rssMb,
  authoring: {
    searchP50Ms: authoring.search.ms.p50, searchRatioToFloor: authoring.search.ratioP50,
    saveActivityP50Ms: authoring.saveActivity.ms.p50, saveRatioToFloor: authoring.saveActivity.ratioP50,
  },
  documents: Object.fromEntries(Object.entries(documents.documents).map(([name, d]) => [name, { ms: d.ms, pages: d.pages }])),
  import: Object.fromEntries(Object.entries(imports.documents).map(([name, d]) => [name, { ms: d.ms }])),
  year: Object.fromEntries(Object.entries(year.figures).map(([name, f]) => [name, { ms: f.ms }])),
  firstStartMs: firstStart.readyMs,
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  settings,
  loadAverage: { start: loadBefore, end: loadAfter },
  results: {
    setupMs: { pgliteOpen: openMs, migrate: migrateMs, demoLoad: seedMs },
    throughput,
    uncached,
    firstStart: { startMs: firstStart.readyMs, listeningMs: firstStart.listeningMs, rssMb: firstStart.rssMb, stopMs: firstStart.stopMs },
    coldStart,
    authoring,
    documents,
    import: imports,
    year,
  },
};
const file = fileURLToPath(new URL("./results.json", import.meta.url));
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${file}`);
