// Runs autocannon in a worker thread, so the load generator has its own core and the server's event loop only serves.
// Latencies come from autocannon's per-response times (float ms); its own histograms round to whole milliseconds.
import { parentPort } from "node:worker_threads";
import autocannon from "autocannon";

export interface LoadJob {
  url: string;
  connections: number;
  /** Seconds of load whose figures are kept. */
  durationSec: number;
  /** Seconds of load first, thrown away (0 = none). */
  warmupSec: number;
}

export type LoadMessage =
  | { type: "phase"; phase: "measure" }
  | {
      type: "done";
      /** Latencies of the 2xx responses, ms. */
      latencies: Float64Array;
      ok: number;
      non2xx: number;
      errors: number;
      timeouts: number;
      bytes: number;
      durationSec: number;
    }
  | { type: "error"; message: string };

function run(job: LoadJob, durationSec: number, keep: boolean) {
  return new Promise<Extract<LoadMessage, { type: "done" }>>((resolve, reject) => {
    let latencies = new Float64Array(1 << 16);
    let ok = 0;
    const instance = autocannon({ url: job.url, connections: job.connections, duration: durationSec, timeout: 10 }, (error, result) => {
      if (error) return reject(error);
      resolve({
        type: "done",
        latencies: keep ? latencies.slice(0, ok) : new Float64Array(0),
        ok,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        bytes: result.totalBytes,
        durationSec: result.duration,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) return;
      if (keep) {
        if (ok === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[ok] = responseTime;
      }
      ok++;
    });
  });
}

const port = parentPort;
if (!port) throw new Error("load-worker.ts runs as a worker thread (see bench/throughput.ts)");

port.on("message", (job: LoadJob) => {
  void (async () => {
    try {
      if (job.warmupSec > 0) await run(job, job.warmupSec, false);
      port.postMessage({ type: "phase", phase: "measure" } satisfies LoadMessage);
      const done = await run(job, job.durationSec, true);
      port.postMessage(done satisfies LoadMessage, [done.latencies.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ type: "error", message: String(error) } satisfies LoadMessage);
    }
  })();
});
