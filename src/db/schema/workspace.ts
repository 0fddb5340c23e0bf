// Workspace: one municipality (or a region that reads several). The tenant every other row belongs to.
import { bigint, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version } from "./columns.ts";

export const workspaces = pgTable(
  "workspace",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** municipality | region */
    kind: text("kind").notNull().default("municipality"),
    defaultLocale: text("default_locale").notNull().default("sv"),
    /** Bumped by every write in the workspace; read caches are keyed on it. */
    contentVersion: bigint("content_version", { mode: "number" }).notNull().default(1),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("workspace_slug_uq").on(t.slug)],
);
