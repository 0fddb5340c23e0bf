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
  export-workspace <slug> --out <file.json>
                        Write everything of one workspace to <file.json> (lossless JSON; see docs/export-format.md).
  import-workspace <file.json> [--as <new-slug>]
                        Load a workspace export; --as imports it as a copy under a new slug with new ids.
  import <file> [--workspace <slug>] [--plan <slug>] [--org <name>] [--as <e-mail>] [--dry-run] [--format json|text]
                        Read a plan, action plan or follow-up report from Word, PDF, text, Excel or CSV; with --dry-run
                        show what was recognised, otherwise import it into the organisation's action plan.
  report compiled --workspace <slug> --round <name or slug> --format docx|pdf|html [--include-drafts] [--lang sv|en] --out <file>
                        Write a round's compiled report (Word, PDF or a web page) to <file>.
  report action-plan --workspace <slug> --org <slug or name> --format docx|pdf [--lang sv|en] --out <file>
                        Write an organisation's action plan as a document (Word or PDF) to <file>.
  report follow-up --workspace <slug> --round <name or slug> --org <slug or name> --format docx|pdf [--lang sv|en] --out <file>
                        Write an organisation's follow-up report for a round (Word or PDF) to <file>.
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
  "export-workspace":
    "Usage: samverka export-workspace <slug> --out <file.json>\n" +
    "Writes everything of the workspace <slug> (plans, organisations, action plans with revisions, activities, reports,\n" +
    "figures, attachments, meetings, audit, people and their roles) to <file.json>, overwriting it. Never password hashes,\n" +
    "sessions, invitations or the mail outbox. The same data always gives the same bytes. Format: docs/export-format.md.\n" +
    "Exit codes: 0 written, 1 no such workspace, 2 bad arguments.",
  "import-workspace":
    "Usage: samverka import-workspace <file.json> [--as <new-slug>]\n" +
    "Loads a workspace export in one transaction (migrating the database first). Without --as the file's slug and ids are\n" +
    "kept, and a database that already holds that slug or any of the ids is refused. With --as the workspace is imported as\n" +
    "a copy under <new-slug>, every id replaced by a new one. People are matched to existing accounts by address; others get\n" +
    "an account without a password (they set one with \"Forgot password\").\n" +
    "Exit codes: 0 imported, 1 refused (a file from a newer version, a damaged file, a taken slug) with nothing written, 2 bad arguments.",
  import:
    "Usage: samverka import <file> [--workspace <slug>] [--plan <slug>] [--org <name or slug>] [--as <e-mail>]\n" +
    "                      [--dry-run] [--format json|text] [--confirm-personal-data]\n" +
    "Reads <file> (Word .docx, PDF with text, .txt, .md, Excel .xlsx or CSV) and recognises its plan shape: goals with their\n" +
    "strategies, measures with their kind, responsible boards, prevention levels, status and figures. The target plan's own\n" +
    "words help when --workspace is given (--plan when the workspace has several plans).\n" +
    "--dry-run prints what was recognised and writes nothing; with --format json exactly one JSON document on stdout\n" +
    "(docs/import.md), logs on stderr. Without --workspace only --dry-run is possible (general conventions alone).\n" +
    "Without --dry-run the measures are imported into the action plan of --org in one transaction, as the account --as\n" +
    "(who must be allowed to write it): matched by number, then title, so importing again updates instead of duplicating;\n" +
    "names of organisations not in the workspace are added. A document with a personal identity number is refused; other\n" +
    "likely personal data is listed and needs --confirm-personal-data.\n" +
    "Exit codes: 0 done, 1 refused (with the reason; nothing written), 2 bad arguments.",
  report:
    "Usage: samverka report compiled --workspace <slug> --round <name or slug> --format docx|pdf|html [--include-drafts]\n" +
    "                                [--lang sv|en] [--plan <slug>] --out <file>\n" +
    "       samverka report action-plan --workspace <slug> --org <slug or name> --format docx|pdf [--lang sv|en]\n" +
    "                                [--plan <slug>] --out <file>\n" +
    "       samverka report follow-up --workspace <slug> --round <name or slug> --org <slug or name> --format docx|pdf\n" +
    "                                [--lang sv|en] [--plan <slug>] --out <file>\n" +
    "compiled: the compiled report of a follow-up round (cover, contents, introduction, per goal its key numbers, chart and\n" +
    "each organisation's activities, the summaries, the gap analysis, an appendix of every activity). By default only\n" +
    "accepted organisation reports; --include-drafts adds the others, marked.\n" +
    "action-plan: an organisation's action plan (introduction, the plan's goals, per goal its strategies and the\n" +
    "organisation's activities by kind with their facts). A draft says so on its cover.\n" +
    "follow-up: an organisation's report for a round (introduction, how it was made, summary and planning ahead, per goal\n" +
    "each activity with its status, follow-up text, figures and next steps). A report not accepted says so on its cover.\n" +
    "--round is the round's name (\"Uppföljning 2024\") or slug; --plan is needed only when several plans match.\n" +
    "<file> is overwritten. --lang defaults to sv.\n" +
    "Exit codes: 0 written, 1 no such workspace, plan, round, organisation or action plan, 2 bad arguments.",
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
    let parsed: { values: { reset: boolean; help: boolean; admin: boolean; email?: string; name?: string; out?: string; as?: string; workspace?: string; round?: string; plan?: string; format?: string; "include-drafts": boolean; lang?: string; org?: string; "dry-run": boolean; "confirm-personal-data": boolean }; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: {
          reset: { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
          admin: { type: "boolean", default: false },
          email: { type: "string" },
          name: { type: "string" },
          out: { type: "string" },
          as: { type: "string" },
          workspace: { type: "string" },
          round: { type: "string" },
          plan: { type: "string" },
          format: { type: "string" },
          "include-drafts": { type: "boolean", default: false },
          lang: { type: "string" },
          org: { type: "string" },
          "dry-run": { type: "boolean", default: false },
          "confirm-personal-data": { type: "boolean", default: false },
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
    const oneArgument: Record<string, string> = { backup: "file", restore: "file", "export-workspace": "workspace slug", "import-workspace": "file", import: "file" };
    const needsFile = command in oneArgument;
    if (needsFile && positionals.length !== 1) throw new UsageError(`${command} needs exactly one ${oneArgument[command]} argument\n${commandHelp[command]}`);
    if (command === "export-workspace" && !values.out) throw new UsageError(`export-workspace needs --out <file.json>\n${commandHelp[command]}`);
    if (values.out !== undefined && command !== "export-workspace" && command !== "report") throw new UsageError("--out belongs to export-workspace and report");
    // The options report and import share: workspace, plan, org, format.
    const shared = command === "import" ? ["round", "lang"] as const : ["workspace", "round", "plan", "format", "lang", "org"] as const;
    const reportOption = shared.find((k) => values[k] !== undefined) ?? (values["include-drafts"] ? "include-drafts" : undefined);
    if (reportOption && command !== "report") throw new UsageError(`--${reportOption} belongs to report`);
    if (values.as !== undefined && command !== "import-workspace" && command !== "import") throw new UsageError("--as belongs to import-workspace and import");
    const importFlag = values["dry-run"] ? "--dry-run" : values["confirm-personal-data"] ? "--confirm-personal-data" : undefined;
    if (importFlag && command !== "import") throw new UsageError(`${importFlag} belongs to import`);
    if (command === "import" && values.format !== undefined && values.format !== "json" && values.format !== "text") throw new UsageError(`--format must be json or text, not "${values.format}"`);
    if (command === "user") {
      if (positionals.length !== 1 || positionals[0] !== "create") {
        throw new UsageError(`${positionals.length === 0 ? "user needs a subcommand" : `unknown user subcommand "${positionals.join(" ")}"`}\n${commandHelp.user}`);
      }
      if (values.email === undefined) throw new UsageError(`user create needs --email <address>\n${commandHelp.user}`);
    } else if (command === "report") {
      const sub = positionals[0];
      if (positionals.length !== 1 || (sub !== "compiled" && sub !== "action-plan" && sub !== "follow-up")) {
        throw new UsageError(`${positionals.length === 0 ? "report needs a subcommand (compiled, action-plan or follow-up)" : `unknown report subcommand "${positionals.join(" ")}"`}\n${commandHelp.report}`);
      }
      const needed = sub === "compiled" ? (["workspace", "round", "format", "out"] as const) : sub === "follow-up" ? (["workspace", "round", "org", "format", "out"] as const) : (["workspace", "org", "format", "out"] as const);
      for (const option of needed) {
        if (!values[option]) throw new UsageError(`report ${sub} needs --${option}\n${commandHelp.report}`);
      }
      const formats = sub === "compiled" ? ["docx", "pdf", "html"] : ["docx", "pdf"];
      if (!formats.includes(values.format!)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(", ")} or ${formats.at(-1)}, not "${values.format}"`);
      if (values.lang !== undefined && values.lang !== "sv" && values.lang !== "en") throw new UsageError(`--lang must be sv or en, not "${values.lang}"`);
      if (sub !== "compiled" && values["include-drafts"]) throw new UsageError("--include-drafts belongs to report compiled");
      if (sub === "compiled" && values.org !== undefined) throw new UsageError("--org belongs to report action-plan and report follow-up");
      if (sub === "action-plan" && values.round !== undefined) throw new UsageError("--round belongs to report compiled and report follow-up");
      const userOption = values.admin ? "--admin" : values.email !== undefined ? "--email" : values.name !== undefined ? "--name" : undefined;
      if (userOption) throw new UsageError(`${userOption} belongs to user create`);
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
      case "export-workspace": {
        const { exportWorkspaceCommand } = await import("./commands/export-workspace.ts");
        await exportWorkspaceCommand(config, positionals[0]!, values.out!, io.out);
        return 0;
      }
      case "report": {
        const { reportCompiledCommand, reportOrganisationCommand } = await import("./commands/report.ts");
        const lang = (values.lang ?? "sv") as "sv" | "en";
        if (positionals[0] === "compiled") {
          await reportCompiledCommand(
            config,
            {
              workspace: values.workspace!, round: values.round!, plan: values.plan, format: values.format as "docx" | "pdf" | "html",
              includeDrafts: values["include-drafts"], lang, out: values.out!,
            },
            io.out,
          );
        } else {
          await reportOrganisationCommand(
            config, positionals[0] as "action-plan" | "follow-up",
            { workspace: values.workspace!, organisation: values.org!, round: values.round, plan: values.plan, format: values.format as "docx" | "pdf", lang, out: values.out! },
            io.out,
          );
        }
        return 0;
      }
      case "import": {
        const { importCommand } = await import("./commands/import.ts");
        await importCommand(
          config,
          {
            file: positionals[0]!, workspace: values.workspace, plan: values.plan, organisation: values.org, as: values.as, dryRun: values["dry-run"],
            confirmPersonalData: values["confirm-personal-data"], format: values.format === "json" ? "json" : "text",
          },
          io.out, io.err,
        );
        return 0;
      }
      case "import-workspace": {
        const { importWorkspaceCommand } = await import("./commands/import-workspace.ts");
        await importWorkspaceCommand(config, positionals[0]!, { as: values.as }, io.out, commandHelp["import-workspace"]!);
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
