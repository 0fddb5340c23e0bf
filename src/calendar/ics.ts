// iCalendar (RFC 5545) feeds that Outlook and Google Calendar subscribe to: ical-generator writes the events, times
// are Stockholm wall-clock times with TZID and a VTIMEZONE from timezones-ical-library, recurrence stays an RRULE,
// and a changed occurrence of a series is the same UID with a RECURRENCE-ID.
import ical, { ICalEventStatus } from "ical-generator";
import { TZDate } from "@date-fns/tz";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { TIME_ZONE } from "../wheel/recurrence.ts";

interface EntryBase {
  /** Stable across feeds and downloads, so a subscriber's calendar updates instead of doubling. */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string | null;
  categories?: string[];
  rrule?: string | null;
  /** Bumped when the event changes (its row version), so clients take the new one. */
  sequence?: number;
  lastModified?: Date | null;
  cancelled?: boolean;
}

export interface DayEntry extends EntryBase {
  allDay: true;
  /** yyyy-mm-dd */
  startDate: string;
  /** The last day, inclusive (yyyy-mm-dd); the feed writes the day after, as iCalendar wants. */
  endDate: string;
}

export interface TimedEntry extends EntryBase {
  allDay: false;
  start: Date;
  end: Date;
  /** For one changed occurrence of a series: the start it replaces. */
  recurrenceStart?: Date | null;
}

export type CalendarEntry = DayEntry | TimedEntry;

export interface CalendarFeed {
  name: string;
  description?: string;
  /** The page the feed belongs to. */
  url?: string;
  entries: CalendarEntry[];
}

const zoned = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE);

function zonedDay(date: string, plusDays = 0): TZDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d + plusDays, 12, 0, 0, TIME_ZONE);
}

/**
 * The Stockholm VTIMEZONE. The library files Stockholm under Europe/Berlin (the same rules since 1980, merged in the
 * time-zone database), so the block is renamed to the TZID the events use.
 */
function stockholmTimezone(): string {
  const [block] = tzlib_get_ical_block(TIME_ZONE);
  if (!block) throw new Error("no VTIMEZONE for Europe/Stockholm");
  return block.replace(/^TZID:.*$/m, `TZID:${TIME_ZONE}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${TIME_ZONE}`);
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function buildCalendar(feed: CalendarFeed, now: Date = new Date()): string {
  const calendar = ical({
    name: feed.name,
    description: feed.description ?? null,
    url: feed.url ?? null,
    prodId: { company: "Samverka", product: "Samverka", language: "SV" },
    timezone: { name: TIME_ZONE, generator: () => stockholmTimezone() },
    ttl: 60 * 60,
  });
  for (const entry of feed.entries) {
    const common = {
      id: entry.uid,
      summary: entry.title,
      description: entry.description || null,
      location: entry.location || null,
      url: entry.url || null,
      categories: (entry.categories ?? []).map((name) => ({ name })),
      repeating: entry.rrule || null,
      sequence: entry.sequence ?? 0,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    if (entry.allDay) {
      calendar.createEvent({ ...common, allDay: true, start: zonedDay(entry.startDate), end: zonedDay(entry.endDate, 1) });
    } else {
      calendar.createEvent({
        ...common,
        timezone: TIME_ZONE,
        start: zoned(entry.start),
        end: zoned(entry.end),
        recurrenceId: entry.recurrenceStart ? zoned(entry.recurrenceStart) : null,
      });
    }
  }
  // ical-generator writes DTSTAMP (and LAST-MODIFIED) in the calendar's zone without a Z; RFC 5545 wants them in UTC.
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utcStamp(now)}`);
}

/** A file name for a download: letters, digits and dashes. */
export function calendarFileName(title: string): string {
  const base = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${base || "kalender"}.ics`;
}

export const CALENDAR_MEDIA_TYPE = "text/calendar; charset=utf-8";
