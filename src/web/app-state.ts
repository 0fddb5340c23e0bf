// What the web layer needs from the running process: the database, the read cache, and whether startup is done.
import type { Database } from "../db/client.ts";
import { ReadCache } from "../queries/read-cache.ts";
import type { Mailer } from "../mail/mailer.ts";

export interface AppState {
  /** The open database; requests only reach it once `ready` is true (until then every page answers 503). */
  readonly database: Database;
  cache: ReadCache;
  /** False until migrations and the demo load are done; /healthz answers 503 until then. */
  ready: boolean;
  /** Set when served over https (PUBLIC_URL), so cookies get Secure and HSTS is sent. */
  secure: boolean;
  /** Where links in mail point: PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  /** Outgoing mail (invitations, password reset); set once the database is open. */
  mailer: Mailer | undefined;
  /** The largest attachment accepted on a report, in bytes (config SAMVERKA_ATTACHMENT_MAX_MB). */
  attachmentMaxBytes: number;
}

/** 20 MB, the default of SAMVERKA_ATTACHMENT_MAX_MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export function createAppState(
  database: Database,
  options: { ready?: boolean; secure?: boolean; publicUrl?: string; mailer?: Mailer; attachmentMaxBytes?: number } = {},
): AppState {
  return {
    database, cache: new ReadCache(), ready: options.ready ?? true, secure: options.secure ?? false,
    publicUrl: options.publicUrl ?? "http://localhost:3000", mailer: options.mailer,
    attachmentMaxBytes: options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}

/**
 * State for a server that starts listening before its database is open, so /healthz can say "starting" (503)
 * while the embedded database opens and migrates. `attach` hands over the database once it is open.
 */
export function createStartingAppState(options: { secure: boolean; publicUrl: string; attachmentMaxBytes?: number }): AppState & { attach(database: Database): void } {
  let attached: Database | undefined;
  return {
    get database(): Database {
      if (!attached) throw new Error("the database is not open yet");
      return attached;
    },
    attach(database: Database) {
      attached = database;
    },
    cache: new ReadCache(),
    ready: false,
    secure: options.secure,
    publicUrl: options.publicUrl,
    mailer: undefined,
    attachmentMaxBytes: options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}
