// Follow-up rounds, per-activity reports with figures and attachments, and each organisation's report for a round.
import {
  bigint, boolean, customType, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { followUpStatuses, plans } from "./plan.ts";
import { activities } from "./activity.ts";
import { organisations } from "./organisation.ts";
import { users } from "./people.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const followUpRounds = pgTable(
  "follow_up_round",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    deadline: date("deadline").notNull(),
    /** draft | open | closed */
    state: text("state").notNull().default("draft"),
    /** What is asked: status, narrative, figures, next steps, organisation summary. */
    asks: jsonb("asks").$type<{ status: boolean; narrative: boolean; figures: boolean; nextSteps: boolean; summary: boolean }>()
      .notNull()
      .default({ status: true, narrative: true, figures: true, nextSteps: true, summary: true }),
    /** The coordinator's introduction to the round's compiled report (Markdown subset); empty: the plan's introduction. */
    introduction: text("introduction").notNull().default(""),
    /** Days relative to the deadline when reminders go out; negative = after it. */
    reminderOffsets: jsonb("reminder_offsets").$type<number[]>().notNull().default([14, 3, -1]),
    /** one | all | any — how many of the organisation's approvers must approve. */
    approvalMode: text("approval_mode").notNull().default("one"),
    requireDifferentApprover: boolean("require_different_approver").notNull().default(true),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("follow_up_round_plan_slug_uq").on(t.planId, t.slug)],
);

/** Which organisations a round asks to report. */
export const roundOrganisations = pgTable(
  "round_organisation",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    roundId: uuid("round_id").notNull().references(() => followUpRounds.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organisationId] })],
);

/**
 * An organisation's report for a round as a whole: its summary ("Sammanfattning och planering framåt")
 * and the state it moves through: not_started → draft → submitted → approved → accepted (or returned).
 */
export const organisationReports = pgTable(
  "organisation_report",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    roundId: uuid("round_id").notNull().references(() => followUpRounds.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    introduction: text("introduction").notNull().default(""),
    howMade: text("how_made").notNull().default(""),
    summary: text("summary").notNull().default(""),
    state: text("state").notNull().default("not_started"),
    /** Where it was anchored ("förankrad"): styrgrupp, ledningsgrupp, avdelningschefer, HR-chef. */
    anchoredIn: text("anchored_in"),
    anchoredOn: date("anchored_on"),
    returnComment: text("return_comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    /** Set when the coordinator reopens this organisation's reports after the round was closed. */
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisation_report_uq").on(t.roundId, t.organisationId)],
);

/** One approver's decision on an organisation report. */
export const reportApprovals = pgTable("report_approval", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  organisationReportId: uuid("organisation_report_id").notNull().references(() => organisationReports.id),
  userId: uuid("user_id").references(() => users.id),
  /** approved | declined */
  decision: text("decision").notNull(),
  comment: text("comment").notNull().default(""),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per round and activity: status, narrative, next steps. Co-responsible organisations add their own part. */
export const activityReports = pgTable(
  "activity_report",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    roundId: uuid("round_id").notNull().references(() => followUpRounds.id),
    activityId: uuid("activity_id").notNull().references(() => activities.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    organisationReportId: uuid("organisation_report_id").notNull().references(() => organisationReports.id),
    statusId: uuid("status_id").references(() => followUpStatuses.id),
    narrative: text("narrative").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    /** Comment required when submitting with a "not started" status. */
    statusComment: text("status_comment").notNull().default(""),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("activity_report_uq").on(t.roundId, t.activityId, t.organisationId)],
);

/** A figure in a report: "parent courses 68 → 85 in 2024", "about 20 cases as of September". */
export const figures = pgTable("figure", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  activityReportId: uuid("activity_report_id").notNull().references(() => activityReports.id),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  value: numeric("value", { mode: "number" }),
  unit: text("unit").notNull().default(""),
  /** exact | about | at_least | at_most */
  qualifier: text("qualifier").notNull().default("exact"),
  /** The words as written, when they say more than the qualifier: "ett 20-tal". */
  qualifierText: text("qualifier_text"),
  asOf: date("as_of"),
  baseline: numeric("baseline", { mode: "number" }),
  target: numeric("target", { mode: "number" }),
  year: integer("year"),
  /** The figure in the previous round it was carried over from. */
  carriedFromId: uuid("carried_from_id"),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const attachments = pgTable("attachment", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  activityReportId: uuid("activity_report_id").references(() => activityReports.id),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});
