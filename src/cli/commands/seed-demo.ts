// `samverka seed-demo [--reset]`: migrate, then load the demo workspaces unless they are there (--reset replaces them).
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { removeDemo, seedDemo } from "../../db/seed-demo/index.ts";
import { CONTENT_CHANNEL } from "../../queries/read-cache.ts";

export async function seedDemoCommand(config: Config, options: { reset: boolean }, out: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    // One transaction: a failed reload leaves the old demo in place (the helpers' own transactions become savepoints).
    const { loaded } = await database.db.transaction(async (tx) => {
      const db = tx as unknown as typeof database.db;
      if (options.reset) await removeDemo(db);
      return seedDemo(db);
    });
    // A server on the same PostgreSQL database drops its cached pages.
    await database.exec(`select pg_notify('${CONTENT_CHANNEL}', 'demo')`);
    out(loaded ? `demo loaded into ${database.location}` : `demo already present in ${database.location}; nothing done (use --reset to replace it)`);
  } finally {
    await database.close();
  }
}
