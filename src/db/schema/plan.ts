// Plan: the city-wide plan with its vision, period, adoption and its own vocabulary (labels and numbering are data).
import { boolean, date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import type { PlanVocabulary } from "../../domain/vocabulary.ts";

export const plans = pgTable(
  "plan",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    vision: text("vision").notNull().default(""),
    /** Free text introduction; safe Markdown subset. */
    introduction: text("introduction").notNull().default(""),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    adoptedBy: text("adopted_by"),
    adoptedOn: date("adopted_on"),
    coordinatingOrganisationId: uuid("coordinating_organisation_id"),
    /** Months between follow-up rounds: 12 yearly, 24 every other year. */
    followUpEveryMonths: integer("follow_up_every_months").notNull().default(12),
    /** Months between dialogue meetings with each organisation. */
    dialogueEveryMonths: integer("dialogue_every_months").notNull().default(24),
    vocabulary: jsonb("vocabulary").$type<PlanVocabulary>().notNull(),
    /** Taxonomy that splits the per-goal board (e.g. "för medarbetare" / "för målgruppen"). */
    boardSplitTaxonomyId: uuid("board_split_taxonomy_id"),
    published: boolean("published").notNull().default(false),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("plan_ws_slug_uq").on(t.workspaceId, t.slug)],
);

/**
 * The statuses a follow-up report can take, in the plan's own words. Each maps to a meaning
 * (for counting) and to the activity phase it moves the activity to when a report is accepted.
 */
export const followUpStatuses = pgTable(
  "follow_up_status",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    position: integer("position").notNull(),
    /** #rrggbb; chosen to be distinguishable with colour-vision deficiency. */
    colour: text("colour").notNull(),
    /** not_started | started | done | cancelled */
    meaning: text("meaning").notNull(),
    /** planned | under_development | ongoing | completed | cancelled */
    phase: text("phase").notNull(),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("follow_up_status_plan_key_uq").on(t.planId, t.key)],
);
