// Needs (behov av insats): coordinators write any; an organisation's editors write the needs their organisation
// identified, and may add new ones for it. Turning a need into an activity also needs the right to write that activity.
import { organisationsWithRole, rolesIn, type Viewer } from "../domain/roles.ts";

export interface NeedSubject {
  type: "need";
  workspaceId: string;
  /** The organisation that identified it (null: the coordinator's). */
  organisationId: string | null;
}

export const needPolicy = {
  /** Open the form for a new need: coordinators, and editors (who may only name their own organisation). */
  create: (viewer: Viewer | null, s: NeedSubject) => {
    const held = rolesIn(viewer, s.workspaceId);
    return held.has("admin") || held.has("coordinator") || organisationsWithRole(viewer, s.workspaceId, "editor").size > 0;
  },
  update: (viewer: Viewer | null, s: NeedSubject) => {
    const held = rolesIn(viewer, s.workspaceId);
    if (held.has("admin") || held.has("coordinator")) return true;
    return s.organisationId !== null && organisationsWithRole(viewer, s.workspaceId, "editor").has(s.organisationId);
  },
} satisfies Record<string, (viewer: Viewer | null, s: NeedSubject) => boolean>;
