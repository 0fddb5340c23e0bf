// The annual wheel (årshjul): categories and recurring events of the year.
import { date, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, createdAt, id, updatedAt, version, workspaceRef } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const wheelCategories = pgTable(
  "wheel_category",
  {
    id: id(),
    workspaceId: workspaceRef().references(() => workspaces.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    colour: text("colour").notNull(),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("wheel_category_ws_key_uq").on(t.workspaceId, t.key)],
);

export const wheelEvents = pgTable("wheel_event", {
  id: id(),
  workspaceId: workspaceRef().references(() => workspaces.id),
  categoryId: uuid("category_id").notNull().references(() => wheelCategories.id),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  /** A specific first date, or only a month (1–12) for "sometime in March". */
  startsOn: date("starts_on"),
  month: integer("month"),
  endsOn: date("ends_on"),
  /** RFC 5545 RRULE: "FREQ=YEARLY;BYMONTH=3,9" for basic training twice a year. */
  rrule: text("rrule"),
  archivedAt: archivedAt(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
