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
        try {
          // Let the closed pool's connections finish leaving, so the drop does not have to kill them.
          for (let i = 0; i < 40; i++) {
            const { rows } = await cleanup.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
            if (rows[0]?.n === 0) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await cleanup.query(`drop database if exists ${name} with (force)`);
        } finally {
          await cleanup.end();
        }
      },
    };
  }
  const snapshots = inject("pgliteSnapshots");
  const file = options.demo ? snapshots.demo : snapshots.empty;
  return openDatabase({ engine: "pglite", loadDataDir: new Blob([readFileSync(file)]) });
}
