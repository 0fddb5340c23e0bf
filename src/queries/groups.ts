// Groups and their meetings as the pages show them: the list of groups with members and the next meeting; one group
// with its members, coming and past meetings (series expanded, kept occurrences in their place) and open action
// items; one meeting with its series' occurrences and its action items. Reads only.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { meetingOccurrences } from "../wheel/recurrence.ts";

export type Group = typeof s.groups.$inferSelect;
export type Meeting = typeof s.meetings.$inferSelect;

export interface MemberView {
  id: string;
  roleTitle: string;
  person: string | null;
  organisation: string | null;
}

/** One time a meeting happens: a single meeting, a kept occurrence, or an occurrence expanded from its series. */
export interface MeetingTime {
  meeting: Meeting;
  start: Date;
  end: Date;
  /** Expanded from a series, not (yet) a row of its own. */
  virtual: boolean;
  /** The meeting (or its whole series) is cancelled. */
  cancelled: boolean;
}

export interface ActionItemView {
  id: string;
  text: string;
  dueOn: string | null;
  done: boolean;
  version: number;
  owner: { id: string; name: string } | null;
  meeting: { id: string; title: string; startsAt: Date };
  group: { slug: string; name: string };
}

export async function groupsOfWorkspace(db: Db, workspaceId: string, now: Date): Promise<Array<{ group: Group; members: number; next: MeetingTime | null }>> {
  const groups = await db.select().from(s.groups).where(and(eq(s.groups.workspaceId, workspaceId), isNull(s.groups.archivedAt))).orderBy(asc(s.groups.name));
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const [members, meetings] = await Promise.all([
    db.select({ groupId: s.groupMembers.groupId }).from(s.groupMembers).where(inArray(s.groupMembers.groupId, ids)),
    db.select().from(s.meetings).where(inArray(s.meetings.groupId, ids)),
  ]);
  const horizon = new Date(now.getTime() + 2 * 365 * 86_400_000);
  return groups.map((group) => ({
    group,
    members: members.filter((m) => m.groupId === group.id).length,
    next: meetingTimes(meetings.filter((m) => m.groupId === group.id), now, horizon)[0] ?? null,
  }));
}

/**
 * Every time the meetings happen in [from, to), kept occurrences replacing the series' ones (a cancelled kept
 * occurrence too), by start. Cancelled ones only with `withCancelled` (for pages that say so).
 */
export function meetingTimes(meetings: readonly Meeting[], from: Date, to: Date, options: { withCancelled?: boolean } = {}): MeetingTime[] {
  const replaced = new Set(meetings.filter((m) => m.seriesId && m.recurrenceStart).map((m) => `${m.seriesId}@${m.recurrenceStart!.getTime()}`));
  const times: MeetingTime[] = [];
  for (const meeting of meetings) {
    if (meeting.cancelledAt && !options.withCancelled) continue;
    for (const o of meetingOccurrences(meeting.startsAt, meeting.endsAt, meeting.rrule, from, to).occurrences) {
      if (meeting.rrule && replaced.has(`${meeting.id}@${o.start.getTime()}`)) continue;
      times.push({ meeting, start: o.start, end: o.end, virtual: !!meeting.rrule, cancelled: !!meeting.cancelledAt });
    }
  }
  return times.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export async function membersOf(db: Db, groupId: string): Promise<MemberView[]> {
  const rows = await db
    .select({ member: s.groupMembers, person: s.users.name, organisation: s.organisations.name })
    .from(s.groupMembers)
    .leftJoin(s.users, eq(s.users.id, s.groupMembers.userId))
    .leftJoin(s.organisations, eq(s.organisations.id, s.groupMembers.organisationId))
    .where(eq(s.groupMembers.groupId, groupId))
    .orderBy(asc(s.groupMembers.position));
  return rows.map((r) => ({ id: r.member.id, roleTitle: r.member.roleTitle, person: r.person, organisation: r.organisation }));
}

export async function findGroup(db: Db, workspaceId: string, slug: string): Promise<Group | null> {
  const [group] = await db.select().from(s.groups).where(and(eq(s.groups.workspaceId, workspaceId), eq(s.groups.slug, slug)));
  return group && !group.archivedAt ? group : null;
}

export async function meetingsOfGroup(db: Db, groupId: string): Promise<Meeting[]> {
  return db.select().from(s.meetings).where(eq(s.meetings.groupId, groupId)).orderBy(desc(s.meetings.startsAt));
}

/** Action items: of some meetings, or of an owner (open ones), with owner, meeting and group. */
export async function actionItems(db: Db, where: { meetingIds?: string[]; ownerUserId?: string; workspaceId: string; openOnly?: boolean }): Promise<ActionItemView[]> {
  if (where.meetingIds && where.meetingIds.length === 0) return [];
  const rows = await db
    .select({ item: s.actionItems, owner: { id: s.users.id, name: s.users.name }, meeting: { id: s.meetings.id, title: s.meetings.title, startsAt: s.meetings.startsAt }, group: { slug: s.groups.slug, name: s.groups.name } })
    .from(s.actionItems)
    .innerJoin(s.meetings, eq(s.meetings.id, s.actionItems.meetingId))
    .innerJoin(s.groups, eq(s.groups.id, s.meetings.groupId))
    .leftJoin(s.users, eq(s.users.id, s.actionItems.ownerUserId))
    .where(and(
      eq(s.actionItems.workspaceId, where.workspaceId),
      ...(where.meetingIds ? [inArray(s.actionItems.meetingId, where.meetingIds)] : []),
      ...(where.ownerUserId ? [eq(s.actionItems.ownerUserId, where.ownerUserId)] : []),
      ...(where.openOnly ? [isNull(s.actionItems.doneAt)] : []),
    ))
    .orderBy(asc(s.actionItems.dueOn), asc(s.actionItems.createdAt));
  return rows.map((r) => ({
    id: r.item.id, text: r.item.text, dueOn: r.item.dueOn, done: !!r.item.doneAt, version: r.item.version, owner: r.owner?.id ? r.owner : null, meeting: r.meeting, group: r.group,
  }));
}

/** People with a role in the workspace, by name: owners of action items and members of groups. */
export async function peopleOfWorkspace(db: Db, workspaceId: string): Promise<Array<{ id: string; name: string; email: string }>> {
  const rows = await db
    .selectDistinct({ id: s.users.id, name: s.users.name, email: s.users.email })
    .from(s.users)
    .innerJoin(s.memberships, eq(s.memberships.userId, s.users.id))
    .where(eq(s.memberships.workspaceId, workspaceId));
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
