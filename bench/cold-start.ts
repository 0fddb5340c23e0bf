// Starts `node bin/samverka.mjs serve` as a child process and times it until /healthz answers 200.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { round } from "./stats.ts";

const BIN = fileURLToPath(new URL("../bin/samverka.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const POLL_MS = 20;
const GIVE_UP_MS = 120_000;

export interface StartRun {
  /** Spawn → first HTTP answer of any status (the server listens before migrating; /healthz says 503 until ready). */
  listeningMs: number;
  /** Spawn → first 200 from /healthz. */
  readyMs: number;
  /** VmRSS of the child once ready. */
  rssMb: number;
  /** SIGTERM → exit. */
  stopMs: number;
  exitCode: number | null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function healthz(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
    req.end();
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return round(kb / 1024, 1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** One start of `samverka serve` on dataDir: waits for ready, reads RSS, stops it with SIGTERM. */
export async function timeStart(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: "",
    PUBLIC_URL: "",
    SAMVERKA_DEMO: "1",
    LOG_LEVEL: "info",
  };
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const gone = exited(child);
  let listeningMs: number | undefined;
  let readyMs: number | undefined;
  try {
    while (readyMs === undefined) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`serve exited early (${child.exitCode ?? child.signalCode})`);
      const status = await healthz(port);
      const now = performance.now() - started;
      if (status !== undefined && listeningMs === undefined) listeningMs = now;
      if (status === 200) readyMs = now;
      else if (now > GIVE_UP_MS) throw new Error(`serve not ready after ${GIVE_UP_MS} ms (last status ${status ?? "none"})`);
      else await sleep(POLL_MS);
    }
    const rss = rssMb(child.pid!);
    const stopping = performance.now();
    child.kill("SIGTERM");
    const exitCode = await gone;
    return { listeningMs: round(listeningMs!, 1), readyMs: round(readyMs, 1), rssMb: rss, stopMs: round(performance.now() - stopping, 1), exitCode };
  } catch (error) {
    child.kill("SIGKILL");
    await gone;
    throw new Error(`${(error as Error).message}\n--- serve stderr ---\n${stderr}`);
  }
}
