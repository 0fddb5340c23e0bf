// Renders documents (Word, PDF) off the request thread, so the server keeps answering while a large report is built.
// A small pool of worker threads, started on first use and kept for the next job (starting one costs a second or
// more: tsx, docx, pdfkit); one job per worker at a time, the rest wait in order. Workers do not keep the process
// alive, and a worker that dies takes only its own job with it.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RenderData, RenderKind } from "./jobs.ts";
import type { RenderRequest, RenderResponse } from "./worker.ts";

interface Job {
  request: RenderRequest;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** A render that failed in the worker: its message, never a stack (the caller answers with its own page). */
export class RenderFailed extends Error {}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1))) {}

  render<K extends RenderKind>(kind: K, data: RenderData<K>): Promise<Buffer> {
    if (this.closed) return Promise.reject(new RenderFailed("the render pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, kind, data }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  private start(): Slot {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on("message", (response: RenderResponse) => {
      const job = slot.job;
      slot.job = null;
      worker.unref();
      if (job && job.request.id === response.id) {
        if (response.ok) job.resolve(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength));
        else job.reject(new RenderFailed(response.message));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.job?.reject(new RenderFailed(error.message));
      slot.job = null;
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.slots.includes(slot)) fail(new Error(`render worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Stops the workers; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new RenderFailed("the render pool is closed"));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

let shared: RenderPool | null = null;

/** The process's pool (the server's and the command line's). */
export function renderPool(): RenderPool {
  if (!shared) shared = new RenderPool();
  return shared;
}

export async function closeRenderPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
