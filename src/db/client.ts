// Opens the database: embedded PGlite in a data dir (default) or a PostgreSQL server when DATABASE_URL is set.
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import type { SQL } from "drizzle-orm";
import * as schema from "./schema/index.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs raw SQL text with no parameters (migrations, backup restore). */
  exec(sqlText: string): Promise<void>;
  /** Subscribes to NOTIFY on a channel (other processes' changes); returns an unsubscribe function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { engine: "postgres"; url: string }
  /** dataDir undefined = in memory; loadDataDir = a saved tarball to start from (tests). */
  | { engine: "pglite"; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server drops (a restart, a terminated backend) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on("error", () => undefined);
    // Fail fast with a clear error when the server is unreachable.
    const probe = await pool.connect();
    probe.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const listeners = new Set<() => Promise<void>>();
    return {
      db,
      engine: "postgres",
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      listen: (channel, onNotify) => listenOnServer(target.url, channel, onNotify, listeners),
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
    };
  }
  const client = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    listen: async (channel, onNotify) => {
      const unsubscribe = await client.listen(channel, () => onNotify());
      return unsubscribe;
    },
    close: () => client.close(),
    // Exposed for tests that snapshot a prepared database.
    ...{ pglite: client },
  };
}

/**
 * LISTEN on its own connection (not the pool's, so pool.end() is not kept waiting). A dropped connection is
 * reopened after a pause; whatever happened meanwhile is unknown, so the subscriber is told "changed" then.
 */
async function listenOnServer(url: string, channel: string, onNotify: () => void, registry: Set<() => Promise<void>>) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), 1000);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on("error", () => {
      if (stopped) return;
      void next.end().catch(() => undefined);
      onNotify();
      reconnectLater();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  const stop = async () => {
    stopped = true;
    clearTimeout(retry);
    registry.delete(stop);
    await client?.end().catch(() => undefined);
  };
  registry.add(stop);
  return stop;
}

/** The underlying PGlite of a Database opened on the embedded engine (tests use it to snapshot a data dir). */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as unknown as { pglite?: PGlite }).pglite;
}

/** Runs a raw SQL query and returns its rows (both drivers answer with { rows }). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
