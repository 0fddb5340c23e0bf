// Puts an event on the annual wheel or changes it: a title, a category of the workspace, a date (with an optional
// last day) or only a month, and how it recurs ("twice a year, March and September"); every problem at once, the
// end never before the start, a rule that happens at least once; optimistic concurrency and the audit.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { datesInWindow } from "../wheel/recurrence.ts";
import { choiceFromRule, ruleFromChoice, type RecurrenceChoice } from "../wheel/recurrence-choice.ts";
import { recordAudit } from "./audit.ts";
import { checkDateRange, checkTexts, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface WheelEventFields {
  title: string;
  description: string;
  categoryId: string;
  /** "date": a day (and maybe a last day); "month": sometime in a month, every year. */
  when: "date" | "month";
  startsOn: string;
  endsOn: string;
  month: string;
  recurrence: RecurrenceChoice;
}

type Stored = { title: string; description: string; categoryId: string; startsOn: string | null; endsOn: string | null; month: number | null; rrule: string | null };
const AUDITED = ["title", "description", "categoryId", "startsOn", "endsOn", "month", "rrule"] as const;

/** An event's fields as its form shows them. */
export function wheelEventFormFields(e: Stored): WheelEventFields {
  return {
    title: e.title, description: e.description, categoryId: e.categoryId, when: e.month && !e.startsOn ? "month" : "date", startsOn: e.startsOn ?? "",
    endsOn: e.endsOn ?? "", month: e.month ? String(e.month) : "", recurrence: choiceFromRule(e.rrule),
  };
}

export async function saveWheelEvent(
  db: Db,
  viewer: Viewer | null,
  input: WheelEventFields & { workspaceId: string; eventId?: string; version?: number; confirmedPersonalData: boolean },
): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!can(viewer, "manage", { type: "year", workspaceId: input.workspaceId })) throw new Forbidden();
    let current: typeof s.wheelEvents.$inferSelect | undefined;
    if (input.eventId) {
      await lockVersion(t, "wheel_event", input.eventId);
      [current] = await t.select().from(s.wheelEvents).where(and(eq(s.wheelEvents.id, input.eventId), eq(s.wheelEvents.workspaceId, input.workspaceId)));
      if (!current || current.archivedAt) throw new NotFound("wheel_event");
    }
    const problems = checkTexts(
      [
        { field: "title", value: input.title, max: 200, required: true },
        { field: "description", value: input.description, max: 5000 },
      ],
      input.confirmedPersonalData,
    );
    const [category] = /^[0-9a-f-]{36}$/i.test(input.categoryId)
      ? await t.select().from(s.wheelCategories).where(and(eq(s.wheelCategories.id, input.categoryId), eq(s.wheelCategories.workspaceId, input.workspaceId)))
      : [];
    if (!category || (category.archivedAt && category.id !== current?.categoryId)) problems.categoryId = { key: "wheel.form.categoryRequired" };

    const stored: Stored = { title: input.title.trim(), description: input.description.trim(), categoryId: input.categoryId, startsOn: null, endsOn: null, month: null, rrule: null };
    if (input.when === "month") {
      const month = Number(input.month);
      if (!Number.isInteger(month) || month < 1 || month > 12) problems.month = { key: "wheel.form.monthRequired" };
      else stored.month = month;
      const repeat = input.recurrence.repeat;
      if (repeat !== "none" && repeat !== "yearly") problems.repeat = { key: "wheel.form.monthRecursYearly" };
      else if (repeat === "yearly" && input.recurrence.months.length) {
        const made = ruleFromChoice({ ...input.recurrence, until: "" }, false);
        if ("problem" in made) problems.repeat = { key: made.problem.key };
        else stored.rrule = made.rule;
      }
    } else if (input.when === "date") {
      checkDateRange(problems, { field: "startsOn", value: input.startsOn.trim(), required: true }, { field: "endsOn", value: input.endsOn.trim() });
      stored.startsOn = input.startsOn.trim() || null;
      stored.endsOn = input.endsOn.trim() || null;
      const made = ruleFromChoice(input.recurrence, false);
      if ("problem" in made) problems[made.problem.field === "until" ? "recurrenceUntil" : made.problem.field === "rule" ? "recurrenceRule" : "repeat"] = { key: made.problem.key };
      else stored.rrule = made.rule;
      if (stored.rrule && stored.startsOn && !problems.startsOn && datesInWindow(stored.startsOn, stored.rrule, stored.startsOn, "2199-12-31", 1).dates.length === 0) {
        problems.recurrenceRule = { key: "recurrence.noOccurrence" };
      }
    } else problems.when = { key: "form.unknownChoice" };
    throwIfProblems(problems);

    if (current) {
      const before = current;
      checkVersion(before.version, input.version ?? 0, () => wheelEventFormFields(before));
      const changes = changesBetween<Stored>(before, stored, AUDITED);
      if (changes.length === 0) return { id: before.id };
      await t.update(s.wheelEvents).set({ ...stored, version: before.version + 1, updatedAt: new Date() }).where(eq(s.wheelEvents.id, before.id));
      await bumpContentVersion(t, input.workspaceId);
      await recordAudit(t, { workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "wheelEvent.updated", subjectType: "wheelEvent", subjectId: before.id, changes });
      return { id: before.id };
    }
    const [row] = await t.insert(s.wheelEvents).values({ workspaceId: input.workspaceId, ...stored }).returning({ id: s.wheelEvents.id });
    await bumpContentVersion(t, input.workspaceId);
    const empty: Stored = { title: "", description: "", categoryId: "", startsOn: null, endsOn: null, month: null, rrule: null };
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "wheelEvent.created", subjectType: "wheelEvent", subjectId: row!.id,
      changes: changesBetween<Stored>(empty, stored, AUDITED),
    });
    return { id: row!.id };
  });
}

/** Takes an event off the wheel; it stays in the database (and the audit) as archived. */
export async function archiveWheelEvent(db: Db, viewer: Viewer | null, input: { workspaceId: string; eventId: string }): Promise<void> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "manage", { type: "year", workspaceId: input.workspaceId })) throw new Forbidden();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const archived = await t
      .update(s.wheelEvents)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(s.wheelEvents.id, input.eventId), eq(s.wheelEvents.workspaceId, input.workspaceId)))
      .returning({ title: s.wheelEvents.title });
    if (archived.length === 0) throw new NotFound("wheel_event");
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "wheelEvent.archived", subjectType: "wheelEvent", subjectId: input.eventId,
      changes: [{ field: "title", before: archived[0]!.title, after: null }],
    });
  });
}
