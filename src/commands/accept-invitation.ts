// Accepting an invitation: a new person chooses name and password and the account is created; a person who already
// has an account proves it with their password. Either way, in one transaction: the membership (unless they hold it
// already), the invitation marked used (single use, checked again under a row lock), a new session, and audit events.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { invitations, memberships, users } from "../db/schema/index.ts";
import { AppError, Invalid } from "../domain/errors.ts";
import { MIN_PASSWORD_LENGTH, UNUSABLE_HASH, verifyPassword } from "../domain/password.ts";
import { isRole } from "../domain/roles.ts";
import { createSession } from "../accounts/sessions.ts";
import type { LoginThrottles } from "../accounts/login-throttle.ts";
import { findInvitationByToken, invitationState, type InvitationPurpose, type InvitationRow, type InvitationState } from "../queries/invitations.ts";
import { recordAudit } from "./audit.ts";
import { createUser, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH } from "./create-user.ts";
import { guardTexts, type FieldProblem } from "./guard-texts.ts";

/** Why a link cannot be used: unknown (404) or used, revoked, expired (410). */
export class InvitationUnusable extends AppError {
  constructor(readonly reason: "unknown" | Exclude<InvitationState, "ok">) {
    super(`invitation link ${reason}`, reason === "unknown" ? 404 : 410);
  }
}

/** Problems with a new password typed twice, as message keys; empty when it may be used. */
export function checkNewPassword(password: string, passwordAgain: string): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  // Counted in code points, as create-user does.
  const length = [...password].length;
  if (length === 0) problems.password = { key: "password.missing" };
  else if (length < MIN_PASSWORD_LENGTH) problems.password = { key: "password.tooShort", params: { min: MIN_PASSWORD_LENGTH } };
  else if (length > MAX_PASSWORD_LENGTH) problems.password = { key: "password.tooLong", params: { max: MAX_PASSWORD_LENGTH } };
  else if (!passwordAgain) problems.passwordAgain = { key: "password.againMissing" };
  else if (passwordAgain !== password) problems.passwordAgain = { key: "password.mismatch" };
  return problems;
}

/**
 * Locks the invitation row and reads it again: of two requests with the same link, the second sees it used.
 * Throws InvitationUnusable unless it may be used now.
 */
export async function lockUsableInvitation(t: Db, id: string, purpose: InvitationPurpose, now: Date): Promise<InvitationRow> {
  await t.execute(sql`select id from invitation where id = ${id} for update`);
  const [row] = await t.select().from(invitations).where(and(eq(invitations.id, id), eq(invitations.purpose, purpose)));
  if (!row) throw new InvitationUnusable("unknown");
  const state = invitationState(row, now);
  if (state !== "ok") throw new InvitationUnusable(state);
  return row;
}

export interface AcceptInput {
  /** For a new account. */
  name?: string;
  password: string;
  /** For a new account. */
  passwordAgain?: string;
  /** The client's address, for throttling password tries on an existing account. */
  address: string;
}

export interface Accepted {
  userId: string;
  workspaceId: string;
  createdAccount: boolean;
  token: string;
  expiresAt: Date;
}

export async function acceptInvitation(db: Db, throttles: LoginThrottles, rawToken: string, input: AcceptInput, now = new Date()): Promise<Accepted> {
  const found = await findInvitationByToken(db, rawToken, "invite", now);
  if (!found) throw new InvitationUnusable("unknown");
  if (found.state !== "ok") throw new InvitationUnusable(found.state);
  const { invitation, existingUser } = found;
  // A disabled account is not reopened by an invitation.
  if (existingUser?.disabled) throw new InvitationUnusable("revoked");
  if (!isRole(invitation.role)) throw new InvitationUnusable("unknown");

  let name = "";
  if (existingUser) {
    const wait = throttles.waitSeconds(invitation.email, input.address);
    if (wait > 0) throw new Invalid({ password: { key: "invitation.accept.throttled", params: { seconds: wait } } });
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, existingUser.id));
    const matches = input.password !== "" && input.password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(input.password, row?.passwordHash ?? UNUSABLE_HASH));
    if (!matches) {
      throttles.failed(invitation.email, input.address);
      await recordAudit(db, {
        via: "web", action: "login.failed", subjectType: "user", subjectId: existingUser.id,
        changes: [{ field: "address", before: null, after: input.address }],
      });
      throw new Invalid({ password: { key: input.password === "" ? "login.passwordMissing" : "invitation.accept.passwordWrong" } });
    }
    throttles.succeeded(invitation.email);
  } else {
    name = (input.name ?? "").trim();
    const problems: Record<string, FieldProblem> = {};
    if (!name) problems.name = { key: "invitation.accept.nameMissing" };
    else if (name.length > MAX_NAME_LENGTH) problems.name = { key: "invitation.accept.nameTooLong", params: { max: MAX_NAME_LENGTH } };
    // A name is personal data by design, so only identity numbers are refused here (no warnings to confirm).
    Object.assign(problems, guardTexts([{ field: "name", value: name }], true));
    for (const [field, problem] of Object.entries(checkNewPassword(input.password, input.passwordAgain ?? ""))) problems[field] ??= problem;
    if (Object.keys(problems).length > 0) throw new Invalid(problems);
  }

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await lockUsableInvitation(t, invitation.id, "invite", now);
    let userId: string;
    if (existingUser) {
      userId = existingUser.id;
    } else {
      // Throws EmailTaken when the address got an account since the form was shown; nothing is kept then.
      const created = await createUser(t, { email: row.email, name, password: input.password, systemAdmin: false }, { via: "web" });
      userId = created.id;
    }
    const [held] = await t
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.workspaceId, row.workspaceId),
          eq(memberships.role, row.role),
          row.organisationId ? eq(memberships.organisationId, row.organisationId) : isNull(memberships.organisationId),
        ),
      );
    if (!held) {
      const [membership] = await t
        .insert(memberships)
        .values({ workspaceId: row.workspaceId, userId, role: row.role, organisationId: row.organisationId })
        .returning({ id: memberships.id });
      await recordAudit(t, {
        workspaceId: row.workspaceId, actorUserId: userId, via: "web", action: "membership.created", subjectType: "membership",
        subjectId: membership!.id, organisationId: row.organisationId,
        changes: [
          { field: "user", before: null, after: row.email },
          { field: "role", before: null, after: row.role },
          { field: "organisation_id", before: null, after: row.organisationId },
        ],
      });
    }
    await t.update(invitations).set({ usedAt: now }).where(and(eq(invitations.id, row.id), isNull(invitations.usedAt)));
    await recordAudit(t, {
      workspaceId: row.workspaceId, actorUserId: userId, via: "web", action: "invitation.accepted", subjectType: "invitation",
      subjectId: row.id, organisationId: row.organisationId,
      changes: [
        { field: "used_at", before: null, after: now.toISOString() },
        { field: "account", before: null, after: existingUser ? "existing" : "created" },
      ],
    });
    const session = await createSession(t, userId, now);
    await recordAudit(t, { actorUserId: userId, via: "web", action: "login.succeeded", subjectType: "user", subjectId: userId });
    return { userId, workspaceId: row.workspaceId, createdAccount: !existingUser, ...session };
  });
}
