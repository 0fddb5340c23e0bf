// The `samverka` command line and server process on an embedded (PGlite) data dir: help and exit codes, migrate
// without demo, backup → restore, the one-process lock, a kill -9 that loses nothing, and a clean SIGTERM.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runCli, startServer } from "../support/cli.ts";
import { testDatabaseUrl, withDatabaseName } from "../support/engines.ts";

const root = mkdtempSync(join(process.cwd(), ".tmp", "cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string) => join(root, name);

describe("samverka help and arguments", () => {
  it("prints help with exit code 0", async () => {
    const res = await runCli(["--help"], {});
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Usage: samverka <command>");
    expect(res.stdout).toContain("seed-demo [--reset]");
    const sub = await runCli(["backup", "--help"], {});
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("Usage: samverka backup <file>");
  });

  it("answers bad arguments and configuration with one line and exit code 2", async () => {
    const unknown = await runCli(["frobnicate"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const missing = await runCli(["backup"], { DATA_DIR: dir("unused") });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("backup needs exactly one file argument");
    const badPort = await runCli(["migrate"], { PORT: "eighty", DATA_DIR: dir("unused") });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/PORT/);
    expect(badPort.stderr).not.toMatch(/\n\s+at /);
    const badDemo = await runCli(["migrate"], { SAMVERKA_DEMO: "yes", DATA_DIR: dir("unused") });
    expect(badDemo.code).toBe(2);
    expect(badDemo.stderr).toContain("SAMVERKA_DEMO: must be 0 or 1");
  });
});

describe("migrate, seed-demo, backup and restore", () => {
  // Ten CLI runs that each start PGlite: about 45 s on a loaded 2-core CI machine, so more than the default 60 s limit.
  it("migrates without the demo, loads it on request, and restores a backup into an empty data dir only", { timeout: 150_000 }, async () => {
    const env = { DATA_DIR: dir("a") };
    const migrated = await runCli(["migrate"], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    const emptyBackup = join(root, "empty.json.gz");
    const empty = await runCli(["backup", emptyBackup], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/\(0 rows/);

    const seeded = await runCli(["seed-demo"], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("demo loaded");
    const again = await runCli(["seed-demo"], env);
    expect(again.stdout).toContain("demo already present");

    const file = join(root, "demo.json.gz");
    const backup = await runCli(["backup", file], env);
    expect(backup.code, backup.stderr).toBe(0);
    const rows = Number(/\((\d+) rows/.exec(backup.stdout)?.[1]);
    expect(rows).toBeGreaterThan(500);

    const restored = await runCli(["restore", file], { DATA_DIR: dir("b") });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`restored ${rows} rows`);
    // A backup of the restored copy holds the same number of rows.
    const copy = await runCli(["backup", join(root, "copy.json.gz")], { DATA_DIR: dir("b") });
    expect(copy.stdout).toContain(`(${rows} rows`);

    const refused = await runCli(["restore", file], { DATA_DIR: dir("b") });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the database is not empty");

    const notABackup = await runCli(["restore", join(process.cwd(), "package.json")], { DATA_DIR: dir("c") });
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toContain("is not a readable Samverka backup");
  });
});

// Each test starts real processes (tsx compiles, PGlite opens cold, the demo loads) several times: on a busy
// 2-core machine that takes minutes, so these tests get room; nothing here measures speed.
describe("the server process", () => {
  it("holds the data dir against a second process, survives kill -9 without losing the demo, and stops cleanly on SIGTERM", async () => {
    const env = { DATA_DIR: dir("server") };
    const first = await startServer(env);
    const start = await (await fetch(`${first.url}/`)).text();
    expect(start).toContain("Malmö stad");

    const busy = await runCli(["migrate"], env);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("is in use by another Samverka process");
    expect(busy.stderr).toContain(`pid ${first.child.pid}`);

    first.child.kill("SIGKILL");
    await first.exited;
    expect(existsSync(join(dir("server"), "samverka.lock"))).toBe(true);

    // The lock of a dead process is taken over; the committed demo is there and is not loaded twice.
    const second = await startServer(env);
    const plan = await fetch(`${second.url}/malmo/planer/fri-fran-vald`);
    expect(plan.status).toBe(200);
    expect(await plan.text()).toContain("Staden bedriver ett verkningsfullt våldsförebyggande arbete");
    expect(second.stderr()).not.toContain("demo workspaces loaded");

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(existsSync(join(dir("server"), "samverka.lock"))).toBe(false);

    const afterStop = await runCli(["backup", join(root, "after.json.gz")], env);
    expect(afterStop.code, afterStop.stderr).toBe(0);
  }, 240_000);

  it("leaves an empty database empty when SAMVERKA_DEMO=0", async () => {
    const server = await startServer({ DATA_DIR: dir("production"), SAMVERKA_DEMO: "0" });
    try {
      const start = await (await fetch(`${server.url}/`)).text();
      expect(start).not.toContain("Malmö stad");
      expect((await fetch(`${server.url}/malmo/planer/fri-fran-vald`)).status).toBe(404);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 180_000);
});

describe.runIf(testDatabaseUrl)("the server process on PostgreSQL (DATABASE_URL)", () => {
  it("migrates, loads the demo, serves it, and drops cached pages when another process notifies a change", async () => {
    const name = `samverka_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = withDatabaseName(testDatabaseUrl!, name);
    const server = await startServer({ DATABASE_URL: url });
    const other = new pg.Client({ connectionString: url });
    try {
      const plan = `${server.url}/malmo/planer/fri-fran-vald`;
      expect(await (await fetch(plan)).text()).toContain("Staden bedriver ett verkningsfullt våldsförebyggande arbete");
      await other.connect();
      await other.query("update plan set vision = 'Ändrad av en annan process.' where slug = 'fri-fran-vald'");
      await other.query("select pg_notify('samverka_content', 'test')");
      let body = "";
      for (let i = 0; i < 50 && !body.includes("Ändrad av en annan process."); i++) {
        await new Promise((r) => setTimeout(r, 100));
        body = await (await fetch(plan)).text();
      }
      expect(body).toContain("Ändrad av en annan process.");
      const backup = await runCli(["backup", join(root, "pg.json.gz")], { DATABASE_URL: url });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/\(\d{3,} rows/);
    } finally {
      await other.end().catch(() => undefined);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

if (!testDatabaseUrl) console.warn("[cli] TEST_DATABASE_URL not set: the server-on-PostgreSQL test is skipped (.ci/run runs it)");
