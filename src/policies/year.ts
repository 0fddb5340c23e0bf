// Rights over the year: the annual wheel (årshjul), groups, their meetings and action items. Everyone with a role in
// the workspace reads groups and meetings (the public sees a published plan's wheel, without meetings); coordinators
// and administrators plan the year, run the groups and write minutes; an action item's owner marks it done.
import { rolesIn, type Viewer } from "../domain/roles.ts";

export interface YearSubject {
  type: "year";
  workspaceId: string;
  /** The owner of the action item (completeItem). */
  ownerUserId?: string | null;
}

const coordinates = (viewer: Viewer | null, s: YearSubject) => {
  const held = rolesIn(viewer, s.workspaceId);
  return held.has("admin") || held.has("coordinator");
};

export const yearPolicy = {
  /** Groups, meetings, minutes and the whole wheel with meetings: everyone with a role. */
  read: (viewer: Viewer | null, s: YearSubject) => rolesIn(viewer, s.workspaceId).size > 0,
  /** Wheel events and categories, groups and members, meetings, minutes, action items, calendar links. */
  manage: coordinates,
  /** Mark an action item done or open again. */
  completeItem: (viewer: Viewer | null, s: YearSubject) => coordinates(viewer, s) || (!!viewer && !!s.ownerUserId && viewer.userId === s.ownerUserId),
} satisfies Record<string, (viewer: Viewer | null, s: YearSubject) => boolean>;
