// Adds a follow-up status to a plan, last in its order. Its key is made from the name and kept unique within the
// plan (a clash gets -2, -3 …); the key stays when the status is renamed later.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { followUpStatuses } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { keyFromName, uniqueKey } from "../domain/derived-key.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { checkStatusValues, planForShaping, statusRowValues, type StatusValues } from "./support/plan-structure.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface CreateStatusInput extends StatusValues {
  planId: string;
  confirmedPersonalData: boolean;
}

export async function createStatus(db: Db, viewer: Viewer | null, input: CreateStatusInput): Promise<{ id: string; key: string }> {
  const problems = checkStatusValues(input, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const plan = await planForShaping(t, viewer, input.planId);
    throwIfProblems(problems);
    const values = statusRowValues(input);
    // Archived statuses keep their keys: old reports still point at them.
    const taken = new Set((await t.select({ key: followUpStatuses.key }).from(followUpStatuses).where(eq(followUpStatuses.planId, plan.id))).map((r) => r.key));
    const key = uniqueKey(keyFromName(values.name, 50) || "status", taken);
    const position = await nextPosition(t, "follow_up_status", plan.id);
    const [row] = await t
      .insert(followUpStatuses)
      .values({ workspaceId: plan.workspaceId, planId: plan.id, key, position, ...values })
      .returning({ id: followUpStatuses.id });
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web", action: "follow_up_status.created", subjectType: "follow_up_status", subjectId: row!.id,
      changes: [
        { field: "plan", before: null, after: plan.name },
        { field: "key", before: null, after: key },
        ...Object.entries(values).filter(([, v]) => v !== null).map(([field, after]) => ({ field, before: null, after })),
      ],
    });
    return { id: row!.id, key };
  });
}
