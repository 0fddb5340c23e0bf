// A workspace's audit log: its events newest first, a page at a time, filtered by person, organisation, subject type
// and a date range (whole days in Europe/Stockholm), with what the subjects are called now. Reads only.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { activities, auditEvents, organisations, plans, users, workspaces } from "../db/schema/index.ts";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId?: string | undefined;
  organisationId?: string | undefined;
  subjectType?: string | undefined;
  /** YYYY-MM-DD, the first day included. */
  from?: string | undefined;
  /** YYYY-MM-DD, the last day included. */
  to?: string | undefined;
}

export interface AuditSubjectActivity {
  id: string;
  number: string | null;
  title: string;
  planSlug: string;
  /** The activity and its plan are still there (not archived), so its pages can be opened. */
  open: boolean;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  action: string;
  via: string;
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  organisationName: string | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  /** For subject type "activity": the activity, when it still exists in this workspace. */
  activity: AuditSubjectActivity | null;
  /** For subject type "user": the person's name. */
  userName: string | null;
  /** For subject type "workspace": its name. */
  workspaceName: string | null;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  total: number;
}

const TIME_ZONE = "Europe/Stockholm";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function conditions(workspaceId: string, f: AuditFilters): SQL[] {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (f.actorId) where.push(eq(auditEvents.actorUserId, f.actorId));
  if (f.organisationId) where.push(eq(auditEvents.organisationId, f.organisationId));
  if (f.subjectType) where.push(eq(auditEvents.subjectType, f.subjectType));
  if (f.from) where.push(sql`${auditEvents.at} >= (${f.from}::date::timestamp at time zone ${TIME_ZONE})`);
  if (f.to) where.push(sql`${auditEvents.at} < ((${f.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`);
  return where;
}

/** One page (1-based) of the workspace's events, newest first, and how many match in all. */
export async function auditLog(db: Db, workspaceId: string, filters: AuditFilters, page: number, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const where = and(...conditions(workspaceId, filters));
  const [counted] = await db.select({ n: count() }).from(auditEvents).where(where);
  const total = Number(counted?.n ?? 0);
  if (total === 0) return { entries: [], total };
  const rows = await db
    .select({ event: auditEvents, actorName: users.name, organisationName: organisations.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const idsOf = (type: string) => [...new Set(rows.flatMap((r) => (r.event.subjectType === type && r.event.subjectId && UUID.test(r.event.subjectId) ? [r.event.subjectId] : [])))];
  const activityIds = idsOf("activity");
  const userIds = idsOf("user");
  const workspaceIds = idsOf("workspace");
  const [activityRows, userRows, workspaceRows] = await Promise.all([
    activityIds.length
      ? db
          .select({ id: activities.id, number: activities.number, title: activities.title, archivedAt: activities.archivedAt, planSlug: plans.slug, planArchivedAt: plans.archivedAt })
          .from(activities)
          .innerJoin(plans, eq(plans.id, activities.planId))
          .where(and(inArray(activities.id, activityIds), eq(activities.workspaceId, workspaceId)))
      : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    workspaceIds.length ? db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(and(inArray(workspaces.id, workspaceIds), eq(workspaces.id, workspaceId))) : [],
  ]);
  const activityById = new Map(
    activityRows.map((a) => [a.id, { id: a.id, number: a.number, title: a.title, planSlug: a.planSlug, open: a.archivedAt === null && a.planArchivedAt === null }]),
  );
  const userName = new Map(userRows.map((u) => [u.id, u.name]));
  const workspaceName = new Map(workspaceRows.map((w) => [w.id, w.name]));

  const entries = rows.map(({ event, actorName, organisationName }) => {
    const subject = event.subjectId ?? "";
    return {
      id: event.id,
      at: event.at,
      action: event.action,
      via: event.via,
      actorName,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      organisationName,
      changes: Array.isArray(event.changes) ? event.changes : [],
      activity: event.subjectType === "activity" ? (activityById.get(subject) ?? null) : null,
      userName: event.subjectType === "user" ? (userName.get(subject) ?? null) : null,
      workspaceName: event.subjectType === "workspace" ? (workspaceName.get(subject) ?? null) : null,
    };
  });
  return { entries, total };
}

export interface AuditLogOptions {
  /** People who appear as the actor of an event of this workspace. */
  actors: Array<{ id: string; name: string }>;
  organisations: Array<{ id: string; name: string }>;
  /** Subject types that occur in this workspace's events, and the usual ones. */
  subjectTypes: string[];
}

export const USUAL_SUBJECT_TYPES = ["activity", "invitation", "membership", "user", "workspace"] as const;

/** What the filter form offers. */
export async function auditLogOptions(db: Db, workspaceId: string): Promise<AuditLogOptions> {
  const [actors, orgs, types] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(eq(auditEvents.workspaceId, workspaceId))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.workspaceId, workspaceId), isNull(organisations.archivedAt)))
      .orderBy(asc(organisations.name)),
    db.selectDistinct({ type: auditEvents.subjectType }).from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)),
  ]);
  const subjectTypes = [...new Set([...USUAL_SUBJECT_TYPES, ...types.map((t) => t.type)])].sort();
  return { actors, organisations: orgs, subjectTypes };
}
