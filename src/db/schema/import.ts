// An import between its upload and its commit: the recognised draft, who uploaded it and for what, and the user's
// corrections from the preview. Working data: never exported with a workspace; a committed or abandoned one may be
// deleted.
import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { organisations } from "./organisation.ts";
import { users } from "./people.ts";
import { plans } from "./plan.ts";
import { workspaces } from "./workspace.ts";

export const importDrafts = pgTable("import_draft", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  planId: uuid("plan_id").notNull().references(() => plans.id),
  /** The organisation whose action plan or follow-up it is; null for a plan. */
  organisationId: uuid("organisation_id").references(() => organisations.id),
  userId: uuid("user_id").notNull().references(() => users.id),
  fileName: text("file_name").notNull(),
  /** The reader's format: docx | pdf | text | markdown | xlsx | csv. */
  format: text("format").notNull(),
  /** The recognised draft (src/import/recognise/draft.ts) with the personal data flagged in it. */
  draft: jsonb("draft").notNull(),
  /** The preview's corrections (src/import/proposal/action-plan.ts `Corrections`). */
  corrections: jsonb("corrections").notNull().default({}),
  committedAt: timestamp("committed_at", { withTimezone: true }),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
