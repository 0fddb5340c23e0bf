// Moves a follow-up status one place up or down among the plan's statuses that are not archived.
import type { Db } from "../db/client.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { moveInOrder } from "./support/order.ts";
import { statusForShaping } from "./support/plan-structure.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { NotFound } from "../domain/errors.ts";

export interface MoveStatusInput {
  planId: string;
  statusId: string;
  direction: "up" | "down";
}

/** Returns false when the status already stood first (up) or last (down): nothing changes then. */
export async function moveStatus(db: Db, viewer: Viewer | null, input: MoveStatusInput): Promise<{ moved: boolean }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { plan, status } = await statusForShaping(t, viewer, input.planId, input.statusId);
    if (status.archivedAt) throw new NotFound("status");
    const moved = await moveInOrder(t, "follow_up_status", status.id, input.direction);
    if (!moved) return { moved: false };
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web", action: `follow_up_status.moved`, subjectType: "follow_up_status", subjectId: status.id,
      changes: [{ field: "direction", before: null, after: input.direction }],
    });
    return { moved: true };
  });
}
