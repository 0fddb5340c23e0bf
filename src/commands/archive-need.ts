// Archives a need (never deletes it): it leaves the goal board's "Behov" column and stays in the history.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { setArchived } from "./support/order.ts";
import { bumpContentVersion, checkVersion, lockVersion } from "./support/rows.ts";

export interface ArchiveNeedInput {
  planId: string;
  needId: string;
  version: number;
}

export async function archiveNeed(db: Db, viewer: Viewer | null, input: ArchiveNeedInput): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockVersion(t, "need", input.needId);
    const [need] = await t.select().from(s.needs).where(and(eq(s.needs.id, input.needId), eq(s.needs.planId, input.planId)));
    if (!need || need.archivedAt) throw new NotFound("need");
    if (!can(viewer, "update", { type: "need", workspaceId: need.workspaceId, organisationId: need.organisationId })) throw new Forbidden();
    checkVersion(need.version, input.version, () => ({ title: need.title }));
    await setArchived(t, "need", need.id, true);
    await bumpContentVersion(t, need.workspaceId);
    await recordAudit(t, {
      workspaceId: need.workspaceId, actorUserId: viewer.userId, via: "web", action: "need.archived", subjectType: "need", subjectId: need.id,
      organisationId: need.organisationId, changes: [{ field: "archived", before: null, after: need.title }],
    });
  });
}
