// Goals (inriktningsmål / fokusområde), their strategies ("Genom att") and what needs to be in place.
import { integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";

export const goals = pgTable(
  "goal",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    /** As the plan writes it: "1", "3", "A". */
    number: text("number").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("goal_plan_number_uq").on(t.planId, t.number)],
);

export const strategies = pgTable("strategy", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  goalId: uuid("goal_id").notNull().references(() => goals.id),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  text: text("text").notNull().default(""),
  archivedAt: archivedAt(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** "What needs to be in place" for a goal to be reached (Södertälje's shape). */
export const goalPrerequisites = pgTable("goal_prerequisite", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  goalId: uuid("goal_id").notNull().references(() => goals.id),
  position: integer("position").notNull(),
  text: text("text").notNull(),
  archivedAt: archivedAt(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
