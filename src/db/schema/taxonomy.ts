// Taxonomies and their terms, per plan: focus areas, forms of violence, target groups, prevention levels, activity kinds …
import { boolean, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";

export const taxonomies = pgTable(
  "taxonomy",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    /** Stable key the software may look for: focus_area, violence_form, target_group, prevention_level, activity_kind, audience. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    /** Whether an activity may carry several terms of this taxonomy. */
    multiple: boolean("multiple").notNull().default(true),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("taxonomy_plan_key_uq").on(t.planId, t.key)],
);

export const terms = pgTable(
  "term",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    taxonomyId: uuid("taxonomy_id").notNull().references(() => taxonomies.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("term_taxonomy_key_uq").on(t.taxonomyId, t.key)],
);
