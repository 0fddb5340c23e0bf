// `samverka serve`: listen at once (health 503), open and migrate the database, load the demo into an empty
// database, then answer (health 200).
import type { Config } from "../../config.ts";
import { openConfiguredDatabase, type OpenedDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { workspaceCount } from "../../db/workspace-count.ts";
import { CONTENT_CHANNEL } from "../../queries/read-cache.ts";

export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  // Start opening the database first: PGlite compiles its WebAssembly while the web modules below load.
  const opening = openConfiguredDatabase(config);
  opening.catch(() => undefined); // awaited (and reported) below
  const [{ buildApp }, { createStartingAppState }, { seedDemo }] = await Promise.all([
    import("../../web/server.ts"),
    import("../../web/app-state.ts"),
    import("../../db/seed-demo/index.ts"),
  ]);
  const state = createStartingAppState({
    secure: config.publicUrl.startsWith("https://"), publicUrl: config.publicUrl, attachmentMaxBytes: config.attachmentMaxBytes,
  });
  const app = await buildApp(state, { logger: { level: config.logLevel, stream: process.stderr } });

  let database: OpenedDatabase | undefined;
  let stopReminders: (() => Promise<void>) | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    try {
      await stopReminders?.();
      await app.close();
    } finally {
      state.mailer?.close();
      await database?.close();
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await app.listen({ port: config.port, host: config.host });
    database = await opening;
    state.attach(database);
    await migrate(database);
    if (config.loadDemo && (await workspaceCount(database.db)) === 0) {
      await seedDemo(database.db);
      app.log.info("demo workspaces loaded");
    }
    const { createMailer } = await import("../../mail/mailer.ts");
    state.mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db });
    // Another process (a CLI command on PostgreSQL) may change data: empty the read cache when it says so.
    await database.listen(CONTENT_CHANNEL, () => state.cache.invalidate());
  } catch (error) {
    app.log.error({ err: error }, "startup failed");
    await app.close();
    await (database ?? (await opening.catch(() => undefined)))?.close();
    throw error;
  }
  state.ready = true;
  // Mail left queued by a stop or crash goes out now; failures are recorded in the outbox, never thrown here.
  void state.mailer?.deliverQueued().catch((error: unknown) => app.log.warn({ err: error }, "mail delivery failed"));
  // Follow-up reminders: shortly after start, then every 15 minutes (SAMVERKA_REMINDERS=0 turns them off here).
  if (config.reminders && state.mailer) {
    const { startReminderSchedule } = await import("../../follow-up/reminder-schedule.ts");
    stopReminders = startReminderSchedule({ db: database.db, mailer: state.mailer, publicUrl: config.publicUrl, log: app.log });
  }
  app.log.info({ ms: Date.now() - started, data: database.location, url: config.publicUrl }, "Samverka is ready");
  // One plain line for the person who just typed `npm start`; the JSON log above is for machines.
  process.stdout.write(`Samverka is ready at ${config.publicUrl} (data: ${database.location}). Stop with Ctrl+C.\n`);
}
