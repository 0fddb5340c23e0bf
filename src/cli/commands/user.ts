// `samverka user create [--admin] --email <address> [--name <name>]`: creates a local account, the first system
// administrator of an empty install among them. The password comes from stdin: asked twice with hidden input on a
// terminal, else the first line of what is piped in. It is never printed, logged or put into an error message.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import type { Config } from "../../config.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { migrate } from "../../db/migrate.ts";
import { checkNewUser, createUser, EmailTaken, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, type NewUserIssue } from "../../commands/create-user.ts";
import { MIN_PASSWORD_LENGTH } from "../../domain/password.ts";
import { Refused, UsageError } from "../cli-error.ts";

export interface UserCreateArgs {
  email: string;
  name?: string | undefined;
  admin: boolean;
}

/** Where the password comes from (the real stdin and stderr unless a test says otherwise). */
export interface PasswordSource {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Prompts go here, not to stdout, which carries only the result. */
  prompt: NodeJS.WritableStream;
}

type IssueKey = NewUserIssue extends infer I ? (I extends NewUserIssue ? `${I["field"]}.${I["problem"]}` : never) : never;

const ISSUE_TEXT: Record<IssueKey, string | ((args: UserCreateArgs) => string)> = {
  "email.missing": "--email needs an address",
  "email.invalid": (args) => `--email ${JSON.stringify(args.email)} is not an e-mail address`,
  "email.tooLong": `--email is longer than ${MAX_EMAIL_LENGTH} characters`,
  "name.tooLong": `--name is longer than ${MAX_NAME_LENGTH} characters`,
  "name.identityNumber": "--name contains a Swedish personal identity number; give only the person's name",
  "password.missing": "no password given (type it at the prompt, or pipe it in as the first line of stdin)",
  "password.tooShort": `the password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  "password.tooLong": `the password must be at most ${MAX_PASSWORD_LENGTH} characters`,
};

export async function userCreateCommand(
  config: Config,
  args: UserCreateArgs,
  out: (line: string) => void,
  usage: string,
  source: PasswordSource = { input: process.stdin, prompt: process.stderr },
): Promise<void> {
  // Arguments first (with the usage), so a typo is answered before anyone is asked for a password.
  const argumentIssues = checkNewUser({ email: args.email, name: args.name, password: "x".repeat(MIN_PASSWORD_LENGTH), systemAdmin: args.admin });
  if (argumentIssues.length > 0) throw new UsageError(`${argumentIssues.map((i) => describe(i, args)).join("; ")}\n${usage}`);

  const password = await readPassword(source);
  const passwordIssues = checkNewUser({ email: args.email, name: args.name, password, systemAdmin: args.admin });
  // Exit code 2, like a bad argument: the input is wrong and nothing was tried. No usage: the arguments were fine.
  if (passwordIssues.length > 0) throw new UsageError(`${passwordIssues.map((i) => describe(i, args)).join("; ")}; no account created`);

  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const user = await createUser(database.db, { email: args.email, name: args.name, password, systemAdmin: args.admin }, { via: "cli" });
    out(`created ${user.systemAdmin ? "system administrator" : "account"} ${user.email} (${user.name}) in ${database.location}`);
  } catch (error) {
    if (error instanceof EmailTaken) throw new Refused(`${error.message}; no account created`);
    throw error;
  } finally {
    await database.close();
  }
}

function describe(issue: NewUserIssue, args: UserCreateArgs): string {
  const text = ISSUE_TEXT[`${issue.field}.${issue.problem}` as IssueKey];
  return typeof text === "function" ? text(args) : text;
}

/** On a terminal: asked twice, hidden. Otherwise: the first line of stdin (without its line ending). */
export async function readPassword(source: PasswordSource): Promise<string> {
  if (source.input.isTTY) {
    const first = await askHidden(source, "Password: ");
    // Only worth confirming something that would be accepted; the length message comes from the caller.
    if ([...first].length < MIN_PASSWORD_LENGTH) return first;
    const again = await askHidden(source, "Password again: ");
    if (again !== first) throw new UsageError("the two passwords are not the same; no account created");
    return first;
  }
  return (await firstLine(source.input)) ?? "";
}

/** Asks one question on the terminal without echoing what is typed. Ctrl+C or Ctrl+D cancels. */
function askHidden(source: PasswordSource, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    let answered = false;
    const output = new Writable({
      write(chunk, encoding, callback) {
        if (!muted) source.prompt.write(chunk, encoding);
        callback();
      },
    });
    const rl = createInterface({ input: source.input, output, terminal: true, historySize: 0 });
    const cancel = () => {
      if (answered) return;
      answered = true;
      source.prompt.write("\n");
      rl.close();
      reject(new Refused("cancelled; no account created"));
    };
    rl.on("SIGINT", cancel);
    rl.on("close", cancel);
    rl.question(question, (answer) => {
      answered = true;
      source.prompt.write("\n");
      rl.close();
      resolve(answer);
    });
    // The prompt itself has been written by now; from here on nothing readline echoes reaches the terminal.
    muted = true;
  });
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
    return undefined;
  } finally {
    rl.close();
  }
}
