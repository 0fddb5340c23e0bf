// Dialogue meetings (dialogmöten) of a plan: the list, one meeting with its organisations and development areas,
// the meeting before it that shared an organisation ("what was agreed last time"), and when each organisation with an
// action plan last had one — overdue when longer ago than the plan's dialogue cadence.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { localDate } from "../domain/local-date.ts";

export type DialogueMeeting = typeof s.dialogueMeetings.$inferSelect;
export type DevelopmentArea = typeof s.developmentAreas.$inferSelect;

export interface MeetingOrganisation {
  id: string;
  name: string;
  slug: string;
  type: string;
  archivedAt: Date | null;
}

export interface AreaView extends DevelopmentArea {
  /** The need it became (even when the need was archived since). */
  need: { id: string; title: string; archivedAt: Date | null; goalNumber: string; organisationId: string | null } | null;
}

export interface MeetingWithOrganisations {
  meeting: DialogueMeeting;
  organisations: MeetingOrganisation[];
}

export interface MeetingView extends MeetingWithOrganisations {
  areas: AreaView[];
}

const none = ["00000000-0000-0000-0000-000000000000"];
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

/** The organisations of each meeting, by name. */
export async function organisationsOfMeetings(db: Db, meetingIds: readonly string[]): Promise<Map<string, MeetingOrganisation[]>> {
  const rows = await db
    .select({
      meetingId: s.dialogueMeetingOrganisations.dialogueMeetingId, id: s.organisations.id, name: s.organisations.name, slug: s.organisations.slug,
      type: s.organisations.type, archivedAt: s.organisations.archivedAt,
    })
    .from(s.dialogueMeetingOrganisations)
    .innerJoin(s.organisations, eq(s.organisations.id, s.dialogueMeetingOrganisations.organisationId))
    .where(inArray(s.dialogueMeetingOrganisations.dialogueMeetingId, meetingIds.length ? [...meetingIds] : none));
  const map = new Map<string, MeetingOrganisation[]>(meetingIds.map((id) => [id, []]));
  for (const { meetingId, ...organisation } of rows) map.get(meetingId)?.push(organisation);
  for (const list of map.values()) list.sort(byName);
  return map;
}

/** The plan's meetings, newest first, with their organisations and how many development areas each agreed. */
export async function meetingsOfPlan(db: Db, planId: string): Promise<Array<MeetingWithOrganisations & { areaCount: number }>> {
  const meetings = await db
    .select()
    .from(s.dialogueMeetings)
    .where(eq(s.dialogueMeetings.planId, planId))
    .orderBy(desc(s.dialogueMeetings.heldOn), desc(s.dialogueMeetings.createdAt), asc(s.dialogueMeetings.id));
  const ids = meetings.map((m) => m.id);
  const [organisations, counts] = await Promise.all([
    organisationsOfMeetings(db, ids),
    db
      .select({ meetingId: s.developmentAreas.dialogueMeetingId, count: sql<number>`count(*)` })
      .from(s.developmentAreas)
      .where(inArray(s.developmentAreas.dialogueMeetingId, ids.length ? ids : none))
      .groupBy(s.developmentAreas.dialogueMeetingId),
  ]);
  const areaCount = new Map(counts.map((c) => [c.meetingId, Number(c.count)]));
  return meetings.map((meeting) => ({ meeting, organisations: organisations.get(meeting.id) ?? [], areaCount: areaCount.get(meeting.id) ?? 0 }));
}

/** The development areas of a meeting in order, each with the need it became. */
export async function areasOfMeeting(db: Db, meetingId: string): Promise<AreaView[]> {
  const rows = await db
    .select({
      area: s.developmentAreas, needId: s.needs.id, needTitle: s.needs.title, needArchivedAt: s.needs.archivedAt, goalNumber: s.goals.number,
      needOrganisationId: s.needs.organisationId,
    })
    .from(s.developmentAreas)
    .leftJoin(s.needs, eq(s.needs.id, s.developmentAreas.needId))
    .leftJoin(s.goals, eq(s.goals.id, s.needs.goalId))
    .where(eq(s.developmentAreas.dialogueMeetingId, meetingId))
    .orderBy(asc(s.developmentAreas.position), asc(s.developmentAreas.createdAt), asc(s.developmentAreas.id));
  return rows.map((r) => ({
    ...r.area,
    need: r.needId
      ? { id: r.needId, title: r.needTitle ?? "", archivedAt: r.needArchivedAt, goalNumber: r.goalNumber ?? "", organisationId: r.needOrganisationId }
      : null,
  }));
}

/** One meeting of the plan with its organisations and development areas; undefined when it is not this plan's. */
export async function findMeeting(db: Db, planId: string, meetingId: string): Promise<MeetingView | undefined> {
  const [meeting] = await db
    .select()
    .from(s.dialogueMeetings)
    .where(and(eq(s.dialogueMeetings.id, meetingId), eq(s.dialogueMeetings.planId, planId)));
  if (!meeting) return undefined;
  const [organisations, areas] = await Promise.all([organisationsOfMeetings(db, [meeting.id]), areasOfMeeting(db, meeting.id)]);
  return { meeting, organisations: organisations.get(meeting.id) ?? [], areas };
}

/**
 * The meeting before this one (by date; on the same date, the one created first) that had at least one of the same
 * organisations: what was agreed there is what this meeting follows up.
 */
export async function previousMeeting(db: Db, meeting: DialogueMeeting, organisationIds: readonly string[]): Promise<MeetingView | null> {
  if (organisationIds.length === 0) return null;
  const m = s.dialogueMeetings;
  const [previous] = await db
    .select()
    .from(m)
    .where(
      and(
        eq(m.planId, meeting.planId),
        ne(m.id, meeting.id),
        or(lt(m.heldOn, meeting.heldOn), and(eq(m.heldOn, meeting.heldOn), lt(m.createdAt, meeting.createdAt))),
        inArray(
          m.id,
          db
            .select({ id: s.dialogueMeetingOrganisations.dialogueMeetingId })
            .from(s.dialogueMeetingOrganisations)
            .where(inArray(s.dialogueMeetingOrganisations.organisationId, [...organisationIds])),
        ),
      ),
    )
    .orderBy(desc(m.heldOn), desc(m.createdAt))
    .limit(1);
  if (!previous) return null;
  const [organisations, areas] = await Promise.all([organisationsOfMeetings(db, [previous.id]), areasOfMeeting(db, previous.id)]);
  return { meeting: previous, organisations: organisations.get(previous.id) ?? [], areas };
}

/** The ISO date `months` calendar months before `date` (the 31st becomes the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Due for a dialogue meeting: never had one, or the last was longer ago than the plan's cadence (e.g. 24 months). */
export function dialogueDue(lastHeldOn: string | null, everyMonths: number, today: string = localDate()): boolean {
  return lastHeldOn === null || lastHeldOn < monthsBefore(today, everyMonths);
}

/** Per organisation of the plan's meetings: the last meeting held (on or before today) and the next one planned. */
export async function meetingDatesByOrganisation(db: Db, planId: string, today: string = localDate()): Promise<Map<string, { last: string | null; next: string | null }>> {
  const held = s.dialogueMeetings.heldOn;
  const rows = await db
    .select({
      organisationId: s.dialogueMeetingOrganisations.organisationId,
      last: sql<string | null>`max(${held}) filter (where ${held} <= ${today})`,
      next: sql<string | null>`min(${held}) filter (where ${held} > ${today})`,
    })
    .from(s.dialogueMeetingOrganisations)
    .innerJoin(s.dialogueMeetings, eq(s.dialogueMeetings.id, s.dialogueMeetingOrganisations.dialogueMeetingId))
    .where(eq(s.dialogueMeetings.planId, planId))
    .groupBy(s.dialogueMeetingOrganisations.organisationId);
  const asDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return new Map(rows.map((r) => [r.organisationId, { last: asDate(r.last), next: asDate(r.next) }]));
}

export interface LastMeetingRow {
  organisation: MeetingOrganisation;
  last: string | null;
  next: string | null;
  /** Never, or longer ago than the plan's cadence. */
  due: boolean;
}

/** "Senaste dialogmöte per organisation": every organisation with an action plan in the plan, by name. */
export async function lastMeetingPerOrganisation(
  db: Db,
  plan: { id: string; dialogueEveryMonths: number },
  today: string = localDate(),
): Promise<LastMeetingRow[]> {
  const [organisations, dates] = await Promise.all([
    db
      .select({ id: s.organisations.id, name: s.organisations.name, slug: s.organisations.slug, type: s.organisations.type, archivedAt: s.organisations.archivedAt })
      .from(s.actionPlans)
      .innerJoin(s.organisations, eq(s.organisations.id, s.actionPlans.organisationId))
      .where(and(eq(s.actionPlans.planId, plan.id), isNull(s.actionPlans.archivedAt))),
    meetingDatesByOrganisation(db, plan.id, today),
  ]);
  return organisations.sort(byName).map((organisation) => {
    const { last = null, next = null } = dates.get(organisation.id) ?? {};
    return { organisation, last, next, due: dialogueDue(last, plan.dialogueEveryMonths, today) };
  });
}
