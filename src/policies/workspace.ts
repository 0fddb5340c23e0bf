// Workspace-wide rights: internal reading, people administration, the audit log.
import { rolesIn, type Role, type Viewer } from "../domain/roles.ts";

export interface WorkspaceSubject {
  type: "workspace";
  workspaceId: string;
  /** For "invite": the role the invitation would give. */
  role?: Role;
}

const hasAny = (viewer: Viewer | null, workspaceId: string, roles: Role[]) => {
  const held = rolesIn(viewer, workspaceId);
  return roles.some((r) => held.has(r));
};

export const workspacePolicy = {
  /** Everyone with a role in the workspace reads its internal pages. */
  readInternal: (viewer: Viewer | null, s: WorkspaceSubject) => rolesIn(viewer, s.workspaceId).size > 0,
  administerPeople: (viewer: Viewer | null, s: WorkspaceSubject) => hasAny(viewer, s.workspaceId, ["admin", "coordinator"]),
  readAuditLog: (viewer: Viewer | null, s: WorkspaceSubject) => hasAny(viewer, s.workspaceId, ["admin", "coordinator"]),
  /** Add, edit, move and archive organisations; create plans. */
  shapeOrganisations: (viewer: Viewer | null, s: WorkspaceSubject) => hasAny(viewer, s.workspaceId, ["admin", "coordinator"]),
  createPlan: (viewer: Viewer | null, s: WorkspaceSubject) => hasAny(viewer, s.workspaceId, ["admin", "coordinator"]),
  /** Administrators invite anyone; coordinators everyone but administrators and other coordinators. */
  invite: (viewer: Viewer | null, s: WorkspaceSubject) => {
    const held = rolesIn(viewer, s.workspaceId);
    if (held.has("admin")) return true;
    return held.has("coordinator") && s.role !== undefined && s.role !== "admin" && s.role !== "coordinator";
  },
} satisfies Record<string, (viewer: Viewer | null, s: WorkspaceSubject) => boolean>;
