// A render worker's loop: one job at a time from the pool, the document's bytes back (transferred, not copied), or the
// error's message. Runs in a worker thread started by ./pool.ts through ./worker-entry.mjs.
import { parentPort } from "node:worker_threads";
import { RENDER_JOBS, type RenderKind } from "./jobs.ts";

export interface RenderRequest {
  id: number;
  kind: RenderKind;
  data: unknown;
}

export type RenderResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

parentPort!.on("message", async (request: RenderRequest) => {
  try {
    const job = RENDER_JOBS[request.kind] as (data: unknown) => Promise<Buffer>;
    if (!job) throw new Error(`no render job "${String(request.kind)}"`);
    const body = await job(request.data);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    // A Buffer may sit in Node's shared pool: copy it into its own ArrayBuffer before transferring.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    parentPort!.postMessage({ id: request.id, ok: true, bytes: own } satisfies RenderResponse, [own.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderResponse);
  }
});
