// Column helpers shared by every table: uuid ids, the owning workspace, optimistic-concurrency version, timestamps.
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();

/** Every row belongs to exactly one workspace (municipality); queries are always scoped by it. */
export const workspaceRef = () => uuid("workspace_id").notNull();

/** Incremented on every update; a save that carries an older version is refused (409). */
export const version = () => integer("version").notNull().default(1);

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Referenced things are archived, never deleted, so history and old reports stay readable. */
export const archivedAt = () => timestamp("archived_at", { withTimezone: true });
