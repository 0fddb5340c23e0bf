// Organisations: a typed tree of boards, administrations, companies, departments and external partners.
import { type AnyPgColumn, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const organisations = pgTable(
  "organisation",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    /** board | administration | company | department | external */
    type: text("type").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    /** For a board: the administration that serves it (boards ↔ administrations). */
    servedById: uuid("served_by_id").references((): AnyPgColumn => organisations.id),
    /** A role, never a person's private data: "Samordnare mot våld i nära relation". */
    contactRole: text("contact_role"),
    position: integer("position").notNull().default(0),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisation_ws_slug_uq").on(t.workspaceId, t.slug)],
);
