// Archives a follow-up status (or brings it back). Reports that used it keep it and stay readable; it is no longer
// offered for new reports. A plan keeps at least one status in use.
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { followUpStatuses } from "../db/schema/index.ts";
import { Invalid } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { nextPosition, setArchived } from "./support/order.ts";
import { statusForShaping } from "./support/plan-structure.ts";
import { bumpContentVersion, checkVersion } from "./support/rows.ts";
import { statusValuesOf } from "./update-status.ts";

export interface ArchiveStatusInput {
  planId: string;
  statusId: string;
  /** The version the list was opened at. */
  version: number;
  /** false: bring an archived status back (it goes last). */
  archived: boolean;
}

export async function archiveStatus(db: Db, viewer: Viewer | null, input: ArchiveStatusInput): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { plan, status } = await statusForShaping(t, viewer, input.planId, input.statusId);
    checkVersion(status.version, input.version, () => statusValuesOf(status));
    if ((status.archivedAt !== null) === input.archived) return { changed: false };
    if (input.archived) {
      const [active] = await t
        .select({ n: count() })
        .from(followUpStatuses)
        .where(and(eq(followUpStatuses.planId, plan.id), isNull(followUpStatuses.archivedAt)));
      if (Number(active?.n ?? 0) <= 1) throw new Invalid({ [`status-${status.id}`]: { key: "ps.status.lastOne" } });
    } else {
      const position = await nextPosition(t, "follow_up_status", plan.id);
      await t.update(followUpStatuses).set({ position }).where(eq(followUpStatuses.id, status.id));
    }
    await setArchived(t, "follow_up_status", status.id, input.archived);
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web",
      action: input.archived ? "follow_up_status.archived" : "follow_up_status.restored", subjectType: "follow_up_status", subjectId: status.id,
      changes: [{ field: "archived", before: !input.archived, after: input.archived }],
    });
    return { changed: true };
  });
}
