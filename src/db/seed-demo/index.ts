// Loads and removes the demo workspaces (Malmö and Exempelby) as one transaction each way.
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { auditEvents, organisations, workspaces } from "../schema/index.ts";
import { tablesInDependencyOrder } from "../tables.ts";
import { Bag } from "./builder.ts";
import { addExempelby, EXEMPELBY_SLUG } from "./exempelby.ts";
import { addMalmo, MALMO_SLUG } from "./malmo/index.ts";
import { ensureDemoUsers } from "./demo-accounts.ts";

export const DEMO_WORKSPACE_SLUGS = [MALMO_SLUG, EXEMPELBY_SLUG] as const;

/** Loads both demo workspaces unless Malmö is already there. */
export async function seedDemo(db: Db): Promise<{ loaded: boolean }> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, MALMO_SLUG));
    if (existing.length > 0) return { loaded: false };
    const demoUserIds = await ensureDemoUsers(tx as unknown as Db);
    const bag = new Bag();
    const ids = [addMalmo(bag, demoUserIds), addExempelby(bag)];
    await bag.insertAll(tx);
    await tx.insert(auditEvents).values(
      ids.map((workspaceId) => ({ workspaceId, via: "system", action: "demo.loaded", subjectType: "workspace", subjectId: workspaceId })),
    );
    return { loaded: true };
  });
}

/** Deletes every row of the demo workspaces, children first. */
export async function removeDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.select({ id: workspaces.id }).from(workspaces).where(inArray(workspaces.slug, [...DEMO_WORKSPACE_SLUGS]));
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return;
    // Organisations point at each other; cut those links before deleting children-first.
    await tx.update(organisations).set({ parentId: null, servedById: null }).where(inArray(organisations.workspaceId, ids));
    const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
    for (const info of [...tablesInDependencyOrder].reverse()) {
      if (!info.hasWorkspace) continue;
      await tx.execute(sql`delete from ${sql.identifier(info.name)} where workspace_id in (${list})`);
    }
    await tx.delete(workspaces).where(inArray(workspaces.id, ids));
  });
}
