// The lossless workspace export and import (issue 7): export → import → export is byte-identical, --as copies with new
// ids, bad files are refused with nothing written, no secret leaves, the published schema is current, the real CLI.
// Runs on PGlite, or on PostgreSQL with TEST_DATABASE_URL (then also PGlite → PostgreSQL → PGlite).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database, type Db } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedDemo } from "../../src/db/seed-demo/index.ts";
import * as s from "../../src/db/schema/index.ts";
import { exportWorkspace } from "../../src/reports/workspace-export/export.ts";
import { EXPORT_TABLES, WORKSPACE_TABLE, serializeExport, type WorkspaceExport } from "../../src/reports/workspace-export/format.ts";
import { ImportRefused, importWorkspace, parseWorkspaceExport } from "../../src/reports/workspace-export/import.ts";
import { exportSchemaText, SCHEMA_FILE } from "../../scripts/export-schema.ts";
import { openTestDatabase } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { testDatabaseUrl } from "../support/engines.ts";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ATTACHMENT_BYTES = Buffer.concat([Buffer.from([0, 1, 2, 127, 128, 254, 255]), Buffer.from("Protokoll åäö <&> \n", "utf8")]);
const SECRETS = ["sessionhash-hemlig-abc", "tokenhash-hemlig-def", "engangslank-hemlig-ghi", "kalender-hemlig-jkl"];

let source: Database;
let original: WorkspaceExport;
let originalText: string;

const count = async (db: Db, table: string, where = "true") =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}" where ${where}`)))[0]!.n;

/** Adds what the demo lacks: an attachment (bytes), a decimal figure, an audit event with ids in its changes, and secrets. */
async function enrich(db: Db): Promise<void> {
  const [ws] = await db.select().from(s.workspaces).where(sql`slug = 'malmo'`);
  const [report] = await db.select().from(s.activityReports).where(sql`workspace_id = ${ws!.id}`).limit(1);
  const [admin] = await db.select().from(s.users).where(sql`email = 'admin@malmo.example'`);
  const goals = await db.select().from(s.goals).where(sql`workspace_id = ${ws!.id}`).limit(2);
  await db.insert(s.attachments).values({
    workspaceId: ws!.id, activityReportId: report!.id, filename: "Protokoll å<&>.pdf", mediaType: "application/pdf",
    sizeBytes: ATTACHMENT_BYTES.length, sha256: createHash("sha256").update(ATTACHMENT_BYTES).digest("hex"),
    content: new Uint8Array(ATTACHMENT_BYTES), createdBy: admin!.id,
  });
  await db.insert(s.figures).values({
    workspaceId: ws!.id, activityReportId: report!.id, position: 99, name: "Deltagare & <ledare>", value: 12.25, unit: "st", qualifier: "about",
  });
  await db.insert(s.auditEvents).values({
    workspaceId: ws!.id, actorUserId: admin!.id, via: "web", action: "activity.updated", subjectType: "goal", subjectId: goals[0]!.id,
    changes: [{ field: "goalId", before: goals[0]!.id, after: goals[1]!.id }],
  });
  await db.insert(s.sessions).values({ id: SECRETS[0]!, userId: admin!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(s.invitations).values({ workspaceId: ws!.id, email: "ny@malmo.example", role: "reader", tokenHash: SECRETS[1]!, expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(s.mailOutbox).values({ workspaceId: ws!.id, toAddress: "ny@malmo.example", subject: "Inbjudan", bodyText: `https://x.example/${SECRETS[2]}` });
  await db.execute(sql`update "group" set calendar_token = ${SECRETS[3]} where workspace_id = ${ws!.id}`);
}

/** Rows sorted by their table's order columns (after ids were mapped, the order by id changes). */
function sortRows(file: WorkspaceExport): WorkspaceExport {
  for (const table of EXPORT_TABLES) {
    file.tables[table.name]!.sort((a, b) => {
      for (const column of table.orderBy) {
        const order = String(a[column]).localeCompare(String(b[column]), "en");
        if (order !== 0) return order;
      }
      return 0;
    });
  }
  return file;
}

/** The copy's export with its ids mapped back to the original's and the original slug. */
function mappedBack(copy: WorkspaceExport, idMap: Map<string, string>, slug: string): WorkspaceExport {
  const inverse = new Map([...idMap].map(([from, to]) => [to, from]));
  const file = JSON.parse(JSON.stringify(copy).replace(UUID, (id) => inverse.get(id) ?? id)) as WorkspaceExport;
  file.workspace.slug = slug;
  return sortRows(file);
}

beforeAll(async () => {
  source = await openTestDatabase({ demo: true });
  await enrich(source.db);
  original = await exportWorkspace(source.db, "malmo");
  originalText = serializeExport(original);
});
afterAll(async () => {
  await source?.close();
});

describe("the export file", () => {
  it("holds every table of the workspace, ordered by id, keys in column order, dates as ISO strings", () => {
    expect(original.format).toBe("samverka-workspace");
    expect(original.version).toBe(1);
    expect(Object.keys(original.tables)).toEqual(EXPORT_TABLES.map((t) => t.name));
    expect(Object.keys(original.workspace)).toEqual(WORKSPACE_TABLE.columns.map((c) => c.name));
    for (const table of EXPORT_TABLES) {
      const rows = original.tables[table.name]!;
      for (const row of rows) expect(Object.keys(row)).toEqual(table.columns.map((c) => c.name));
      if (table.hasId) {
        const ids = rows.map((row) => row.id as string);
        expect(ids, table.name).toEqual([...ids].sort());
      }
    }
    for (const name of ["plan", "goal", "strategy", "taxonomy", "term", "organisation", "action_plan", "action_plan_revision", "activity",
      "activity_term", "activity_organisation", "activity_strategy", "financing", "need", "need_term", "follow_up_round", "round_organisation",
      "organisation_report", "activity_report", "figure", "attachment", "dialogue_meeting", "dialogue_meeting_organisation", "development_area",
      "indicator", "indicator_value", "group", "group_member", "meeting", "wheel_category", "wheel_event", "audit_event", "membership", "app_user"]) {
      expect(original.tables[name]?.length, name).toBeGreaterThan(0);
    }
    expect(original.tables.goal).toHaveLength(6);
    // The figure the board reads: Föräldrakurser 85, baseline 68; the added decimal figure keeps its decimals.
    const courses = original.tables.figure!.find((f) => f.name === "Föräldrakurser")!;
    expect([courses.value, courses.baseline]).toEqual([85, 68]);
    expect(original.tables.figure!.find((f) => f.position === 99)?.value).toBe(12.25);
    expect(Buffer.from(original.tables.attachment![0]!.content as string, "base64").equals(ATTACHMENT_BYTES)).toBe(true);
    expect(original.workspace.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(original.tables.plan![0]!.period_start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(original.tables.plan![0]!.vocabulary as object).length).toBeGreaterThan(0);
    // Only this workspace: nothing of Exempelby.
    expect(originalText).not.toContain("Exempelby");
    expect(original.tables.membership!.every((m) => m.workspace_id === original.workspace.id)).toBe(true);
  });

  it("never holds password hashes, sessions, invitation tokens, the mail outbox or calendar tokens", async () => {
    const [admin] = await queryRows<{ password_hash: string }>(source.db, sql`select password_hash from app_user where email = 'admin@malmo.example'`);
    expect(admin!.password_hash).toMatch(/^scrypt\$/);
    expect(originalText).not.toContain(admin!.password_hash);
    expect(originalText).not.toMatch(/scrypt\$/);
    for (const word of ["password", "token", "session", "mail_outbox", "invitation", "system_admin"]) expect(originalText).not.toContain(word);
    for (const secret of SECRETS) expect(originalText).not.toContain(secret);
    expect(Object.keys(original.tables.app_user![0]!)).toEqual(["id", "email", "name", "locale", "disabled_at"]);
  });

  it("is the same text when exported twice (no timestamp of its own)", async () => {
    expect(serializeExport(await exportWorkspace(source.db, "malmo"))).toBe(originalText);
  });

  it("matches the committed JSON Schema in docs/export-schema.json", () => {
    // Out of date? Run: node --import tsx scripts/export-schema.ts
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(exportSchemaText());
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as { $schema: string; $defs: Record<string, { required: string[] }> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    for (const table of EXPORT_TABLES) expect(schema.$defs[table.name]!.required, table.name).toEqual(table.columns.map((c) => c.name));
    expect(schema.$defs.app_user!.required).not.toContain("password_hash");
  });
});

describe("import", () => {
  it("into an empty database gives back byte-identical output, and records its own audit event outside it", async () => {
    const target = await openTestDatabase({ demo: false });
    try {
      const result = await importWorkspace(target.db, parseWorkspaceExport(originalText));
      expect(result.slug).toBe("malmo");
      expect(result.idMap.size).toBe(0);
      expect(result.usersCreated).toBe(original.tables.app_user!.length);
      const again = serializeExport(await exportWorkspace(target.db, "malmo"));
      expect(again).toBe(originalText);
      expect(await count(target.db, "audit_event", "action = 'workspace.imported'")).toBe(1);
      // New accounts have no password: they set one through "forgot password".
      expect(await count(target.db, "app_user", "password_hash is not null or system_admin")).toBe(0);
      // Importing the same file again is refused: the slug is taken.
      await expect(importWorkspace(target.db, parseWorkspaceExport(originalText))).rejects.toThrow(/slug "malmo" already exists; give --as/);
    } finally {
      await target.close();
    }
  });

  it("puts two workspaces side by side in one database, each identical to its export", async () => {
    const target = await openTestDatabase({ demo: false });
    try {
      const exempelby = serializeExport(await exportWorkspace(source.db, "exempelby"));
      expect(JSON.parse(exempelby).tables.plan[0].slug).toBe("tryggare-exempelby");
      await importWorkspace(target.db, parseWorkspaceExport(exempelby));
      await importWorkspace(target.db, parseWorkspaceExport(originalText));
      expect(serializeExport(await exportWorkspace(target.db, "exempelby"))).toBe(exempelby);
      expect(serializeExport(await exportWorkspace(target.db, "malmo"))).toBe(originalText);
    } finally {
      await target.close();
    }
  });

  it("with --as copies the workspace into the same database with every id replaced", async () => {
    const before = await count(source.db, "workspace");
    const result = await importWorkspace(source.db, parseWorkspaceExport(originalText), { as: "malmo-kopia" });
    expect(await count(source.db, "workspace")).toBe(before + 1);
    // The people are the same accounts (matched by address), so their ids stay; everything else is new.
    expect(result.usersMatched).toBe(original.tables.app_user!.length);
    expect(result.usersCreated).toBe(0);
    const copy = await exportWorkspace(source.db, "malmo-kopia");
    expect(copy.workspace.name).toBe(original.workspace.name);
    const copyText = serializeExport(copy);
    const userIds = new Set(original.tables.app_user!.map((u) => u.id as string));
    const leftOver = [...new Set(originalText.match(UUID))].filter((id) => !userIds.has(id) && copyText.includes(id));
    expect(leftOver).toEqual([]);
    // The audit event's changes (jsonb) and subject id carried goal ids: they were mapped too.
    const audit = copy.tables.audit_event!.find((e) => e.action === "activity.updated")!;
    expect(copy.tables.goal!.map((g) => g.id)).toContain(audit.subject_id);
    expect(copy.tables.goal!.map((g) => g.id)).toContain((audit.changes as Array<{ after: string }>)[0]!.after);
    expect(mappedBack(copy, result.idMap, "malmo")).toEqual(sortRows(structuredClone(original)));
    // The original is untouched.
    expect(serializeExport(await exportWorkspace(source.db, "malmo"))).toBe(originalText);
  });

  it("refuses ids the database already holds unless --as is given, writing nothing", async () => {
    const renamed = JSON.parse(originalText) as WorkspaceExport;
    renamed.workspace.slug = "annan-kommun";
    const workspaces = await count(source.db, "workspace");
    await expect(importWorkspace(source.db, parseWorkspaceExport(JSON.stringify(renamed)))).rejects.toThrow(/already holds \d+ of the file's ids.*--as/);
    await expect(importWorkspace(source.db, parseWorkspaceExport(originalText), { as: "Inte En Slug" })).rejects.toThrow(ImportRefused);
    expect(await count(source.db, "workspace")).toBe(workspaces);
  });

  it("exports and imports an empty workspace", async () => {
    const target = await openTestDatabase({ demo: false });
    try {
      await target.db.insert(s.workspaces).values({ slug: "tom", name: "Tomma kommunen <&>" });
      const empty = await exportWorkspace(target.db, "tom");
      expect(Object.values(empty.tables).every((rows) => rows.length === 0)).toBe(true);
      const emptyText = serializeExport(empty);
      const copy = await importWorkspace(target.db, parseWorkspaceExport(emptyText), { as: "tom-kopia" });
      expect(copy.rows).toBe(1);
      const copied = await exportWorkspace(target.db, "tom-kopia");
      expect(mappedBack(copied, copy.idMap, "tom")).toEqual(empty);
      const fresh = await openTestDatabase({ demo: false });
      try {
        await importWorkspace(fresh.db, parseWorkspaceExport(emptyText));
        expect(serializeExport(await exportWorkspace(fresh.db, "tom"))).toBe(emptyText);
      } finally {
        await fresh.close();
      }
    } finally {
      await target.close();
    }
  });

  it("refuses a newer version, a truncated file, a broken file, and leaves nothing when a row fails midway", async () => {
    const target = await openTestDatabase({ demo: false });
    try {
      const newer = JSON.parse(originalText) as Record<string, unknown>;
      newer.version = 2;
      expect(() => parseWorkspaceExport(JSON.stringify(newer))).toThrow(/format version 2, written by a newer Samverka; this version reads version 1/);
      expect(() => parseWorkspaceExport(originalText.slice(0, Math.floor(originalText.length / 2)))).toThrow(/not complete JSON, so it may be truncated/);
      expect(() => parseWorkspaceExport("")).toThrow(/not complete JSON/);
      expect(() => parseWorkspaceExport(JSON.stringify({ format: "samverka-backup" }))).toThrow(/not a Samverka workspace export/);
      const wrongType = JSON.parse(originalText) as WorkspaceExport;
      wrongType.tables.goal![2]!.title = 42;
      expect(() => parseWorkspaceExport(JSON.stringify(wrongType))).toThrow(/tables\.goal\[2\]\.title/);
      const missingTable = JSON.parse(originalText) as WorkspaceExport;
      delete missingTable.tables.figure;
      expect(() => parseWorkspaceExport(JSON.stringify(missingTable))).toThrow(/tables\.figure/);
      const dangling = JSON.parse(originalText) as WorkspaceExport;
      dangling.tables.figure![0]!.activity_report_id = "00000000-0000-4000-8000-000000000000";
      expect(() => parseWorkspaceExport(JSON.stringify(dangling))).toThrow(/tables\.figure\[0\]\.activity_report_id points at a activity_report that is not in the file/);
      const foreign = JSON.parse(originalText) as WorkspaceExport;
      foreign.tables.goal![0]!.workspace_id = "00000000-0000-4000-8000-000000000001";
      expect(() => parseWorkspaceExport(JSON.stringify(foreign))).toThrow(/points at a workspace that is not in the file|another workspace/);

      // A value PostgreSQL refuses in one of the last tables written: everything before it is rolled back.
      const failsLate = JSON.parse(originalText) as WorkspaceExport;
      failsLate.tables.figure!.at(-1)!.name = "bad \u0000 byte";
      await expect(importWorkspace(target.db, parseWorkspaceExport(JSON.stringify(failsLate)))).rejects.toThrow(/database refused a row of the file, so nothing was imported/);
      for (const table of ["workspace", "app_user", "organisation", "activity", "audit_event"]) expect(await count(target.db, table), table).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe.runIf(testDatabaseUrl)("between engines", () => {
  it("moves Malmö from PGlite to PostgreSQL and back with byte-identical output", { timeout: 120_000 }, async () => {
    const lite = await openDatabase({ engine: "pglite" });
    const server = await openTestDatabase({ demo: false });
    const back = await openDatabase({ engine: "pglite" });
    try {
      await migrate(lite);
      await seedDemo(lite.db);
      await enrich(lite.db);
      const fromLite = serializeExport(await exportWorkspace(lite.db, "malmo"));
      await importWorkspace(server.db, parseWorkspaceExport(fromLite));
      const fromServer = serializeExport(await exportWorkspace(server.db, "malmo"));
      expect(fromServer).toBe(fromLite);
      await migrate(back);
      await importWorkspace(back.db, parseWorkspaceExport(fromServer));
      expect(serializeExport(await exportWorkspace(back.db, "malmo"))).toBe(fromLite);
    } finally {
      await lite.close();
      await server.close();
      await back.close();
    }
  });
});

describe("the command line", () => {
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(process.cwd(), ".tmp", "workspace-export-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = (name: string) => join(root, name);

  it("answers --help and bad arguments with exit code 2", async () => {
    const help = await runCli(["export-workspace", "--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: samverka export-workspace <slug> --out <file.json>");
    const importHelp = await runCli(["help", "import-workspace"], {});
    expect(importHelp.stdout).toContain("Usage: samverka import-workspace <file.json> [--as <new-slug>]");
    const noOut = await runCli(["export-workspace", "malmo"], { DATA_DIR: dir("unused") });
    expect([noOut.code, noOut.stderr.split("\n")[0]]).toEqual([2, "samverka: export-workspace needs --out <file.json>"]);
    const noSlug = await runCli(["export-workspace", "--out", dir("x.json")], { DATA_DIR: dir("unused") });
    expect(noSlug.code).toBe(2);
    expect(noSlug.stderr).toContain("export-workspace needs exactly one workspace slug argument");
    const badSlug = await runCli(["import-workspace", dir("x.json"), "--as", "Inte En Slug"], { DATA_DIR: dir("unused") });
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toContain('--as "Inte En Slug" is not a usable workspace slug');
    const misplaced = await runCli(["backup", dir("x.gz"), "--as", "x"], { DATA_DIR: dir("unused") });
    expect([misplaced.code, misplaced.stderr.trim()]).toEqual([2, "samverka: --as belongs to import-workspace and import"]);
  });

  it("exports, imports into an empty data dir, exports again identically, and refuses bad files", { timeout: 300_000 }, async () => {
    const seeded = await runCli(["seed-demo"], { DATA_DIR: dir("a") });
    expect(seeded.code, seeded.stderr).toBe(0);
    const first = join(root, "malmo.json");
    writeFileSync(first, "old content that --out overwrites");
    const exported = await runCli(["export-workspace", "malmo", "--out", first], { DATA_DIR: dir("a") });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/workspace "malmo" exported to .*malmo\.json \(\d+ rows, \d+ bytes\)/);
    const firstText = readFileSync(first, "utf8");
    expect(JSON.parse(firstText).workspace.slug).toBe("malmo");
    const unknown = await runCli(["export-workspace", "finns-inte", "--out", join(root, "none.json")], { DATA_DIR: dir("a") });
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'samverka: there is no workspace with the slug "finns-inte"']);

    const newer = join(root, "newer.json");
    writeFileSync(newer, firstText.replace('"version": 1', '"version": 2'));
    const refusedNewer = await runCli(["import-workspace", newer], { DATA_DIR: dir("b") });
    expect(refusedNewer.code).toBe(1);
    expect(refusedNewer.stderr).toContain("written by a newer Samverka");
    const truncated = join(root, "truncated.json");
    writeFileSync(truncated, firstText.slice(0, 10_000));
    const refusedTruncated = await runCli(["import-workspace", truncated], { DATA_DIR: dir("b") });
    expect(refusedTruncated.code).toBe(1);
    expect(refusedTruncated.stderr).toContain("not complete JSON, so it may be truncated");
    expect(refusedTruncated.stderr.trim().split("\n")).toHaveLength(1);

    const imported = await runCli(["import-workspace", first], { DATA_DIR: dir("b") });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/workspace "malmo" imported from .* 6 new accounts without a password/);
    const second = join(root, "malmo-again.json");
    const again = await runCli(["export-workspace", "malmo", "--out", second], { DATA_DIR: dir("b") });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(second, "utf8")).toBe(firstText);

    const twice = await runCli(["import-workspace", first], { DATA_DIR: dir("b") });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('a workspace with the slug "malmo" already exists; give --as <new-slug>');
    const copied = await runCli(["import-workspace", first, "--as", "malmo-kopia"], { DATA_DIR: dir("b") });
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toContain('workspace "malmo-kopia" imported');
    expect(copied.stdout).toContain("every id replaced by a new one");
  });
});
