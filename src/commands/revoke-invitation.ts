// Taking back an invitation that has not been accepted: its link stops working. Those who administer people may
// revoke, and only invitations to roles they could have given themselves (a coordinator cannot undo an
// administrator's invitation of another administrator). One transaction with the audit event.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { invitations } from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import { isRole, type Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { invitationState, type InvitationState } from "../queries/invitations.ts";
import { recordAudit } from "./audit.ts";

export type RevokeResult = { revoked: true } | { revoked: false; state: Exclude<InvitationState, "ok"> };

export async function revokeInvitation(db: Db, viewer: Viewer | null, workspaceId: string, invitationId: string, now = new Date()): Promise<RevokeResult> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "administerPeople", { type: "workspace", workspaceId })) throw new Forbidden();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), eq(invitations.purpose, "invite")))
      .for("update");
    if (!row) throw new NotFound("invitation");
    if (!isRole(row.role) || !can(viewer, "invite", { type: "workspace", workspaceId, role: row.role })) throw new Forbidden();
    const state = invitationState(row, now);
    if (state !== "ok") return { revoked: false as const, state };
    await t.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, row.id));
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: "invitation.revoked", subjectType: "invitation", subjectId: row.id,
      organisationId: row.organisationId,
      changes: [{ field: "revoked_at", before: null, after: now.toISOString() }],
    });
    return { revoked: true as const };
  });
}
