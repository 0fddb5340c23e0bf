// Drives bench/load-worker.ts: one worker thread for all loads, one job at a time.
import { Worker } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import type { LoadJob, LoadMessage } from "./load-worker.ts";
import { round, summarize, type LatencySummary } from "./stats.ts";

export interface LoadResult {
  url: string;
  connections: number;
  durationSec: number;
  latencyMs: LatencySummary;
  /** 2xx responses per second over the measured run. */
  rps: number;
  /** Mean response size in bytes (headers included). */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Event-loop utilization of the server's (main) thread during the measured run: near 1 = the server was the bottleneck. */
  serverElu: number;
}

export class LoadGenerator {
  private readonly worker: Worker;

  constructor() {
    // Node 20 does not carry `--import tsx` into worker threads: register tsx in the worker, then load the TypeScript file.
    const tsxApi = import.meta.resolve("tsx/esm/api");
    const script = new URL("./load-worker.ts", import.meta.url).href;
    this.worker = new Worker(
      `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`,
      { eval: true },
    );
    this.worker.unref();
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      let elu = job.warmupSec > 0 ? undefined : performance.eventLoopUtilization();
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onMessage = (message: LoadMessage) => {
        if (message.type === "phase") {
          elu = performance.eventLoopUtilization();
          return;
        }
        cleanup();
        if (message.type === "error") return reject(new Error(`load generator: ${message.message}`));
        const used = performance.eventLoopUtilization(elu);
        const total = message.ok + message.non2xx;
        resolve({
          url: job.url,
          connections: job.connections,
          durationSec: message.durationSec,
          latencyMs: summarize(message.latencies),
          rps: round(message.ok / message.durationSec, 1),
          bytesPerResponse: total ? Math.round(message.bytes / total) : 0,
          non2xx: message.non2xx,
          errors: message.errors,
          timeouts: message.timeouts,
          serverElu: round(used.utilization, 2),
        });
      };
      const cleanup = () => {
        this.worker.off("message", onMessage);
        this.worker.off("error", onError);
      };
      this.worker.on("message", onMessage);
      this.worker.on("error", onError);
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
