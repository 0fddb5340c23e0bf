// Indicators: figures followed over years for the municipality or an organisation (Kolada is the common source).
import { integer, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";
import { goals } from "./goal.ts";
import { organisations } from "./organisation.ts";

export const indicators = pgTable("indicator", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  planId: uuid("plan_id").references(() => plans.id),
  goalId: uuid("goal_id").references(() => goals.id),
  organisationId: uuid("organisation_id").references(() => organisations.id),
  name: text("name").notNull(),
  unit: text("unit").notNull().default(""),
  /** kolada | own */
  source: text("source").notNull().default("own"),
  /** Kolada KPI id, e.g. "U33400". */
  externalId: text("external_id"),
  /** up | down: which way is better. */
  direction: text("direction").notNull().default("up"),
  target: numeric("target", { mode: "number" }),
  targetYear: integer("target_year"),
  archivedAt: archivedAt(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const indicatorValues = pgTable(
  "indicator_value",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    indicatorId: uuid("indicator_id").notNull().references(() => indicators.id),
    year: integer("year").notNull(),
    value: numeric("value", { mode: "number" }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("indicator_value_uq").on(t.indicatorId, t.year)],
);
