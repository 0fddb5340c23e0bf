// Takes one role away from a person in a workspace: policy check, the row locked and deleted, and one audit event
// ("membership.removed") with what the role was — in one transaction. The account itself stays, with its other roles.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { memberships, organisations, users } from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import { rolesIn, type Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";

export interface RemoveMembershipInput {
  workspaceId: string;
  membershipId: string;
}

/**
 * Who may take which role away: people administrators (admins, coordinators) may, but only admins remove the roles
 * admin and coordinator — the same line as for inviting. Used by the command and by the page that shows the buttons.
 */
export function mayRemoveRole(viewer: Viewer | null, workspaceId: string, role: string): boolean {
  if (!can(viewer, "administerPeople", { type: "workspace", workspaceId })) return false;
  if (role === "admin" || role === "coordinator") return rolesIn(viewer, workspaceId).has("admin");
  return true;
}

/**
 * The membership is the viewer's own administrator role and they hold no other one here (nor are they a system
 * administrator): removing it is refused, so the page offers no button for it.
 */
export function isOwnLastAdmin(viewer: Viewer, workspaceId: string, membership: { userId: string; role: string }): boolean {
  if (membership.userId !== viewer.userId || membership.role !== "admin" || viewer.systemAdmin) return false;
  return viewer.memberships.filter((m) => m.workspaceId === workspaceId && m.role === "admin").length <= 1;
}

/** The message key when someone tries to remove their own last administrator role (the workspace would lose them). */
export const OWN_LAST_ADMIN = "admin.people.ownLastAdmin";

export async function removeMembership(db: Db, viewer: Viewer | null, input: RemoveMembershipInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "administerPeople", { type: "workspace", workspaceId: input.workspaceId })) throw new Forbidden();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select id from membership where id = ${input.membershipId} for update`);
    const [row] = await t
      .select({ membership: memberships, email: users.email, organisationName: organisations.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.workspaceId, input.workspaceId)));
    if (!row) throw new NotFound("membership");
    const { membership } = row;
    if (!mayRemoveRole(viewer, input.workspaceId, membership.role)) throw new Forbidden();
    if (membership.userId === viewer.userId && membership.role === "admin" && !viewer.systemAdmin) {
      const others = await t
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, viewer.userId), eq(memberships.role, "admin"), ne(memberships.id, membership.id)));
      if (others.length === 0) throw new Invalid({ [membership.id]: { key: OWN_LAST_ADMIN } });
    }
    await t.delete(memberships).where(eq(memberships.id, membership.id));
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "membership.removed", subjectType: "membership",
      subjectId: membership.id, organisationId: membership.organisationId,
      changes: [
        { field: "user", before: row.email, after: null },
        { field: "role", before: membership.role, after: null },
        ...(membership.organisationId ? [{ field: "organisation", before: row.organisationName, after: null }] : []),
      ],
    });
  });
}
