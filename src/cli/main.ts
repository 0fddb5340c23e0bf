// The `samverka` command line: parses arguments, runs one command, maps failures to one line and an exit code.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { DataDirBusy } from "../db/data-dir-lock.ts";
import { Refused, UsageError } from "./cli-error.ts";

export const HELP = `Samverka — a municipality's shared plan against violence

Usage: samverka <command> [options]     (in a checkout: npm run cli -- <command> [options])

Commands:
  serve                 Run the web app (migrates, loads the demo into an empty database).
  migrate               Apply database migrations. Never loads the demo.
  seed-demo [--reset]   Migrate, then load the demo workspaces if absent; --reset replaces them.
  backup <file>         Write every row of the database to <file> (JSON, gzip-compressed).
  restore <file>        Load a backup into an empty database (migrated first).
  help [command]        Show this help.

Configuration (environment):
  PORT (3000)  HOST (localhost)  DATA_DIR (./data)  DATABASE_URL (postgres://… uses a PostgreSQL server)
  PUBLIC_URL   LOG_LEVEL (info)  SAMVERKA_DEMO (1; set 0 in production)

Exit codes: 0 done, 1 refused (with the reason), 2 bad arguments or configuration.
Machine output goes to stdout, logs and errors to stderr.`;

const commandHelp: Record<string, string> = {
  serve: "Usage: samverka serve\nRuns the web app on HOST:PORT. See `samverka help` for the environment.",
  migrate: "Usage: samverka migrate\nApplies the committed migrations to the configured database.",
  "seed-demo": "Usage: samverka seed-demo [--reset]\nLoads the Malmö and Exempelby demo workspaces unless present; --reset replaces them.",
  backup: "Usage: samverka backup <file>\nWrites a consistent copy of every table to <file> (gzip-compressed JSON). Overwrites <file>.",
  restore: "Usage: samverka restore <file>\nRestores a backup into an empty database. Refuses when the database already holds data.",
};

export async function run(argv: string[], io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      const topic = rest[0];
      io.out(topic && commandHelp[topic] ? commandHelp[topic]! : HELP);
      return 0;
    }
    if (!(command in commandHelp)) throw new UsageError(`unknown command "${command}"; run "samverka help"`);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { reset: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
      strict: true,
    }).valueOf() as { values: { reset: boolean; help: boolean }; positionals: string[] };
    if (values.help) {
      io.out(commandHelp[command]!);
      return 0;
    }
    const config = loadConfig();
    const needsFile = command === "backup" || command === "restore";
    if (needsFile && positionals.length !== 1) throw new UsageError(`${command} needs exactly one file argument\n${commandHelp[command]}`);
    if (!needsFile && positionals.length > 0) throw new UsageError(`${command} takes no argument "${positionals[0]}"`);
    if (values.reset && command !== "seed-demo") throw new UsageError("--reset belongs to seed-demo");
    // Commands are loaded when chosen, so help and argument errors answer without loading the database stack.
    switch (command) {
      case "serve": {
        const { serve } = await import("./commands/serve.ts");
        await serve(config);
        return 0;
      }
      case "migrate": {
        const { migrateCommand } = await import("./commands/migrate.ts");
        await migrateCommand(config, io.out);
        return 0;
      }
      case "seed-demo": {
        const { seedDemoCommand } = await import("./commands/seed-demo.ts");
        await seedDemoCommand(config, { reset: values.reset }, io.out);
        return 0;
      }
      case "backup": {
        const { backupCommand } = await import("./commands/backup.ts");
        await backupCommand(config, positionals[0]!, io.out);
        return 0;
      }
      case "restore": {
        const { restoreCommand } = await import("./commands/backup.ts");
        await restoreCommand(config, positionals[0]!, io.out);
        return 0;
      }
    }
    return 2;
  } catch (error) {
    return report(error, io.err);
  }
}

function report(error: unknown, err: (line: string) => void): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    err(`samverka: ${(error as Error).message}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    err(`samverka: ${error.message}`);
    return 2;
  }
  if (error instanceof DataDirBusy) {
    err(
      `samverka: the data dir ${error.dataDir} is in use by another Samverka process (pid ${error.pid}). ` +
        "Stop the server first (Ctrl+C or SIGTERM), then run the command again.",
    );
    return 1;
  }
  if (error instanceof Refused) {
    err(`samverka: ${error.message}`);
    return 1;
  }
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000") {
    err(`samverka: cannot reach the database (${(error as Error).message}). Check DATABASE_URL.`);
    return 1;
  }
  if (code === "EADDRINUSE") {
    err(`samverka: the port is already in use (${(error as Error).message}). Set PORT to another port.`);
    return 1;
  }
  err(`samverka: failed: ${(error as Error).message ?? String(error)}`);
  return 1;
}
