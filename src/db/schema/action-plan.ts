// Action plans (handlingsplaner): one per organisation and plan; adoption freezes a revision snapshot.
import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";
import { organisations } from "./organisation.ts";
import { users } from "./people.ts";

export const actionPlans = pgTable(
  "action_plan",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    title: text("title").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    introduction: text("introduction").notNull().default(""),
    howMade: text("how_made").notNull().default(""),
    steeringGroup: text("steering_group").notNull().default(""),
    /** draft | adopted */
    state: text("state").notNull().default("draft"),
    adoptedOn: date("adopted_on"),
    adoptedBy: text("adopted_by"),
    /** Number of the latest frozen revision (0 while never adopted). */
    revision: integer("revision").notNull().default(0),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("action_plan_plan_org_uq").on(t.planId, t.organisationId)],
);

/** A frozen copy of an action plan and its activities at adoption or at a later revision. */
export const actionPlanRevisions = pgTable(
  "action_plan_revision",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    actionPlanId: uuid("action_plan_id").notNull().references(() => actionPlans.id),
    number: integer("number").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("action_plan_revision_uq").on(t.actionPlanId, t.number)],
);
