// Plans: a published plan is public; anything else needs a role in its workspace. Coordinators shape the plan.
import { rolesIn, type Viewer } from "../domain/roles.ts";

export interface PlanSubject {
  type: "plan";
  workspaceId: string;
  published: boolean;
}

export const planPolicy = {
  read: (viewer: Viewer | null, s: PlanSubject) => s.published || rolesIn(viewer, s.workspaceId).size > 0,
  update: (viewer: Viewer | null, s: PlanSubject) => {
    const held = rolesIn(viewer, s.workspaceId);
    return held.has("admin") || held.has("coordinator");
  },
} satisfies Record<string, (viewer: Viewer | null, s: PlanSubject) => boolean>;
