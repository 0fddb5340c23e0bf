// `samverka migrate`: apply the committed migrations; never loads the demo.
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";

export async function migrateCommand(config: Config, out: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    out(`migrated ${database.location}`);
  } finally {
    await database.close();
  }
}
