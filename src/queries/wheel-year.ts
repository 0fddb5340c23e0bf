// A year of the annual wheel: the workspace's own events expanded from their dates, months and rules; every
// follow-up round's deadline (and start), by itself; and, for people with a role, the groups' meetings. The public
// sees the rounds of published plans and no meetings. Reads only.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { datesInWindow, localParts, meetingOccurrences, OCCURRENCE_CAP } from "../wheel/recurrence.ts";
import type { WheelCategoryView, WheelOccurrence, WheelYear } from "../wheel/types.ts";

/** Keys of the categories the wheel fills by itself. */
export const MEETINGS_CATEGORY = "meetings";
export const FOLLOW_UP_CATEGORY = "follow-up";

export interface WheelYearOptions {
  year: number;
  /** yyyy-mm-dd in Stockholm. */
  today: string;
  /** People with a role: meetings and rounds of unpublished plans too. */
  internal: boolean;
  locale: "sv" | "en";
  words: {
    roundDeadline: (round: string, plan: string) => string;
    recurrence: (rule: string | null) => string;
    meetingDetail: (group: string, time: string) => string;
  };
  links: {
    event: (id: string) => string | null;
    round: (planSlug: string, roundSlug: string) => string;
    meeting: (groupSlug: string, meetingId: string, start: Date | null) => string | null;
  };
}

const htmlKey = (...parts: string[]) => parts.join("-").toLowerCase().replace(/[^a-z0-9-]/g, "");

export type WheelEventRow = typeof s.wheelEvents.$inferSelect;

/** The months (1–12) a month-only event falls in: its month, and a yearly rule's BYMONTH. */
export function monthsOf(event: Pick<WheelEventRow, "month" | "rrule">): number[] {
  const extra = /BYMONTH=([\d,]+)/.exec(event.rrule ?? "")?.[1]?.split(",").map(Number) ?? [];
  return [...new Set([...(event.month ? [event.month] : []), ...extra])].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
}

export async function wheelYear(db: Db, workspaceId: string, options: WheelYearOptions): Promise<WheelYear> {
  const { year, words, links } = options;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [categoryRows, events] = await Promise.all([
    db.select().from(s.wheelCategories).where(eq(s.wheelCategories.workspaceId, workspaceId)).orderBy(asc(s.wheelCategories.position)),
    db.select().from(s.wheelEvents).where(and(eq(s.wheelEvents.workspaceId, workspaceId), isNull(s.wheelEvents.archivedAt))),
  ]);
  const byId = new Map(categoryRows.map((c) => [c.id, c]));
  const keyOf = (key: string) => categoryRows.find((c) => c.key === key && !c.archivedAt);
  const occurrences: WheelOccurrence[] = [];
  const capped: string[] = [];

  for (const event of events) {
    const category = byId.get(event.categoryId);
    if (!category) continue;
    const base = { source: "event" as const, title: event.title, categoryKey: category.key, time: null, detail: words.recurrence(event.rrule), href: links.event(event.id) };
    if (!event.startsOn) {
      for (const month of monthsOf(event)) {
        occurrences.push({ ...base, key: htmlKey("e", event.id, String(month)), date: null, month, endDate: null });
      }
      continue;
    }
    const spanDays = event.endsOn ? Math.round((Date.parse(event.endsOn) - Date.parse(event.startsOn)) / 86_400_000) : 0;
    // A span that began last year and reaches into this one belongs here too.
    const windowFrom = spanDays > 0 ? new Date(Date.parse(from) - spanDays * 86_400_000).toISOString().slice(0, 10) : from;
    const { dates, capped: wasCapped } = datesInWindow(event.startsOn, event.rrule, windowFrom, to);
    if (wasCapped) capped.push(event.title);
    for (const date of dates) {
      const endDate = spanDays > 0 ? new Date(Date.parse(date) + spanDays * 86_400_000).toISOString().slice(0, 10) : null;
      const shown = date < from ? from : date;
      occurrences.push({ ...base, key: htmlKey("e", event.id, date), date: shown, month: Number(shown.slice(5, 7)), endDate });
    }
  }

  const followUp = keyOf(FOLLOW_UP_CATEGORY);
  if (followUp) {
    const plans = await db
      .select()
      .from(s.plans)
      .where(and(eq(s.plans.workspaceId, workspaceId), isNull(s.plans.archivedAt), ...(options.internal ? [] : [eq(s.plans.published, true)])));
    const rounds = plans.length
      ? await db.select().from(s.followUpRounds).where(inArray(s.followUpRounds.planId, plans.map((p) => p.id)))
      : [];
    for (const round of rounds) {
      if (!options.internal && round.state === "draft") continue;
      const plan = plans.find((p) => p.id === round.planId)!;
      const href = links.round(plan.slug, round.slug);
      if (round.deadline >= from && round.deadline <= to) {
        occurrences.push({
          key: htmlKey("r", round.id), source: "round", title: words.roundDeadline(round.name, plan.name), categoryKey: followUp.key,
          date: round.deadline, month: Number(round.deadline.slice(5, 7)), endDate: null, time: null, detail: plan.name, href,
        });
      }
    }
  }

  const meetingsCategory = keyOf(MEETINGS_CATEGORY);
  if (options.internal && meetingsCategory) {
    const start = new Date(`${year - 1}-12-31T00:00:00Z`);
    const end = new Date(`${year + 1}-01-01T23:00:00Z`);
    const rows = await db
      .select({ meeting: s.meetings, group: { slug: s.groups.slug, name: s.groups.name } })
      .from(s.meetings)
      .innerJoin(s.groups, eq(s.groups.id, s.meetings.groupId))
      .where(and(eq(s.meetings.workspaceId, workspaceId), isNull(s.groups.archivedAt)));
    const replaced = new Set(rows.filter((r) => r.meeting.seriesId && r.meeting.recurrenceStart).map((r) => `${r.meeting.seriesId}@${r.meeting.recurrenceStart!.getTime()}`));
    for (const { meeting, group } of rows) {
      // A cancelled kept occurrence still replaces its series' one (above); it is not drawn.
      if (meeting.cancelledAt) continue;
      const { occurrences: times, capped: wasCapped } = meetingOccurrences(meeting.startsAt, meeting.endsAt, meeting.rrule, start, end, OCCURRENCE_CAP);
      if (wasCapped) capped.push(meeting.title);
      for (const occurrence of times) {
        if (meeting.rrule && replaced.has(`${meeting.id}@${occurrence.start.getTime()}`)) continue;
        const local = localParts(occurrence.start);
        if (!local.date.startsWith(String(year))) continue;
        occurrences.push({
          key: htmlKey("m", meeting.id, local.date), source: "meeting", title: meeting.title, categoryKey: meetingsCategory.key, date: local.date,
          month: Number(local.date.slice(5, 7)), endDate: null, time: local.time, detail: words.meetingDetail(group.name, local.time),
          href: links.meeting(group.slug, meeting.id, meeting.rrule ? occurrence.start : null),
        });
      }
    }
  }

  const used = new Set(occurrences.map((o) => o.categoryKey));
  const categories: WheelCategoryView[] = categoryRows
    .filter((c) => !c.archivedAt || used.has(c.key))
    .map((c) => ({ id: c.id, key: c.key, name: (options.locale === "en" && c.nameEn) || c.name, colour: c.colour, position: c.position }));
  const sortDate = (o: WheelOccurrence) => o.date ?? `${year}-${String(o.month).padStart(2, "0")}-00`;
  occurrences.sort((a, b) => sortDate(a).localeCompare(sortDate(b)) || (a.time ?? "").localeCompare(b.time ?? "") || a.title.localeCompare(b.title, "sv"));
  const today = options.today.startsWith(String(year)) ? options.today : null;
  return { year, today, categories, occurrences, capped: [...new Set(capped)] };
}
