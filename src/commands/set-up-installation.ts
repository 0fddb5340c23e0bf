// The first run of an empty install: while no account exists, anyone who reaches /installation may create the first
// system administrator, once. The check "no account yet" and the insert run in one transaction that holds a lock on
// app_user, so two people submitting at the same moment cannot both become the first administrator.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/client.ts";
import { createSession } from "../accounts/sessions.ts";
import { recordAudit } from "./audit.ts";
import { createUser, type CreatedUser } from "./create-user.ts";

/** Someone else created an account first (the loser of a race, or a form sent after setup was done). */
export class AlreadySetUp extends Error {
  constructor() {
    super("the installation already has an account");
    this.name = "AlreadySetUp";
  }
}

/** True once any account exists, disabled ones included: from then on the setup page is gone for good. */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(db, sql`select exists (select 1 from app_user) as "any"`);
  return row?.any === true;
}

/**
 * Creates the first system administrator and logs them in (a new session), or throws AlreadySetUp. Bad input throws
 * InvalidNewUser from createUser; callers check it first with checkNewUser to show the messages.
 */
export async function setUpFirstAdministrator(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<{ user: CreatedUser; token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // EXCLUSIVE blocks every other writer of app_user (and a second setup's lock) until commit, but not readers.
    // Taken before the check, so the check sees whatever a concurrent setup committed while this one waited.
    await t.execute(sql`lock table app_user in exclusive mode`);
    if (await hasAnyUser(t)) throw new AlreadySetUp();
    const user = await createUser(t, { ...input, systemAdmin: true }, { via: "web" });
    const session = await createSession(t, user.id);
    await recordAudit(t, { actorUserId: user.id, via: "web", action: "login.succeeded", subjectType: "user", subjectId: user.id });
    return { user, ...session };
  });
}
