// `samverka import-workspace <file.json> [--as <new-slug>]`: checks the file, then writes it in one transaction.
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { CONTENT_CHANNEL } from "../../queries/read-cache.ts";
import { ImportRefused, importWorkspace, parseWorkspaceExport } from "../../reports/workspace-export/import.ts";
import { Refused, UsageError } from "../cli-error.ts";
import { WORKSPACE_LIMITS } from "../../commands/create-workspace.ts";
import { RESERVED_WORKSPACE_SLUGS, slugProblem } from "../../commands/support/plan-structure.ts";
import { readFile } from "node:fs/promises";

export async function importWorkspaceCommand(config: Config, file: string, options: { as?: string }, out: (line: string) => void, help: string): Promise<void> {
  if (options.as !== undefined && slugProblem(options.as, WORKSPACE_LIMITS.slug, RESERVED_WORKSPACE_SLUGS)) {
    throw new UsageError(`--as "${options.as}" is not a usable workspace slug (1–${WORKSPACE_LIMITS.slug} lower-case letters, digits and hyphens, not a reserved word)\n${help}`);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Refused(`cannot read ${file}`);
  }
  let parsed;
  try {
    // Checked before the database is opened: a bad file answers at once and touches nothing.
    parsed = parseWorkspaceExport(text);
  } catch (error) {
    if (error instanceof ImportRefused) throw new Refused(`${file}: ${error.message}`);
    throw error;
  }
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const result = await importWorkspace(database.db, parsed, { as: options.as, via: "cli" });
    await database.exec(`select pg_notify('${CONTENT_CHANNEL}', 'import')`);
    out(
      `workspace "${result.slug}" imported from ${file} into ${database.location} (${result.rows} rows` +
        `${options.as !== undefined ? ", every id replaced by a new one" : ""}); ` +
        `${result.usersMatched} people matched existing accounts by address, ${result.usersCreated} new accounts without a password ` +
        `(they set one with "Forgot password")`,
    );
  } catch (error) {
    if (error instanceof ImportRefused) throw new Refused(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
