// Moves an organisation one step up or down among its siblings in the tree: the organisations under the same parent,
// or, at the top, the other organisations of its type (boards among boards …). Archived ones are not counted.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations } from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { workspaceOrganisations } from "./support/organisation-fields.ts";

type Row = typeof organisations.$inferSelect;

/** The parent a row is shown under: its parent while that is not archived, else the top of its type. */
export function shownParentId(row: Row, byId: ReadonlyMap<string, Row>): string | null {
  const parent = row.parentId ? byId.get(row.parentId) : undefined;
  return parent && !parent.archivedAt ? parent.id : null;
}

/** The active siblings of a row in display order (position, then name). */
export function siblingsOf(all: readonly Row[], row: Row): Row[] {
  const byId = new Map(all.map((o) => [o.id, o]));
  const parentId = shownParentId(row, byId);
  return all
    .filter((o) => !o.archivedAt && shownParentId(o, byId) === parentId && (parentId !== null || o.type === row.type))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id));
}

export async function moveOrganisation(
  db: Db, viewer: Viewer | null, workspaceId: string, input: { organisationId: string; direction: string },
): Promise<boolean> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "shapeOrganisations", { type: "workspace", workspaceId })) throw new Forbidden();
  const direction = input.direction;
  if (direction !== "up" && direction !== "down") throw new Invalid({ direction: { key: "form.unknownChoice" } });

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select id from organisation where workspace_id = ${workspaceId} for update`);
    const all = await workspaceOrganisations(t, workspaceId);
    const row = all.find((o) => o.id === input.organisationId);
    if (!row || row.archivedAt) throw new NotFound("organisation");
    const siblings = siblingsOf(all, row);
    const from = siblings.findIndex((o) => o.id === row.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return false;
    [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
    for (const [index, sibling] of siblings.entries()) {
      if (sibling.position === index + 1) continue;
      await t
        .update(organisations)
        .set({ position: index + 1, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
        .where(eq(organisations.id, sibling.id));
    }
    await bumpContentVersion(t, workspaceId);
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: "organisation.moved", subjectType: "organisation", subjectId: row.id,
      organisationId: row.id, changes: [{ field: "position", before: String(from + 1), after: String(to + 1) }],
    });
    return true;
  });
}
