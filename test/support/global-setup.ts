// Prepares, once per test run, a migrated database with the demo and one without: PGlite data-dir tarballs,
// or template databases on the PostgreSQL server. Each test file then starts from a copy in well under a second.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, pgliteOf } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedDemo } from "../../src/db/seed-demo/index.ts";
import { TEMPLATE_DEMO, TEMPLATE_EMPTY, testDatabaseUrl, withDatabaseName } from "./engines.ts";

async function preparePostgresTemplate(url: string, name: string, demo: boolean) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ engine: "postgres", url: withDatabaseName(url, name) });
  try {
    await migrate(database);
    if (demo) await seedDemo(database.db);
  } finally {
    await database.close();
  }
}

async function preparePgliteSnapshot(dir: string, demo: boolean): Promise<string> {
  const database = await openDatabase({ engine: "pglite" });
  try {
    await migrate(database);
    if (demo) await seedDemo(database.db);
    const blob = await pgliteOf(database)!.dumpDataDir("none");
    const file = join(dir, demo ? "demo.tar" : "empty.tar");
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    return file;
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  if (testDatabaseUrl) {
    console.log(`[test] integration suite runs against PostgreSQL (${new URL(testDatabaseUrl).host})`);
    await preparePostgresTemplate(testDatabaseUrl, TEMPLATE_EMPTY, false);
    await preparePostgresTemplate(testDatabaseUrl, TEMPLATE_DEMO, true);
    return;
  }
  const dir = join(process.cwd(), ".tmp", `snapshots-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const [empty, demo] = [await preparePgliteSnapshot(dir, false), await preparePgliteSnapshot(dir, true)];
  project.provide("pgliteSnapshots", { empty, demo });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshots: { empty: string; demo: string };
  }
}
