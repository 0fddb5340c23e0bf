// Opens a fresh database for one test file: a copy of the prepared snapshot (PGlite) or template (PostgreSQL).
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { TEMPLATE_DEMO, TEMPLATE_EMPTY, testDatabaseUrl, withDatabaseName } from "./engines.ts";

export async function openTestDatabase(options: { demo: boolean }): Promise<Database> {
  if (testDatabaseUrl) {
    const name = `samverka_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${options.demo ? TEMPLATE_DEMO : TEMPLATE_EMPTY}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ engine: "postgres", url: withDatabaseName(testDatabaseUrl, name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`).finally(() => cleanup.end());
      },
    };
  }
  const snapshots = inject("pgliteSnapshots");
  const file = options.demo ? snapshots.demo : snapshots.empty;
  return openDatabase({ engine: "pglite", loadDataDir: new Blob([readFileSync(file)]) });
}
