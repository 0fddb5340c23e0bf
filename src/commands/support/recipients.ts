// Who gets a follow-up notice or reminder: the active people holding a role (for one organisation, or workspace-wide),
// each with the language they read mail in.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import type { Role } from "../../domain/roles.ts";
import type { Locale } from "../../domain/vocabulary.ts";

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Active (not disabled) people with one of `roles` in the workspace; with `organisationId`, only those holding the
 * role for that organisation. Each person once, ordered by e-mail so mail goes out in a stable order.
 */
export async function peopleWithRole(t: Db, workspaceId: string, roles: Role[], organisationId?: string | null): Promise<Recipient[]> {
  const rows = await t
    .selectDistinct({ userId: s.users.id, email: s.users.email, name: s.users.name, locale: s.users.locale })
    .from(s.memberships)
    .innerJoin(s.users, eq(s.users.id, s.memberships.userId))
    .where(and(
      eq(s.memberships.workspaceId, workspaceId), inArray(s.memberships.role, roles), isNull(s.users.disabledAt),
      organisationId ? eq(s.memberships.organisationId, organisationId) : undefined,
    ))
    .orderBy(s.users.email);
  return rows.map((r) => ({ ...r, locale: r.locale === "en" ? "en" : "sv" }));
}
