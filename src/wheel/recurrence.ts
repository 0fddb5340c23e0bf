// Recurrence (RFC 5545 RRULE, expanded with the rrule library): checking a rule someone wrote or picked, and
// expanding it into the dates of a year or the meetings of a window. Meetings recur in Stockholm's wall-clock time
// (a 10:00 meeting stays at 10:00 across summer time), so rules are expanded on "floating" times and turned into
// instants afterwards.
import { createRequire } from "node:module";
import { TZDate } from "@date-fns/tz";

// rrule ships CommonJS whose named exports Node's ESM loader cannot see; require gives the whole module.
const { rrulestr, RRule } = createRequire(import.meta.url)("rrule") as typeof import("rrule");

export const TIME_ZONE = "Europe/Stockholm";
/** At most this many occurrences of one rule are shown in a window; a rule that never ends is cut here. */
export const OCCURRENCE_CAP = 60;

const ALLOWED_FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);

export type RuleProblem = "recurrence.invalid" | "recurrence.tooFrequent" | "recurrence.noOccurrence";

/**
 * The rule as stored ("FREQ=MONTHLY;INTERVAL=2"), or why not: not a rule, more often than daily, or a DTSTART of
 * its own (the start is the event's). Accepts a leading "RRULE:".
 */
export function normaliseRule(input: string): { rule: string } | { problem: RuleProblem } {
  const text = input.trim().replace(/^RRULE:/i, "").toUpperCase();
  if (text === "" || /[\r\n]/.test(text) || text.length > 300 || /DTSTART|EXDATE|RDATE/.test(text) || !/(^|;)FREQ=/.test(text)) {
    return { problem: "recurrence.invalid" };
  }
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) return { problem: "recurrence.invalid" };
    if (!ALLOWED_FREQUENCIES.has(options.freq)) return { problem: "recurrence.tooFrequent" };
    if (options.interval !== undefined && (options.interval < 1 || options.interval > 100)) return { problem: "recurrence.invalid" };
    // Round-trip through the library, so what is stored is what it understands.
    const rule = new RRule(options).toString().replace(/^RRULE:/, "");
    return { rule };
  } catch {
    return { problem: "recurrence.invalid" };
  }
}

/** True when the rule has no COUNT and no UNTIL: it goes on for ever (fine in a calendar, capped when shown). */
export function isEndless(rule: string): boolean {
  return !/(^|;)(COUNT|UNTIL)=/.test(rule);
}

function floatingDate(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00Z`);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The dates of a rule from `start` (yyyy-mm-dd) that fall in [from, to] (inclusive), at most `cap`; `capped` when
 * there were more. Without a rule, the start itself when it is in the window.
 */
export function datesInWindow(start: string, rule: string | null, from: string, to: string, cap = OCCURRENCE_CAP): { dates: string[]; capped: boolean } {
  if (!rule) return { dates: start >= from && start <= to ? [start] : [], capped: false };
  const expanded = rrulestr(rule, { dtstart: floatingDate(start) });
  const dates: string[] = [];
  let capped = false;
  expanded.between(floatingDate(from), floatingDate(to, "23:59"), true, (d) => {
    if (dates.length >= cap) {
      capped = true;
      return false;
    }
    dates.push(isoDate(d));
    return true;
  });
  return { dates, capped };
}

/** The wall-clock date and time of an instant in Stockholm. */
export function localParts(instant: Date): { date: string; time: string } {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`, time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

/** The instant of a Stockholm wall-clock date and time (yyyy-mm-dd, HH:MM). */
export function instantOf(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime());
}

export interface TimedOccurrence {
  start: Date;
  end: Date;
}

/**
 * A meeting's occurrences that start within [from, to): the series expanded in Stockholm wall-clock time, each as
 * long as the first. At most `cap`; `capped` when there were more.
 */
export function meetingOccurrences(
  startsAt: Date,
  endsAt: Date,
  rule: string | null,
  from: Date,
  to: Date,
  cap = OCCURRENCE_CAP,
): { occurrences: TimedOccurrence[]; capped: boolean } {
  const duration = endsAt.getTime() - startsAt.getTime();
  if (!rule) {
    const inside = startsAt >= from && startsAt < to;
    return { occurrences: inside ? [{ start: startsAt, end: endsAt }] : [], capped: false };
  }
  const first = localParts(startsAt);
  const expanded = rrulestr(rule, { dtstart: floatingDate(first.date, first.time) });
  // Widen the floating window by a day each side; the exact bounds are checked on the real instants.
  const occurrences: TimedOccurrence[] = [];
  let capped = false;
  expanded.between(new Date(from.getTime() - 86_400_000), new Date(to.getTime() + 86_400_000), true, (d) => {
    const start = instantOf(isoDate(d), d.toISOString().slice(11, 16));
    if (start < from || start >= to) return start < to;
    if (occurrences.length >= cap) {
      capped = true;
      return false;
    }
    occurrences.push({ start, end: new Date(start.getTime() + duration) });
    return true;
  });
  return { occurrences, capped };
}

/** UNTIL for a rule: a date for all-day events, the end of that day in Stockholm as UTC for timed ones (RFC 5545). */
export function untilValue(date: string, timed: boolean): string {
  if (!timed) return date.replaceAll("-", "");
  return instantOf(date, "23:59").toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
