// Groups (styrgrupp, samordningsgrupp, nätverk …), their members, meetings with minutes, and action items.
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { organisations } from "./organisation.ts";
import { users } from "./people.ts";

export const groups = pgTable(
  "group",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** steering | coordination | network | other */
    kind: text("kind").notNull().default("other"),
    description: text("description").notNull().default(""),
    /** Secret, revocable token for the group's calendar feed. */
    calendarToken: text("calendar_token"),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("group_ws_slug_uq").on(t.workspaceId, t.slug)],
);

/** A member is a person with an account, or a named role at an organisation — never client data. */
export const groupMembers = pgTable("group_member", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  groupId: uuid("group_id").notNull().references(() => groups.id),
  userId: uuid("user_id").references(() => users.id),
  organisationId: uuid("organisation_id").references(() => organisations.id),
  roleTitle: text("role_title").notNull().default(""),
  position: integer("position").notNull().default(0),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const meetings = pgTable(
  "meeting",
  {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  groupId: uuid("group_id").notNull().references(() => groups.id),
  /**
   * One occurrence of a recurring series, kept as its own row once it gets minutes or action items (or moves):
   * the series it belongs to and the start it replaces (iCalendar's RECURRENCE-ID).
   */
  seriesId: uuid("series_id").references((): AnyPgColumn => meetings.id),
  recurrenceStart: timestamp("recurrence_start", { withTimezone: true }),
  title: text("title").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  place: text("place").notNull().default(""),
  videoUrl: text("video_url"),
  agenda: text("agenda").notNull().default(""),
  minutes: text("minutes").notNull().default(""),
  decisions: text("decisions").notNull().default(""),
  /** RRULE for a recurring series; occurrences are expanded when shown. */
  rrule: text("rrule"),
  /** Cancelled meetings stay for the record (and leave the calendar). */
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  },
  (t) => [
    index("meeting_group_idx").on(t.groupId, t.startsAt),
    uniqueIndex("meeting_series_occurrence_uq").on(t.seriesId, t.recurrenceStart),
  ],
);

export const actionItems = pgTable("action_item", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  meetingId: uuid("meeting_id").notNull().references(() => meetings.id),
  text: text("text").notNull(),
  ownerUserId: uuid("owner_user_id").references(() => users.id),
  dueOn: date("due_on"),
  doneAt: timestamp("done_at", { withTimezone: true }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index("action_item_owner_idx").on(t.ownerUserId, t.doneAt)]);
