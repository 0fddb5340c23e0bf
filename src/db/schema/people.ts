// People and access: accounts (global), memberships with a role per workspace and organisation, sessions, invitations.
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { organisations } from "./organisation.ts";

/** A person may hold roles in several workspaces, so the account itself is the one row without a workspace. */
export const users = pgTable(
  "app_user",
  {
    id: id(),
    /** Stored lower-cased, so addresses compare case-insensitively. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** Administers the installation: creates workspaces; administrator in every workspace. Set by `samverka user create --admin`. */
    systemAdmin: boolean("system_admin").notNull().default(false),
    passwordHash: text("password_hash"),
    locale: text("locale").notNull().default("sv"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("app_user_email_uq").on(t.email)],
);

/** admin | coordinator | steering | editor | approver | reader; editor/approver carry an organisation. */
export const memberships = pgTable("membership", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  userId: uuid("user_id").notNull().references(() => users.id),
  role: text("role").notNull(),
  organisationId: uuid("organisation_id").references(() => organisations.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable("session", {
  /** sha-256 of the cookie value; the raw value is never stored. */
  id: text("id").primaryKey(),
  userId: uuid("user_id").notNull().references(() => users.id),
  createdAt: createdAt(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export const invitations = pgTable("invitation", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  email: text("email").notNull(),
  role: text("role").notNull(),
  organisationId: uuid("organisation_id").references(() => organisations.id),
  /** sha-256 of the single-use token. */
  tokenHash: text("token_hash").notNull(),
  /** invite | reset */
  purpose: text("purpose").notNull().default("invite"),
  invitedBy: uuid("invited_by").references(() => users.id),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: createdAt(),
});
