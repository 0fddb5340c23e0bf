// Asking for a password-reset link. The answer to the person is always the same (no account enumeration); only
// for an address with an active account is a single-use link (an invitation row with purpose "reset", valid one
// hour) written together with its mail and audit event, in one transaction. Delivery is the caller's, after commit.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { invitations, memberships, users, workspaces } from "../db/schema/index.ts";
import type { Mailer } from "../mail/mailer.ts";
import { newInvitationToken, RESET_TTL_MS } from "../queries/invitations.ts";
import { recordAudit } from "./audit.ts";
import type { ComposeMail } from "./invite-person.ts";
import { normaliseEmail } from "./log-in.ts";

const HOUR_MS = 60 * 60 * 1000;

/**
 * A simple in-memory limit on reset requests: per e-mail address a few per hour (so nobody can flood a person's
 * inbox), per client address more (a whole municipality may come through one proxy). Requests over the limit get
 * the same answer, and no mail. Kept in memory like the login throttle: one process serves.
 */
export class ResetRequestLimit {
  private readonly seen = new Map<string, number[]>();
  constructor(
    readonly perEmail = 3,
    readonly perAddress = 30,
    private readonly windowMs = HOUR_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts the request; false when either key is over its limit within the window. */
  allow(email: string, address: string): boolean {
    const now = this.clock();
    const emailOk = this.take(`e:${email}`, this.perEmail, now);
    const addressOk = this.take(`a:${address}`, this.perAddress, now);
    if (this.seen.size > 50_000) this.seen.delete(this.seen.keys().next().value!);
    return emailOk && addressOk;
  }

  private take(key: string, limit: number, now: number): boolean {
    const times = (this.seen.get(key) ?? []).filter((at) => now - at < this.windowMs);
    const ok = times.length < limit;
    if (ok) times.push(now);
    this.seen.set(key, times);
    return ok;
  }
}

export interface ResetMailDetails {
  link: string;
  expiresAt: Date;
  /** The account's language. */
  locale: string;
}

export type ResetRequestOutcome =
  /** A link was written and its mail queued (or kept as not configured). */
  | { outcome: "queued"; invitationId: string; mailId: string }
  | { outcome: "unknownAccount" }
  | { outcome: "limited" }
  /** The account exists but there is no workspace at all to file the link under (invitation.workspace_id is required). */
  | { outcome: "noWorkspace" };

export const resetLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}/aterstall-losenord/${token}`;

export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  limit: ResetRequestLimit,
  input: { email: string; address: string },
  options: { publicUrl: string; compose: ComposeMail<ResetMailDetails>; now?: Date },
): Promise<ResetRequestOutcome> {
  const email = normaliseEmail(input.email);
  if (!limit.allow(email, input.address)) return { outcome: "limited" };
  const [user] = await db.select().from(users).where(and(eq(users.email, email), isNull(users.disabledAt)));
  if (!user) return { outcome: "unknownAccount" };

  // The link is filed under the person's first workspace; a system administrator without memberships under any.
  const [first] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(1);
  const workspaceId =
    first?.workspaceId ??
    (await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id)).limit(1))[0]?.id;
  if (!workspaceId) return { outcome: "noWorkspace" };

  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  const { token, tokenHash } = newInvitationToken();
  const message = options.compose({ link: resetLink(options.publicUrl, token), expiresAt, locale: user.locale });

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // role is required by the table but means nothing for a reset; the least privilege, should anything misread it.
    const [row] = await t
      .insert(invitations)
      .values({ workspaceId, email, role: "reader", organisationId: null, tokenHash, purpose: "reset", invitedBy: null, expiresAt, createdAt: now })
      .returning({ id: invitations.id });
    const invitationId = row!.id;
    await recordAudit(t, {
      actorUserId: null, via: "web", action: "password.resetRequested", subjectType: "user", subjectId: user.id,
      changes: [{ field: "address", before: null, after: input.address }],
    });
    const mail = await mailer.enqueue({ workspaceId: null, to: email, subject: message.subject, text: message.text, dedupeKey: `reset:${invitationId}` }, t);
    return { outcome: "queued" as const, invitationId, mailId: mail.id };
  });
}
