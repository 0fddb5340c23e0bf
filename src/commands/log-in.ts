// Logging in: checks e-mail and password, throttles repeated failures per account and per address, audits both
// outcomes, and opens a new session (a fresh id at every login, so a planted cookie is worth nothing).
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { UNUSABLE_HASH, verifyPassword } from "../domain/password.ts";
import { createSession } from "../accounts/sessions.ts";
import type { LoginThrottles } from "../accounts/login-throttle.ts";
import { recordAudit } from "./audit.ts";

export type LogInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function logIn(
  db: Db,
  throttles: LoginThrottles,
  input: { email: string; password: string; address: string },
): Promise<LogInResult> {
  const email = normaliseEmail(input.email);
  const waitSeconds = throttles.waitSeconds(email, input.address);
  if (waitSeconds > 0) return { ok: false, reason: "throttled", waitSeconds };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  // Unknown accounts cost the same scrypt time as known ones, so timing does not tell which addresses exist.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !matches || user.disabledAt) {
    throttles.failed(email, input.address);
    await recordAudit(db, {
      via: "web", action: "login.failed", subjectType: "user", subjectId: user?.id ?? null,
      changes: [{ field: "address", before: null, after: input.address }],
    });
    return { ok: false, reason: "invalid" };
  }
  throttles.succeeded(email);
  return db.transaction(async (tx) => {
    const db2 = tx as unknown as Db;
    const session = await createSession(db2, user.id);
    await recordAudit(db2, { actorUserId: user.id, via: "web", action: "login.succeeded", subjectType: "user", subjectId: user.id });
    return { ok: true as const, ...session, userId: user.id };
  });
}
