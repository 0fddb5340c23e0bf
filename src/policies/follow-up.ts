// Rights in the follow-up cycle: who opens and closes rounds, who writes, approves and decides on an organisation's
// report, who sends reminders and reads the outbox, who plans dialogue meetings.
import { organisationsWithRole, rolesIn, type Role, type Viewer } from "../domain/roles.ts";

export interface FollowUpSubject {
  type: "followUp";
  workspaceId: string;
  /** The organisation whose report it is (report, approve). */
  organisationId?: string | null;
}

const hasAny = (viewer: Viewer | null, workspaceId: string, roles: Role[]) => {
  const held = rolesIn(viewer, workspaceId);
  return roles.some((r) => held.has(r));
};
const coordinates = (viewer: Viewer | null, s: FollowUpSubject) => hasAny(viewer, s.workspaceId, ["admin", "coordinator"]);
const holds = (viewer: Viewer | null, s: FollowUpSubject, role: Role) =>
  !!s.organisationId && organisationsWithRole(viewer, s.workspaceId, role).has(s.organisationId);

export const followUpPolicy = {
  /** Rounds, reports, the overview and dialogue meetings are internal: everyone with a role reads them. */
  read: (viewer: Viewer | null, s: FollowUpSubject) => rolesIn(viewer, s.workspaceId).size > 0,
  /** Open, change, close a round; reopen one organisation's reports. */
  manageRounds: coordinates,
  /** Write the organisation's report (its editors; coordinators help). */
  report: (viewer: Viewer | null, s: FollowUpSubject) => coordinates(viewer, s) || holds(viewer, s, "editor"),
  /** Approve ("förankra") the organisation's submitted report: its approvers. */
  approve: (viewer: Viewer | null, s: FollowUpSubject) => holds(viewer, s, "approver"),
  /** Accept an approved report, or return it with a comment. */
  decide: coordinates,
  sendReminders: coordinates,
  readOutbox: coordinates,
  /** Plan dialogue meetings, write their notes and development areas. */
  manageDialogue: coordinates,
} satisfies Record<string, (viewer: Viewer | null, s: FollowUpSubject) => boolean>;
