// What the calendar feeds hold, as iCalendar entries with their rules kept (a subscriber's calendar expands them):
// a workspace's wheel (its events and the follow-up rounds' deadlines of published plans; never meetings, which
// are internal) and one group's meetings (series, occurrences kept as their own rows, single meetings). Reads only.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { CalendarEntry } from "../calendar/ics.ts";
import { monthsOf } from "./wheel-year.ts";

export interface WheelCalendarWords {
  roundDeadline: (round: string, plan: string) => string;
  sometimeIn: (month: number) => string;
}


/** The public wheel of a workspace: its events and the deadlines of published plans' rounds. */
export async function wheelCalendarEntries(
  db: Db,
  workspaceId: string,
  words: WheelCalendarWords,
  links: { round: (planSlug: string, roundSlug: string) => string; wheel: string },
): Promise<CalendarEntry[]> {
  const [categories, events, plans] = await Promise.all([
    db.select().from(s.wheelCategories).where(eq(s.wheelCategories.workspaceId, workspaceId)),
    db.select().from(s.wheelEvents).where(and(eq(s.wheelEvents.workspaceId, workspaceId), isNull(s.wheelEvents.archivedAt))),
    db.select().from(s.plans).where(and(eq(s.plans.workspaceId, workspaceId), isNull(s.plans.archivedAt), eq(s.plans.published, true))),
  ]);
  const entries: CalendarEntry[] = [];
  for (const event of events) {
    const category = categories.find((c) => c.id === event.categoryId)?.name;
    const common = { uid: `wheel-event-${event.id}@samverka`, title: event.title, description: event.description, url: links.wheel, categories: category ? [category] : [], sequence: event.version - 1, lastModified: event.updatedAt };
    if (event.startsOn) {
      entries.push({ ...common, allDay: true, startDate: event.startsOn, endDate: event.endsOn ?? event.startsOn, rrule: event.rrule });
    } else {
      // "Sometime in March" is a day-long note on the month's first day, every year from the year it was added.
      const months = monthsOf(event);
      const year = event.createdAt.getFullYear();
      if (months.length === 0) continue;
      const first = `${year}-${String(months[0]).padStart(2, "0")}-01`;
      entries.push({
        ...common, allDay: true, startDate: first, endDate: first, rrule: `FREQ=YEARLY;BYMONTH=${months.join(",")};BYMONTHDAY=1`,
        description: [words.sometimeIn(months[0]!), event.description].filter(Boolean).join("\n\n"),
      });
    }
  }
  const rounds = plans.length ? await db.select().from(s.followUpRounds).where(inArray(s.followUpRounds.planId, plans.map((p) => p.id))) : [];
  for (const round of rounds) {
    if (round.state === "draft") continue;
    const plan = plans.find((p) => p.id === round.planId)!;
    entries.push({
      uid: `round-deadline-${round.id}@samverka`, title: words.roundDeadline(round.name, plan.name), allDay: true, startDate: round.deadline, endDate: round.deadline,
      url: links.round(plan.slug, round.slug), sequence: round.version - 1, categories: [],
    });
  }
  return entries;
}

export interface GroupCalendarOptions {
  /** The line in the description that carries the video link. */
  videoLink: (url: string) => string;
  meeting: (id: string) => string;
  /**
   * Only this meeting (a download): a single meeting or one kept occurrence by itself, a series with its kept
   * occurrences (they share its UID).
   */
  onlyMeetingId?: string;
}

/** A group's meetings, with series as RRULEs and their kept occurrences as RECURRENCE-IDs of the same UID. */
export async function groupCalendarEntries(db: Db, groupId: string, options: GroupCalendarOptions): Promise<CalendarEntry[]> {
  const all = await db.select().from(s.meetings).where(eq(s.meetings.groupId, groupId));
  const only = options.onlyMeetingId;
  const meetings = only ? all.filter((m) => m.id === only || (m.seriesId === only && all.some((x) => x.id === only && x.rrule))) : all;
  return meetings.map((m): CalendarEntry => ({
    uid: `meeting-${m.seriesId ?? m.id}@samverka`,
    title: m.title,
    description: [m.videoUrl ? options.videoLink(m.videoUrl) : "", m.agenda].filter(Boolean).join("\n\n"),
    location: m.place || m.videoUrl || "",
    url: options.meeting(m.id),
    allDay: false,
    start: m.startsAt,
    end: m.endsAt,
    rrule: m.seriesId ? null : m.rrule,
    recurrenceStart: m.seriesId ? m.recurrenceStart : null,
    sequence: m.version - 1,
    cancelled: !!m.cancelledAt,
  }));
}
