// Sessions in the database: the cookie carries a random token, the table only its sha-256. Idle and absolute expiry,
// revocable one by one or all at once ("log out everywhere").
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { memberships, sessions, users, workspaces } from "../db/schema/index.ts";
import { isRole, type Viewer } from "../domain/roles.ts";

export const SESSION_COOKIE = "samverka_session";
/** Logged out after this long without a request. */
export const IDLE_MS = 8 * 60 * 60 * 1000;
/** Logged out after this long whatever happens, so a stolen cookie stops working. */
export const ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_MS = 60 * 1000;

export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS);
  await db.insert(sessions).values({ id: sessionIdOf(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The viewer behind a session token, or null when the session is unknown, revoked, idle too long or expired. */
export async function findViewer(db: Db, token: string | undefined, now = new Date()): Promise<Viewer | null> {
  if (!token || token.length > 100) return null;
  const id = sessionIdOf(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_MS)),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return viewerOfUser(db, row.user);
}

/** A person as a viewer: their account and roles (for a session, and for the command line acting as an account). */
export async function viewerOfUser(db: Db, user: { id: string; email: string; name: string; systemAdmin: boolean }): Promise<Viewer> {
  const rows = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role, organisationId: memberships.organisationId, workspaceSlug: workspaces.slug })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, user.id));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    systemAdmin: user.systemAdmin,
    memberships: rows.flatMap((m) => (isRole(m.role) ? [{ workspaceId: m.workspaceId, role: m.role, organisationId: m.organisationId, workspaceSlug: m.workspaceSlug }] : [])),
  };
}

export async function revokeSession(db: Db, token: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionIdOf(token)), isNull(sessions.revokedAt)));
}

/** Ends every session of the person ("log out everywhere"); returns how many were open. */
export async function revokeAllSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Deletes sessions that ended long ago (housekeeping; their audit trail lives in audit_event). */
export async function pruneSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - ABSOLUTE_MS)));
}
