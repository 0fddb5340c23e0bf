// The people with a role in a workspace (with each role's organisation and their last login), and the workspaces a
// viewer administers, for the links on their account page.
import { asc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { memberships, organisations, sessions, users, workspaces } from "../db/schema/index.ts";
import { ROLES, type Role, type Viewer, isRole } from "../domain/roles.ts";
import { can } from "../policies/can.ts";

export interface PersonRole {
  membershipId: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export interface Person {
  userId: string;
  name: string;
  email: string;
  disabled: boolean;
  /** When their newest session was opened; null when they never logged in (or their sessions were pruned). */
  lastLogin: Date | null;
  roles: PersonRole[];
}

/** Everyone holding a role in the workspace, by name; each person's roles in the order of ROLES. */
export async function peopleOf(db: Db, workspaceId: string): Promise<Person[]> {
  const rows = await db
    .select({ membership: memberships, user: users, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(users.email));
  const userIds = [...new Set(rows.map((r) => r.user.id))];
  const logins = userIds.length
    ? await db.select({ userId: sessions.userId, last: max(sessions.createdAt) }).from(sessions).where(inArray(sessions.userId, userIds)).groupBy(sessions.userId)
    : [];
  const lastLogin = new Map(logins.map((l) => [l.userId, l.last]));
  const people = new Map<string, Person>();
  for (const { membership, user, organisationName } of rows) {
    if (!isRole(membership.role)) continue;
    const person = people.get(user.id) ?? {
      userId: user.id, name: user.name, email: user.email, disabled: user.disabledAt !== null, lastLogin: lastLogin.get(user.id) ?? null, roles: [],
    };
    person.roles.push({ membershipId: membership.id, role: membership.role, organisationId: membership.organisationId, organisationName: organisationName ?? null });
    people.set(user.id, person);
  }
  const order = (role: Role) => ROLES.indexOf(role);
  for (const person of people.values()) {
    person.roles.sort((a, b) => order(a.role) - order(b.role) || (a.organisationName ?? "").localeCompare(b.organisationName ?? "", "sv"));
  }
  return [...people.values()];
}

export interface AdministeredWorkspace {
  slug: string;
  name: string;
  people: boolean;
  log: boolean;
  /** The workspace's management page (/:ws/hantera): administrators and coordinators. */
  manage: boolean;
}

/** The workspaces where the viewer may manage, open the people page or the audit log (a system administrator: all of them). */
export async function administeredWorkspaces(db: Db, viewer: Viewer): Promise<AdministeredWorkspace[]> {
  const ids = [...new Set(viewer.memberships.map((m) => m.workspaceId))];
  if (!viewer.systemAdmin && ids.length === 0) return [];
  const rows = await db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name })
    .from(workspaces)
    .where(viewer.systemAdmin ? undefined : inArray(workspaces.id, ids))
    .orderBy(asc(workspaces.name));
  return rows
    .map((w) => ({
      slug: w.slug,
      name: w.name,
      people: can(viewer, "administerPeople", { type: "workspace", workspaceId: w.id }),
      log: can(viewer, "readAuditLog", { type: "workspace", workspaceId: w.id }),
      manage: can(viewer, "createPlan", { type: "workspace", workspaceId: w.id }),
    }))
    .filter((w) => w.people || w.log || w.manage);
}
