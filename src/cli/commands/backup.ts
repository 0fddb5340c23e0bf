// `samverka backup <file>` and `samverka restore <file>`: gzip-compressed logical backups of the whole database.
import { readFile, writeFile, rename } from "node:fs/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { BackupRefused, createBackup, restoreBackup, validateBackup } from "../../db/backup.ts";
import { CONTENT_CHANNEL } from "../../queries/read-cache.ts";
import { Refused } from "../cli-error.ts";

export async function backupCommand(config: Config, file: string, out: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const backup = await createBackup(database);
    // Write beside the target and rename, so a failed write never leaves half a backup under the real name.
    const temporary = `${file}.partial`;
    await writeFile(temporary, gzipSync(JSON.stringify(backup)));
    await rename(temporary, file);
    const rows = Object.values(backup.tables).reduce((sum, list) => sum + list.length, 0);
    out(`backup written to ${file} (${rows} rows from ${database.location})`);
  } finally {
    await database.close();
  }
}

export async function restoreCommand(config: Config, file: string, out: (line: string) => void): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch {
    throw new Refused(`cannot read ${file}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(raw).toString("utf8"));
  } catch {
    throw new Refused(`${file} is not a readable Samverka backup (not gzip-compressed JSON, or truncated)`);
  }
  const database = await openConfiguredDatabase(config);
  try {
    const backup = validateBackup(parsed);
    await migrate(database);
    const { rows } = await restoreBackup(database, backup);
    await database.exec(`select pg_notify('${CONTENT_CHANNEL}', 'restore')`);
    out(`restored ${rows} rows into ${database.location}`);
  } catch (error) {
    if (error instanceof BackupRefused) throw new Refused(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
