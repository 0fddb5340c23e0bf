// The `samverka` command line: parses arguments, runs one command, maps failures to one line and an exit code.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { DataDirBusy } from "../db/data-dir-lock.ts";
import { MIN_PASSWORD_LENGTH } from "../domain/password.ts";
import { Refused, UsageError } from "./cli-error.ts";

export const HELP = `Samverka — a municipality's shared plan against violence

Usage: samverka <command> [options]     (in a checkout: npm run cli -- <command> [options])

Commands:
  serve                 Run the web app (migrates, loads the demo into an empty database).
  migrate               Apply database migrations. Never loads the demo.
  seed-demo [--reset]   Migrate, then load the demo workspaces if absent; --reset replaces them.
  backup <file>         Write every row of the database to <file> (JSON, gzip-compressed).
  restore <file>        Load a backup into an empty database (migrated first).
  user create --email <address> [--name <name>] [--admin]
                        Create a local account; --admin makes it a system administrator.
                        The password is asked twice on a terminal, else read from the first line of stdin.
  help [command]        Show this help.

Configuration (environment):
  PORT (3000)  HOST (localhost)  DATA_DIR (./data)  DATABASE_URL (postgres://… uses a PostgreSQL server)
  PUBLIC_URL   LOG_LEVEL (info)  SAMVERKA_DEMO (1; set 0 in production)
  SMTP_URL (smtp[s]://user:pass@host:port; unset: mail stays in the outbox)  MAIL_FROM
  SAMVERKA_REMINDERS (1: serve sends follow-up reminders every 15 minutes; 0: off)

Exit codes: 0 done, 1 refused (with the reason), 2 bad arguments, input or configuration.
Machine output goes to stdout, logs and errors to stderr.`;

const commandHelp: Record<string, string> = {
  serve: "Usage: samverka serve\nRuns the web app on HOST:PORT. See `samverka help` for the environment.",
  migrate: "Usage: samverka migrate\nApplies the committed migrations to the configured database.",
  "seed-demo": "Usage: samverka seed-demo [--reset]\nLoads the Malmö and Exempelby demo workspaces unless present; --reset replaces them.",
  backup: "Usage: samverka backup <file>\nWrites a consistent copy of every table to <file> (gzip-compressed JSON). Overwrites <file>.",
  restore: "Usage: samverka restore <file>\nRestores a backup into an empty database. Refuses when the database already holds data.",
  user:
    "Usage: samverka user create --email <address> [--name <name>] [--admin]\n" +
    "Creates a local account (migrating the database first); --admin makes it a system administrator, who can set up\n" +
    `workspaces. --name defaults to the part of the address before the @. The password (at least ${MIN_PASSWORD_LENGTH} characters) is\n` +
    "asked twice with hidden input on a terminal; otherwise the first line of stdin is the password:\n" +
    "  echo 'a long passphrase' | samverka user create --admin --email anna@kommun.se --name 'Anna Andersson'\n" +
    "Exit codes: 0 created, 1 the address already has an account, 2 bad arguments or a password too short.",
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
    let parsed: { values: { reset: boolean; help: boolean; admin: boolean; email?: string; name?: string }; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: {
          reset: { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
          admin: { type: "boolean", default: false },
          email: { type: "string" },
          name: { type: "string" },
        },
        allowPositionals: true,
        strict: true,
      }).valueOf() as typeof parsed;
    } catch (error) {
      // An unknown or incomplete option: one line saying which, then how the command is used.
      if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(`${(error as Error).message}\n${commandHelp[command]}`);
      throw error;
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(commandHelp[command]!);
      return 0;
    }
    const config = loadConfig();
    const needsFile = command === "backup" || command === "restore";
    if (needsFile && positionals.length !== 1) throw new UsageError(`${command} needs exactly one file argument\n${commandHelp[command]}`);
    if (command === "user") {
      if (positionals.length !== 1 || positionals[0] !== "create") {
        throw new UsageError(`${positionals.length === 0 ? "user needs a subcommand" : `unknown user subcommand "${positionals.join(" ")}"`}\n${commandHelp.user}`);
      }
      if (values.email === undefined) throw new UsageError(`user create needs --email <address>\n${commandHelp.user}`);
    } else {
      if (!needsFile && positionals.length > 0) throw new UsageError(`${command} takes no argument "${positionals[0]}"`);
      const userOption = values.admin ? "--admin" : values.email !== undefined ? "--email" : values.name !== undefined ? "--name" : undefined;
      if (userOption) throw new UsageError(`${userOption} belongs to user create`);
    }
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
      case "user": {
        const { userCreateCommand } = await import("./commands/user.ts");
        await userCreateCommand(config, { email: values.email!, name: values.name, admin: values.admin }, io.out, commandHelp.user!);
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
  err(`samverka: failed: ${safeMessage(error)}`);
  return 1;
}

/** The first line of an unexpected error, without the query parameters drivers append (they may hold data). */
function safeMessage(error: unknown): string {
  const text = (error as Error)?.message ?? String(error);
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  const line = (text.split("\n")[0] ?? "").replace(/\s*params:.*$/s, "");
  return cause && line.startsWith("Failed query") ? `${cause.split("\n")[0]}` : line;
}
