// What the web layer needs from the running process: the database, the read cache, and whether startup is done.
import type { Database } from "../db/client.ts";
import { ReadCache } from "../queries/read-cache.ts";

export interface AppState {
  database: Database;
  cache: ReadCache;
  /** False until migrations and the demo load are done; /healthz answers 503 until then. */
  ready: boolean;
  /** Set when served over https (PUBLIC_URL), so cookies get Secure and HSTS is sent. */
  secure: boolean;
}

export function createAppState(database: Database, options: { ready?: boolean; secure?: boolean } = {}): AppState {
  return { database, cache: new ReadCache(), ready: options.ready ?? true, secure: options.secure ?? false };
}
