// Archives an organisation (or brings it back). Nothing is deleted: its action plans, activities and reports stay
// readable, and what it was linked to keeps pointing at it.
import type { Db } from "../db/client.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { setArchived } from "./support/order.ts";
import { bumpContentVersion, lockVersion } from "./support/rows.ts";

export async function archiveOrganisation(
  db: Db, viewer: Viewer | null, workspaceId: string, input: { organisationId: string; archived: boolean },
): Promise<boolean> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "shapeOrganisations", { type: "workspace", workspaceId })) throw new Forbidden();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockVersion(t, "organisation", input.organisationId);
    if (locked.workspaceId !== workspaceId) throw new NotFound("organisation");
    const changed = await setArchived(t, "organisation", input.organisationId, input.archived);
    if (!changed) return false;
    await bumpContentVersion(t, workspaceId);
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: input.archived ? "organisation.archived" : "organisation.restored",
      subjectType: "organisation", subjectId: input.organisationId, organisationId: input.organisationId,
    });
    return true;
  });
}
