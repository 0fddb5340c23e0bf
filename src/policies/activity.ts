// Activities: read like their plan; written by coordinators and by editors of the organisation that owns the
// action plan or is responsible for the activity (co-responsible organisations see it, but do not rewrite it).
import { organisationsWithRole, rolesIn, type Viewer } from "../domain/roles.ts";

export interface ActivitySubject {
  type: "activity";
  workspaceId: string;
  planPublished: boolean;
  /** The organisation whose action plan holds the activity, if any. */
  actionPlanOrganisationId: string | null;
  responsibleIds: readonly string[];
}

const internal = (viewer: Viewer | null, s: ActivitySubject) => rolesIn(viewer, s.workspaceId).size > 0;

export const activityPolicy = {
  read: (viewer: Viewer | null, s: ActivitySubject) => s.planPublished || internal(viewer, s),
  update: (viewer: Viewer | null, s: ActivitySubject) => {
    const held = rolesIn(viewer, s.workspaceId);
    if (held.has("admin") || held.has("coordinator")) return true;
    const mine = organisationsWithRole(viewer, s.workspaceId, "editor");
    return (s.actionPlanOrganisationId !== null && mine.has(s.actionPlanOrganisationId)) || s.responsibleIds.some((id) => mine.has(id));
  },
  /** The history names the people who made changes, so it is internal. */
  readHistory: internal,
} satisfies Record<string, (viewer: Viewer | null, s: ActivitySubject) => boolean>;
