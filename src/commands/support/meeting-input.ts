// The checks a group meeting's form goes through (create, update): a title, a real date, a start before the end,
// a place or video link that is what it says, an agenda with the personal-data guard, a recurrence the calendar
// understands; and a warning when it overlaps another meeting of the same group (saved once confirmed).
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { instantOf, localParts, meetingOccurrences } from "../../wheel/recurrence.ts";
import { ruleFromChoice, type RecurrenceChoice } from "../../wheel/recurrence-choice.ts";
import { checkTexts, isIsoDate, type Problems } from "./checks.ts";

export const MEETING_LIMITS = { title: 200, place: 300, videoUrl: 500, agenda: 20000, minutes: 50000, decisions: 20000, item: 500 } as const;

export interface MeetingFields {
  title: string;
  /** yyyy-mm-dd */
  date: string;
  /** HH:MM, Stockholm time */
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
  agenda: string;
  recurrence: RecurrenceChoice;
}

export interface ResolvedMeetingFields {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
  rrule: string | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How far ahead a new series is compared with the group's other meetings. */
const OVERLAP_HORIZON_MS = 2 * 365 * 86_400_000;

export function isVideoUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** A meeting's fields as its form shows them. */
export function meetingFormFields(m: { title: string; startsAt: Date; endsAt: Date; place: string; videoUrl: string | null; agenda: string }, recurrence: RecurrenceChoice): MeetingFields {
  const start = localParts(m.startsAt);
  return {
    title: m.title, date: start.date, startTime: start.time, endTime: localParts(m.endsAt).time, place: m.place, videoUrl: m.videoUrl ?? "",
    agenda: m.agenda, recurrence,
  };
}

export function meetingFieldProblems(input: MeetingFields, confirmedPersonalData: boolean, mayRecur: boolean): { problems: Problems; resolved: ResolvedMeetingFields | null } {
  const problems = checkTexts(
    [
      { field: "title", value: input.title, max: MEETING_LIMITS.title, required: true },
      { field: "place", value: input.place, max: MEETING_LIMITS.place },
      { field: "videoUrl", value: input.videoUrl, max: MEETING_LIMITS.videoUrl, guarded: false },
      { field: "agenda", value: input.agenda, max: MEETING_LIMITS.agenda },
    ],
    confirmedPersonalData,
  );
  const date = input.date.trim();
  if (!date) problems.date = { key: "form.dateRequired" };
  else if (!isIsoDate(date) || date < "2000-01-01" || date > "2199-12-31") problems.date = { key: "form.dateInvalid" };
  const startTime = input.startTime.trim();
  const endTime = input.endTime.trim();
  if (!TIME.test(startTime)) problems.startTime = { key: "meeting.form.timeInvalid" };
  if (!TIME.test(endTime)) problems.endTime = { key: "meeting.form.timeInvalid" };
  else if (TIME.test(startTime) && endTime <= startTime) problems.endTime = { key: "meeting.form.endBeforeStart" };
  const videoUrl = input.videoUrl.trim();
  if (videoUrl && !problems.videoUrl && !isVideoUrl(videoUrl)) problems.videoUrl = { key: "meeting.form.videoUrlInvalid" };

  let rrule: string | null = null;
  if (mayRecur) {
    const made = ruleFromChoice(input.recurrence, true);
    if ("problem" in made) problems[made.problem.field === "rule" ? "recurrenceRule" : made.problem.field === "until" ? "recurrenceUntil" : "repeat"] = { key: made.problem.key };
    else rrule = made.rule;
  }
  if (Object.keys(problems).length > 0) return { problems, resolved: null };
  const startsAt = instantOf(date, startTime);
  const endsAt = instantOf(date, endTime);
  if (rrule && meetingOccurrences(startsAt, endsAt, rrule, startsAt, new Date(startsAt.getTime() + 10 * OVERLAP_HORIZON_MS), 1).occurrences.length === 0) {
    problems.recurrenceRule = { key: "recurrence.noOccurrence" };
    return { problems, resolved: null };
  }
  return {
    problems,
    resolved: { title: input.title.trim(), startsAt, endsAt, place: input.place.trim(), videoUrl: videoUrl || null, agenda: input.agenda.trimEnd(), rrule },
  };
}

/**
 * The first other meeting of the group that overlaps this one's occurrences (over the next two years), as its title
 * and local date and time, or null. Occurrences kept as their own rows count at their own times.
 */
export async function overlappingMeeting(
  t: Db,
  groupId: string,
  meeting: ResolvedMeetingFields,
  exceptIds: readonly string[],
): Promise<{ title: string; date: string; time: string } | null> {
  const all = await t.select().from(s.meetings).where(eq(s.meetings.groupId, groupId));
  // Occurrences kept as rows replace the series' ones — the meeting being saved too, and cancelled ones.
  const replaced = new Set(all.filter((m) => m.seriesId && m.recurrenceStart).map((m) => `${m.seriesId}@${m.recurrenceStart!.getTime()}`));
  const others = all.filter((m) => !m.cancelledAt && !exceptIds.includes(m.id) && (!m.seriesId || !exceptIds.includes(m.seriesId)));
  if (others.length === 0) return null;
  const from = meeting.startsAt;
  const to = new Date(from.getTime() + OVERLAP_HORIZON_MS);
  const mine = meetingOccurrences(meeting.startsAt, meeting.endsAt, meeting.rrule, from, to).occurrences;
  for (const other of others) {
    const theirs = meetingOccurrences(other.startsAt, other.endsAt, other.rrule, new Date(from.getTime() - 86_400_000), to).occurrences
      .filter((o) => !other.rrule || !replaced.has(`${other.id}@${o.start.getTime()}`));
    for (const a of mine) {
      const hit = theirs.find((b) => a.start < b.end && b.start < a.end);
      if (hit) return { title: other.title, ...localParts(hit.start) };
    }
  }
  return null;
}
