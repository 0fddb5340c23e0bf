// Invitations and password-reset links: tokens (only their sha-256 is stored, like sessions), what state a link is
// in, the pending invitations of a workspace, and what the invite form offers (roles, organisations).
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.ts";
import { invitations, organisations, users, workspaces } from "../db/schema/index.ts";
import { ROLES, type Role, type Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationPurpose = "invite" | "reset";
/** ok: may be used now; the others say why not. */
export type InvitationState = "ok" | "used" | "revoked" | "expired";

/** An invitation is valid this long; a password-reset link much shorter. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export const invitationTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new random single-use token and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: invitationTokenHash(token) };
}

/** Tokens we hand out are 43 base64url characters; anything far from that shape is not worth a query. */
export const plausibleToken = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);

/** Used wins over revoked wins over expired: "already used" tells the person the most. */
export function invitationState(row: Pick<InvitationRow, "usedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "ok";
}

export interface FoundInvitation {
  invitation: InvitationRow;
  state: InvitationState;
  workspace: typeof workspaces.$inferSelect;
  organisationName: string | null;
  /** The account the address already has (null: accepting creates one). */
  existingUser: { id: string; name: string; disabled: boolean } | null;
}

/** The invitation (or reset link) behind a token, or null when there is none for that purpose. */
export async function findInvitationByToken(db: Db, token: string, purpose: InvitationPurpose, now = new Date()): Promise<FoundInvitation | null> {
  if (!plausibleToken(token)) return null;
  const [row] = await db
    .select({ invitation: invitations, workspace: workspaces, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, invitationTokenHash(token)), eq(invitations.purpose, purpose)));
  if (!row) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, row.invitation.email));
  return {
    invitation: row.invitation,
    state: invitationState(row.invitation, now),
    workspace: row.workspace,
    organisationName: row.organisationName,
    existingUser: user ? { id: user.id, name: user.name, disabled: user.disabledAt !== null } : null,
  };
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: string;
  organisationName: string | null;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Invitations of the workspace that can still be accepted (not used, revoked or expired), newest first. */
export async function pendingInvitations(db: Db, workspaceId: string, now = new Date()): Promise<PendingInvitation[]> {
  const inviter = alias(users, "inviter");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organisationName: organisations.name,
      invitedByName: inviter.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.purpose, "invite"),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt), asc(invitations.email));
  return rows;
}

/** The roles this viewer may hand out in the workspace, in the order of ROLES. */
export function invitableRoles(viewer: Viewer | null, workspaceId: string): Role[] {
  return ROLES.filter((role) => can(viewer, "invite", { type: "workspace", workspaceId, role }));
}

export interface OrganisationChoice {
  id: string;
  name: string;
}

/** The workspace's organisations that are in use (not archived), by position and name. */
export async function organisationChoices(db: Db, workspaceId: string): Promise<OrganisationChoice[]> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, archivedAt: organisations.archivedAt })
    .from(organisations)
    .where(eq(organisations.workspaceId, workspaceId))
    .orderBy(asc(organisations.name));
  return rows.filter((r) => r.archivedAt === null).map((r) => ({ id: r.id, name: r.name }));
}
