// `samverka serve`: listen at once (health 503), migrate, load the demo into an empty database, then answer (health 200).
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { workspaceCount } from "../../db/workspace-count.ts";
import { seedDemo } from "../../db/seed-demo/index.ts";
import { buildApp } from "../../web/server.ts";
import { createAppState } from "../../web/app-state.ts";
import { CONTENT_CHANNEL } from "../../queries/read-cache.ts";

export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  const state = createAppState(database, { ready: false, secure: config.publicUrl.startsWith("https://") });
  const app = await buildApp(state, { logger: { level: config.logLevel, stream: process.stderr } });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  try {
    await migrate(database);
    if (config.loadDemo && (await workspaceCount(database.db)) === 0) {
      await seedDemo(database.db);
      app.log.info("demo workspaces loaded");
    }
    // Another process (a CLI command on PostgreSQL) may change data: empty the read cache when it says so.
    await database.listen(CONTENT_CHANNEL, () => state.cache.invalidate());
  } catch (error) {
    app.log.error({ err: error }, "startup failed");
    await app.close();
    await database.close();
    throw error;
  }
  state.ready = true;
  app.log.info({ ms: Date.now() - started, data: database.location, url: config.publicUrl }, "Samverka is ready");
}
