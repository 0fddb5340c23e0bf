// Roles a person holds per workspace, and the viewer (the person behind a request) that policies decide on.

export const ROLES = ["admin", "coordinator", "steering", "editor", "approver", "reader"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense for one organisation (its action plan, its report). */
export const ORGANISATION_ROLES: ReadonlySet<Role> = new Set(["editor", "approver"]);

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface Membership {
  workspaceId: string;
  role: Role;
  organisationId: string | null;
  /** The workspace's address, for links in the page frame ("Att göra"); set when the viewer is read from a session. */
  workspaceSlug?: string;
}

/** A logged-in person. Anonymous visitors are `null` wherever a Viewer is expected. */
export interface Viewer {
  userId: string;
  email: string;
  name: string;
  systemAdmin: boolean;
  memberships: Membership[];
}

/** The roles a viewer holds in one workspace (a system administrator is administrator everywhere). */
export function rolesIn(viewer: Viewer | null, workspaceId: string): Set<Role> {
  const roles = new Set<Role>();
  if (!viewer) return roles;
  if (viewer.systemAdmin) roles.add("admin");
  for (const m of viewer.memberships) if (m.workspaceId === workspaceId) roles.add(m.role);
  return roles;
}

/** Organisations the viewer holds `role` for in the workspace. */
export function organisationsWithRole(viewer: Viewer | null, workspaceId: string, role: Role): Set<string> {
  const ids = new Set<string>();
  for (const m of viewer?.memberships ?? []) {
    if (m.workspaceId === workspaceId && m.role === role && m.organisationId) ids.add(m.organisationId);
  }
  return ids;
}
