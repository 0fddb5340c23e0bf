// `samverka export-workspace <slug> --out <file.json>`: the lossless workspace export (docs/export-format.md). Overwrites --out.
import { rename, writeFile } from "node:fs/promises";
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { ExportRefused, exportWorkspace } from "../../reports/workspace-export/export.ts";
import { serializeExport } from "../../reports/workspace-export/format.ts";
import { Refused } from "../cli-error.ts";

export async function exportWorkspaceCommand(config: Config, slug: string, file: string, out: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const exported = await exportWorkspace(database.db, slug);
    const text = serializeExport(exported);
    // Write beside the target and rename, so a failed write never leaves half a file under the real name.
    const temporary = `${file}.partial`;
    await writeFile(temporary, text);
    await rename(temporary, file);
    const rows = Object.values(exported.tables).reduce((sum, list) => sum + list.length, 1);
    out(`workspace "${slug}" exported to ${file} (${rows} rows, ${Buffer.byteLength(text)} bytes)`);
  } catch (error) {
    if (error instanceof ExportRefused) throw new Refused(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
