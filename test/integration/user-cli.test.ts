// `samverka user create` as a user runs it, on an embedded (PGlite) data dir: the first administrator from a piped
// password, the refusals and their exit codes, and what ends up in the database (checked after the CLI has exited).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../../src/db/client.ts";
import { verifyPassword } from "../../src/domain/password.ts";
import { runCli } from "../support/cli.ts";

mkdirSync(join(process.cwd(), ".tmp"), { recursive: true });
const root = mkdtempSync(join(process.cwd(), ".tmp", "user-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = { DATA_DIR: join(root, "data") };
const PASSWORD = "secret-pass-4711";

const oneLine = (stderr: string) => {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

// Each run that opens the data dir starts PGlite (the first also creates it): generous limits for a loaded CI machine.
describe("samverka user create", { timeout: 150_000 }, () => {
  it("creates a system administrator from a password piped to stdin, and never prints the password", async () => {
    const res = await runCli(["user", "create", "--admin", "--email", " Forsta.Admin@Kommun.SE ", "--name", "Första Admin"], env, {
      input: `${PASSWORD}\nthe second line is not read\n`,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("created system administrator forsta.admin@kommun.se (Första Admin)");
    expect(res.stdout + res.stderr).not.toContain(PASSWORD);
  });

  it("creates a plain account whose name defaults to the part of the address before the @", async () => {
    const res = await runCli(["user", "create", "--email", "anna.andersson@kommun.se"], env, { input: "another-long-pass\r\n" });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("created account anna.andersson@kommun.se (anna.andersson)");
  });

  it("refuses an address that already has an account (in any case) with exit code 1 and one line", async () => {
    const res = await runCli(["user", "create", "--admin", "--email", "FORSTA.ADMIN@kommun.se"], env, { input: "a-different-password\n" });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("samverka: an account with the e-mail address forsta.admin@kommun.se already exists; no account created");
    oneLine(res.stderr);
    expect(res.stdout).toBe("");
  });

  it("refuses a password shorter than the minimum, or none at all, with exit code 2 before opening the database", async () => {
    const short = await runCli(["user", "create", "--admin", "--email", "kort@kommun.se"], env, { input: "short\n" });
    expect(short.code).toBe(2);
    expect(short.stderr).toBe("samverka: the password must be at least 10 characters; no account created\n");
    const none = await runCli(["user", "create", "--admin", "--email", "tom@kommun.se"], env, { input: "" });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no password given");
    oneLine(none.stderr);
    const numbered = await runCli(["user", "create", "--email", "pn@kommun.se", "--name", "Per 121212-1212"], env, { input: "a-long-enough-password\n" });
    expect(numbered.code).toBe(2);
    expect(numbered.stderr).toContain("--name contains a Swedish personal identity number");
    expect(numbered.stderr).not.toContain("121212-1212");
  });

  it("answers missing or bad arguments with exit code 2 and the usage, without reading stdin", async () => {
    // No input is given here and stdin stays open: a command that tried to read a password would hang.
    const missing = await runCli(["user", "create", "--admin"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("samverka: user create needs --email <address>");
    expect(missing.stderr).toContain("Usage: samverka user create --email <address> [--name <name>] [--admin]");
    const invalid = await runCli(["user", "create", "--email", "not-an-address"], env);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('--email "not-an-address" is not an e-mail address');
    const noValue = await runCli(["user", "create", "--email"], env);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain("Usage: samverka user create");
    const noSubcommand = await runCli(["user"], env);
    expect(noSubcommand.code).toBe(2);
    expect(noSubcommand.stderr).toContain("user needs a subcommand");
    const elsewhere = await runCli(["migrate", "--admin"], env);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain("--admin belongs to user create");
    const help = await runCli(["help", "user"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: samverka user create");
  });

  it("left exactly the two accounts, the administrator's password verifying, and audit events without the password", async () => {
    const database = await openDatabase({ engine: "pglite", dataDir: env.DATA_DIR });
    try {
      const users = await queryRows<{ email: string; name: string; system_admin: boolean; password_hash: string }>(
        database.db,
        sql`select email, name, system_admin, password_hash from app_user order by email`,
      );
      expect(users.map((u) => [u.email, u.name, u.system_admin])).toEqual([
        ["anna.andersson@kommun.se", "anna.andersson", false],
        ["forsta.admin@kommun.se", "Första Admin", true],
      ]);
      const admin = users[1]!;
      expect(admin.password_hash).toMatch(/^scrypt\$/);
      expect(await verifyPassword(PASSWORD, admin.password_hash)).toBe(true);
      expect(await verifyPassword("a-different-password", admin.password_hash)).toBe(false);
      expect(await verifyPassword("another-long-pass", users[0]!.password_hash)).toBe(true);

      const events = await queryRows<{ via: string; action: string; changes: unknown }>(
        database.db,
        sql`select via, action, changes from audit_event where subject_type = 'user' order by at`,
      );
      expect(events.map((e) => [e.via, e.action])).toEqual([
        ["cli", "user.created"],
        ["cli", "user.created"],
      ]);
      expect(events[0]!.changes).toContainEqual({ field: "system_admin", before: null, after: true });
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
      expect(JSON.stringify(events)).not.toContain("scrypt");
    } finally {
      await database.close();
    }
  });
});
