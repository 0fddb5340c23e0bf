// Activities (aktivitet / åtgärd) and their links to strategies, taxonomy terms and organisations; financing.
import { bigint, date, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";
import { goals, strategies } from "./goal.ts";
import { terms } from "./taxonomy.ts";
import { organisations } from "./organisation.ts";
import { actionPlans } from "./action-plan.ts";

export const activities = pgTable(
  "activity",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    /** The action plan it stands in (city-wide HR activities stand in ASF's plan but are carried out by others). */
    actionPlanId: uuid("action_plan_id").references(() => actionPlans.id),
    goalId: uuid("goal_id").notNull().references(() => goals.id),
    /** As written: "2.1", "1:4"; null where the source leaves it unnumbered. Unique within the plan. */
    number: text("number"),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** planned | under_development | ongoing | completed | cancelled */
    phase: text("phase").notNull().default("planned"),
    childRights: text("child_rights").notNull().default(""),
    plannedStart: date("planned_start"),
    plannedEnd: date("planned_end"),
    /** A short note on the board card: "revideras varje år". */
    boardNote: text("board_note"),
    /** The need this activity grew from, if any. */
    fromNeedId: uuid("from_need_id"),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("activity_plan_number_uq").on(t.planId, t.number).where(sql`${t.number} is not null`)],
);

export const activityStrategies = pgTable(
  "activity_strategy",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    activityId: uuid("activity_id").notNull().references(() => activities.id),
    strategyId: uuid("strategy_id").notNull().references(() => strategies.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.strategyId] })],
);

/** Every taxonomy classification (kind, focus areas, target groups, prevention levels, audience …). */
export const activityTerms = pgTable(
  "activity_term",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    activityId: uuid("activity_id").notNull().references(() => activities.id),
    termId: uuid("term_id").notNull().references(() => terms.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.termId] })],
);

/** responsible | co_responsible | partner */
export const activityOrganisations = pgTable(
  "activity_organisation",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    activityId: uuid("activity_id").notNull().references(() => activities.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    role: text("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.organisationId, t.role] })],
);

export const financings = pgTable("financing", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  activityId: uuid("activity_id").notNull().references(() => activities.id),
  source: text("source").notNull(),
  appliedOn: date("applied_on"),
  /** Whole kronor. */
  amountApplied: bigint("amount_applied", { mode: "number" }),
  /** pending | granted | partly_granted | rejected */
  decision: text("decision").notNull().default("pending"),
  decidedOn: date("decided_on"),
  amountGranted: bigint("amount_granted", { mode: "number" }),
  note: text("note").notNull().default(""),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
