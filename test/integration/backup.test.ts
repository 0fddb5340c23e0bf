// Backup and restore on the configured test engine (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { BackupRefused, createBackup, restoreBackup, validateBackup } from "../../src/db/backup.ts";
import { openTestDatabase } from "../support/db.ts";

let source: Database;
let target: Database;

beforeAll(async () => {
  source = await openTestDatabase({ demo: true });
  target = await openTestDatabase({ demo: false });
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const workspaceCount = async (database: Database) =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from workspace`))[0]!.n;

describe("backup and restore", () => {
  it("leaves the target untouched when a row fails half-way (one transaction)", async () => {
    const backup = await createBackup(source);
    const broken = structuredClone(backup);
    // A figure pointing at a report that does not exist fails near the end, after the workspaces went in.
    (broken.tables.figure as Array<Record<string, unknown>>)[0]!.activity_report_id = "00000000-0000-4000-8000-000000000000";
    await expect(restoreBackup(target, broken)).rejects.toThrow();
    expect(await workspaceCount(target)).toBe(0);
  });

  it("restores every row so that a backup of the copy equals the original", async () => {
    const backup = await createBackup(source);
    const { rows } = await restoreBackup(target, validateBackup(JSON.parse(JSON.stringify(backup))));
    expect(rows).toBe(Object.values(backup.tables).reduce((n, list) => n + list.length, 0));
    const copy = await createBackup(target);
    expect(copy.tables).toEqual(backup.tables);
    expect(await workspaceCount(target)).toBe(2);
  });

  it("refuses to restore over data, and refuses files that are not backups", async () => {
    const backup = await createBackup(source);
    await expect(restoreBackup(target, backup)).rejects.toThrow(/the database is not empty/);
    expect(() => validateBackup({ hello: 1 })).toThrow(BackupRefused);
    expect(() => validateBackup({ ...backup, tables: { nope: [] } })).toThrow(/does not know: nope/);
    await expect(restoreBackup(target, { ...backup, schemaVersion: 999 })).rejects.toThrow(/schema version 999/);
  });
});
