// Needs (behov av insats): gaps without an activity yet; a need can become an activity and keeps the link.
import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";
import { goals } from "./goal.ts";
import { terms } from "./taxonomy.ts";
import { organisations } from "./organisation.ts";
import { activities } from "./activity.ts";

export const needs = pgTable("need", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  planId: uuid("plan_id").notNull().references(() => plans.id),
  goalId: uuid("goal_id").notNull().references(() => goals.id),
  /** Who identified the need, if one organisation did. */
  organisationId: uuid("organisation_id").references(() => organisations.id),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  boardNote: text("board_note"),
  position: integer("position").notNull().default(0),
  becameActivityId: uuid("became_activity_id").references(() => activities.id),
  /** Set when the need was agreed as a development area in a dialogue meeting. */
  fromDevelopmentAreaId: uuid("from_development_area_id"),
  archivedAt: archivedAt(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const needTerms = pgTable(
  "need_term",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    needId: uuid("need_id").notNull().references(() => needs.id),
    termId: uuid("term_id").notNull().references(() => terms.id),
  },
  (t) => [primaryKey({ columns: [t.needId, t.termId] })],
);
