// Dialogue meetings (dialogmöten) with one organisation or a cluster, and the development areas agreed there.
import { date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";
import { plans } from "./plan.ts";
import { organisations } from "./organisation.ts";

export const dialogueMeetings = pgTable("dialogue_meeting", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  planId: uuid("plan_id").notNull().references(() => plans.id),
  title: text("title").notNull(),
  heldOn: date("held_on").notNull(),
  /** Participants by role, never client data: "Avdelningschef, förvaltningens representant". */
  participants: text("participants").notNull().default(""),
  notes: text("notes").notNull().default(""),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const dialogueMeetingOrganisations = pgTable(
  "dialogue_meeting_organisation",
  {
    workspaceId: workspaceRef().references(() => workspaces.id),
    dialogueMeetingId: uuid("dialogue_meeting_id").notNull().references(() => dialogueMeetings.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.dialogueMeetingId, t.organisationId] })],
);

export const developmentAreas = pgTable("development_area", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  dialogueMeetingId: uuid("dialogue_meeting_id").notNull().references(() => dialogueMeetings.id),
  position: integer("position").notNull(),
  text: text("text").notNull(),
  /** The need it became, if it did. */
  needId: uuid("need_id"),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
