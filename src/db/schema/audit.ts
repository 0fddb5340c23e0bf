// Audit events and the mail outbox: append-only records of what happened and what was sent.
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { users } from "./people.ts";

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Written by every command in the same transaction as the change; never updated or deleted by the application. */
export const auditEvents = pgTable(
  "audit_event",
  {
    id: id(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** "system", "cli", "web" … */
    via: text("via").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    organisationId: uuid("organisation_id"),
    changes: jsonb("changes").$type<FieldChange[]>().notNull().default([]),
  },
  (t) => [index("audit_event_subject_idx").on(t.subjectType, t.subjectId), index("audit_event_ws_at_idx").on(t.workspaceId, t.at)],
);

/** Every outgoing message; the dedupe key makes "once per person, round and offset" hold across restarts. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id),
    dedupeKey: text("dedupe_key"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    /** queued | sending | sent | failed | not_configured */
    state: text("state").notNull().default("queued"),
    /** When a process took the row for delivery (state sending); a stale claim is queued again at startup. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("mail_outbox_dedupe_uq").on(t.dedupeKey)],
);
