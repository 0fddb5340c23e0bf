// Logical backup and restore: every row of every table as JSON, read in one snapshot, written back in one transaction.
// PostgreSQL converts each value to JSON and back itself (row_to_json / json_populate_recordset), so types survive.
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "./client.ts";
import { tablesInDependencyOrder } from "./tables.ts";

export const BACKUP_FORMAT = "samverka-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Number of migrations applied to the database the backup came from. */
  schemaVersion: number;
  engine: string;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

export class BackupRefused extends Error {}

async function schemaVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}

function quoted(name: string) {
  return sql.raw(`"${name.replaceAll('"', '""')}"`);
}

export async function createBackup(database: Database): Promise<Backup> {
  return database.db.transaction(
    async (tx) => {
      const db = tx as unknown as Db;
      const tables: Record<string, unknown[]> = {};
      for (const { name } of tablesInDependencyOrder) {
        // Ordered by the text of the whole row so that the same data always gives the same file.
        const [row] = await queryRows<{ rows: unknown[] }>(db, sql`select coalesce(json_agg(r order by r::text), '[]'::json) as rows from ${quoted(name)} r`);
        tables[name] = row?.rows ?? [];
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schemaVersion: await schemaVersion(db),
        engine: database.engine,
        createdAt: new Date().toISOString(),
        tables,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Checks the shape of a parsed backup file; throws BackupRefused with what is wrong. */
export function validateBackup(value: unknown): Backup {
  const backup = value as Partial<Backup> | null;
  if (!backup || typeof backup !== "object" || backup.format !== BACKUP_FORMAT) throw new BackupRefused("the file is not a Samverka backup");
  if (backup.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupRefused(`backup format version ${backup.formatVersion} is not supported (this version reads ${BACKUP_FORMAT_VERSION})`);
  if (typeof backup.schemaVersion !== "number" || !backup.tables || typeof backup.tables !== "object") throw new BackupRefused("the backup is incomplete");
  for (const [name, rows] of Object.entries(backup.tables)) {
    if (!Array.isArray(rows)) throw new BackupRefused(`table ${name} in the backup is not a list of rows`);
    if (!tablesInDependencyOrder.some((t) => t.name === name)) throw new BackupRefused(`the backup has a table this version does not know: ${name}`);
  }
  return backup as Backup;
}

/** Restores into a migrated, empty database in one transaction: on any failure nothing is written. */
export async function restoreBackup(database: Database, backup: Backup): Promise<{ rows: number }> {
  const current = await schemaVersion(database.db);
  if (backup.schemaVersion !== current) {
    throw new BackupRefused(
      `the backup was made at schema version ${backup.schemaVersion} and this install is at ${current}; restore it with the Samverka version that made it, then upgrade`,
    );
  }
  return database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    for (const { name } of tablesInDependencyOrder) {
      const [row] = await queryRows<{ taken: boolean }>(db, sql`select exists (select 1 from ${quoted(name)}) as taken`);
      if (row?.taken) throw new BackupRefused(`the database is not empty (table ${name} has rows); restore needs an empty data dir or database`);
    }
    let rows = 0;
    for (const { name } of tablesInDependencyOrder) {
      const tableRows = backup.tables[name] ?? [];
      if (tableRows.length === 0) continue;
      // One statement per table: self-references (organisation.parent_id) are checked at its end, so row order does not matter.
      await db.execute(sql`insert into ${quoted(name)} select * from json_populate_recordset(null::${quoted(name)}, ${JSON.stringify(tableRows)}::json)`);
      rows += tableRows.length;
    }
    return { rows };
  });
}
