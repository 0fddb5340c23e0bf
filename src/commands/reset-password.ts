// Setting a new password with a reset link: single use (checked again under a row lock), every session of the
// person ends, the other reset links of the address stop working, and a new session opens — one transaction,
// audited as "password.reset" (the hash itself is never audited).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { invitations, users } from "../db/schema/index.ts";
import { Invalid } from "../domain/errors.ts";
import { hashPassword } from "../domain/password.ts";
import { createSession, revokeAllSessions } from "../accounts/sessions.ts";
import { findInvitationByToken } from "../queries/invitations.ts";
import { recordAudit } from "./audit.ts";
import { checkNewPassword, InvitationUnusable, lockUsableInvitation } from "./accept-invitation.ts";

export interface PasswordReset {
  userId: string;
  token: string;
  expiresAt: Date;
  /** Sessions that were open before and were ended. */
  endedSessions: number;
}

export async function resetPassword(db: Db, rawToken: string, input: { password: string; passwordAgain: string }, now = new Date()): Promise<PasswordReset> {
  const found = await findInvitationByToken(db, rawToken, "reset", now);
  if (!found) throw new InvitationUnusable("unknown");
  if (found.state !== "ok") throw new InvitationUnusable(found.state);
  // The account was removed or disabled since the link was sent: the link no longer leads anywhere.
  if (!found.existingUser || found.existingUser.disabled) throw new InvitationUnusable("revoked");
  const problems = checkNewPassword(input.password, input.passwordAgain);
  if (Object.keys(problems).length > 0) throw new Invalid(problems);
  // Hashed before the transaction, so no lock is held for the time scrypt takes.
  const passwordHash = await hashPassword(input.password);
  const userId = found.existingUser.id;

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await lockUsableInvitation(t, found.invitation.id, "reset", now);
    await t
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: now })
      .where(eq(users.id, userId));
    await t.update(invitations).set({ usedAt: now }).where(eq(invitations.id, row.id));
    // Older links for the same address are of no use any more.
    await t
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.email, row.email), eq(invitations.purpose, "reset"), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    const endedSessions = await revokeAllSessions(t, userId, now);
    await recordAudit(t, {
      actorUserId: userId, via: "web", action: "password.reset", subjectType: "user", subjectId: userId,
      changes: [
        { field: "password", before: "***", after: "***" },
        { field: "sessions", before: endedSessions, after: 0 },
      ],
    });
    const session = await createSession(t, userId, now);
    await recordAudit(t, { actorUserId: userId, via: "web", action: "login.succeeded", subjectType: "user", subjectId: userId });
    return { userId, endedSessions, ...session };
  });
}
