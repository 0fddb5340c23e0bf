// Action plans: every role in the workspace reads them (drafts too, internally); the organisation's editors and the
// coordinators write and adopt them. Creating one for an organisation is the same right as writing it.
import { organisationsWithRole, rolesIn, type Viewer } from "../domain/roles.ts";

export interface ActionPlanSubject {
  type: "actionPlan";
  workspaceId: string;
  organisationId: string;
}

const shapes = (viewer: Viewer | null, workspaceId: string) => {
  const held = rolesIn(viewer, workspaceId);
  return held.has("admin") || held.has("coordinator");
};

export const actionPlanPolicy = {
  read: (viewer: Viewer | null, s: ActionPlanSubject) => rolesIn(viewer, s.workspaceId).size > 0,
  update: (viewer: Viewer | null, s: ActionPlanSubject) =>
    shapes(viewer, s.workspaceId) || organisationsWithRole(viewer, s.workspaceId, "editor").has(s.organisationId),
  adopt: (viewer: Viewer | null, s: ActionPlanSubject) =>
    shapes(viewer, s.workspaceId) || organisationsWithRole(viewer, s.workspaceId, "editor").has(s.organisationId),
} satisfies Record<string, (viewer: Viewer | null, s: ActionPlanSubject) => boolean>;
