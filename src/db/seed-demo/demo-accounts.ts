// One demo account per role, created only together with the demo (never with SAMVERKA_DEMO=0). Accounts are global,
// so a demo reset keeps them and only replaces their memberships.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client.ts";
import { memberships, users } from "../schema/index.ts";
import { hashPassword } from "../../domain/password.ts";
import type { Role } from "../../domain/roles.ts";
import type { Bag, Lookup } from "./builder.ts";

export const DEMO_PASSWORD = "samverka-demo";

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: Role; organisation?: string }> = [
  { email: "admin@malmo.example", name: "Demo Administratör", role: "admin" },
  { email: "samordnare@malmo.example", name: "Demo Samordnare", role: "coordinator" },
  { email: "styrgrupp@malmo.example", name: "Demo Styrgrupp", role: "steering" },
  { email: "asf.redaktor@malmo.example", name: "Demo Redaktör ASF", role: "editor", organisation: "asf" },
  { email: "asf.godkannare@malmo.example", name: "Demo Godkännare ASF", role: "approver", organisation: "asf" },
  { email: "lasare@malmo.example", name: "Demo Läsare", role: "reader" },
];

/** Creates the demo accounts that do not exist yet; returns every demo account's id by e-mail. */
export async function ensureDemoUsers(db: Db): Promise<Map<string, string>> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.some((e) => e.email === a.email));
  if (missing.length > 0) {
    // One hash for all: the same known password, and the seed stays fast.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.insert(users).values(missing.map((a) => ({ email: a.email, name: a.name, passwordHash })));
  }
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Gives each demo account its role in the Malmö workspace. */
export function addDemoMemberships(bag: Bag, ws: string, orgs: Lookup, userIds: Map<string, string>): void {
  for (const account of DEMO_ACCOUNTS) {
    const userId = userIds.get(account.email);
    if (!userId) throw new Error(`demo seed: account ${account.email} missing`);
    bag.add(memberships, {
      workspaceId: ws, userId, role: account.role, organisationId: account.organisation ? orgs.get(account.organisation) : null,
    });
  }
}

export async function demoUserId(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}
