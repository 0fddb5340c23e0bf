// Opens the configured database for a process: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR under a lock.
import type { Config } from "../config.ts";
import { openDatabase, type Database } from "./client.ts";
import { lockDataDir } from "./data-dir-lock.ts";

export interface OpenedDatabase extends Database {
  /** Where the data lives, for messages: the data dir or the server URL without its password. */
  location: string;
}

export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openDatabase({ engine: "postgres", url: config.databaseUrl });
    const url = new URL(config.databaseUrl);
    url.password = url.password ? "***" : "";
    return { ...database, location: url.toString() };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ engine: "pglite", dataDir: config.dataDir });
    return {
      ...database,
      location: config.dataDir,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
