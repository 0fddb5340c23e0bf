// Creating a local account, from the command line (`samverka user create`) or the one-time setup page: checks the
// input, refuses an address that already has an account, and writes the account and its audit event in one
// transaction. The password is hashed here and never stored, logged or audited in clear.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../domain/password.ts";
import { recordAudit } from "./audit.ts";
import { containsIdentityNumber } from "../domain/personal-data/index.ts";
import { normaliseEmail } from "./log-in.ts";

export const MAX_EMAIL_LENGTH = 320;
export const MAX_NAME_LENGTH = 200;
/** Long enough for any passphrase, short enough that hashing stays cheap. */
export const MAX_PASSWORD_LENGTH = 1000;

export interface NewUser {
  email: string;
  /** Empty or missing: the part of the address before the @. */
  name?: string | undefined;
  password: string;
  systemAdmin: boolean;
}

/** Who creates the account, for the audit event: the command line, or the web (a logged-in person, or nobody yet). */
export interface Actor {
  via: "cli" | "web" | "system";
  userId?: string | null;
}

/** What is wrong with one field; callers turn these into messages in their own language. */
export type NewUserIssue =
  | { field: "email"; problem: "missing" | "invalid" | "tooLong" }
  | { field: "name"; problem: "tooLong" | "identityNumber" }
  | { field: "password"; problem: "missing" | "tooShort" | "tooLong" };

/** The input did not pass `checkNewUser` (callers normally check first and show the issues themselves). */
export class InvalidNewUser extends Error {
  constructor(readonly issues: NewUserIssue[]) {
    super(`invalid account: ${issues.map((i) => `${i.field} ${i.problem}`).join(", ")}`);
    this.name = "InvalidNewUser";
  }
}

/** An account with this e-mail address exists already (addresses compare case-insensitively). */
export class EmailTaken extends Error {
  constructor(readonly email: string) {
    super(`an account with the e-mail address ${email} already exists`);
    this.name = "EmailTaken";
  }
}

/** The e-mail address as stored (trimmed, lower case) and the name to use (the given one, or the part before the @). */
export function normaliseNewUser(input: Pick<NewUser, "email" | "name">): { email: string; name: string } {
  const email = normaliseEmail(input.email);
  const name = input.name?.trim() || email.split("@")[0]!;
  return { email, name };
}

/** Every problem with the input, in field order (email, name, password); empty when it may be created. */
export function checkNewUser(input: NewUser): NewUserIssue[] {
  const { email, name } = normaliseNewUser(input);
  const issues: NewUserIssue[] = [];
  if (!email) issues.push({ field: "email", problem: "missing" });
  else if (email.length > MAX_EMAIL_LENGTH) issues.push({ field: "email", problem: "tooLong" });
  else if (!z.email().safeParse(email).success) issues.push({ field: "email", problem: "invalid" });
  if (name.length > MAX_NAME_LENGTH) issues.push({ field: "name", problem: "tooLong" });
  // A name is free text too: the personal-data guard refuses an identity number in it.
  else if (containsIdentityNumber(name)) issues.push({ field: "name", problem: "identityNumber" });
  // Counted in code points, so a passphrase in any script is measured the way a person counts it.
  const length = [...input.password].length;
  if (length === 0) issues.push({ field: "password", problem: "missing" });
  else if (length < MIN_PASSWORD_LENGTH) issues.push({ field: "password", problem: "tooShort" });
  else if (length > MAX_PASSWORD_LENGTH) issues.push({ field: "password", problem: "tooLong" });
  return issues;
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  systemAdmin: boolean;
}

/**
 * Creates the account and its audit event ("user.created") in one transaction; inside a caller's transaction
 * it becomes a savepoint. Throws InvalidNewUser for bad input and EmailTaken when the address has an account.
 */
export async function createUser(db: Db, input: NewUser, actor: Actor): Promise<CreatedUser> {
  const issues = checkNewUser(input);
  if (issues.length > 0) throw new InvalidNewUser(issues);
  const { email, name } = normaliseNewUser(input);
  // Hashed before the transaction opens, so no lock is held for the ~100 ms scrypt takes.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [existing] = await t.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw new EmailTaken(email);
      const [row] = await t
        .insert(users)
        .values({ email, name, passwordHash, systemAdmin: input.systemAdmin })
        .returning({ id: users.id, email: users.email, name: users.name, systemAdmin: users.systemAdmin });
      const created = row!;
      await recordAudit(t, {
        actorUserId: actor.userId ?? null,
        via: actor.via,
        action: "user.created",
        subjectType: "user",
        subjectId: created.id,
        changes: [
          { field: "email", before: null, after: created.email },
          { field: "name", before: null, after: created.name },
          { field: "system_admin", before: null, after: created.systemAdmin },
        ],
      });
      return created;
    });
  } catch (error) {
    // Two creations of the same address at once: the unique index decides, and the loser hears the same as above.
    if (isUniqueViolation(error)) throw new EmailTaken(email);
    throw error;
  }
}

/** PostgreSQL's unique_violation (23505), whether the driver's error arrives bare or wrapped by drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}
