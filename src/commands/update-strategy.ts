// Changes a strategy's title and text, against the version the form was opened at.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { strategies } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { strategyOfGoal } from "../queries/goals-taxonomies.ts";
import { recordAudit } from "./audit.ts";
import { checkStrategy, STRATEGY_FIELDS, tidyStrategy, type StrategyFields } from "./create-strategy.ts";
import { throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { lockPlan, planForShaping } from "./support/shaping.ts";

export interface UpdateStrategyInput extends StrategyFields {
  planId: string;
  goalId: string;
  strategyId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export async function updateStrategy(db: Db, viewer: Viewer | null, input: UpdateStrategyInput): Promise<{ version: number; changed: boolean }> {
  const plan = await planForShaping(db, viewer, input.planId);
  const values = tidyStrategy(input);
  throwIfProblems(checkStrategy(values, input.confirmedPersonalData));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await lockPlan(t, plan.id);
    const strategy = await strategyOfGoal(t, plan.id, input.goalId, input.strategyId);
    const { version } = await lockVersion(t, "strategy", strategy.id);
    checkVersion<StrategyFields>(version, input.version, () => ({ title: strategy.title, text: strategy.text }));
    const changes = changesBetween(strategy, values, STRATEGY_FIELDS);
    if (changes.length === 0) return { version, changed: false };
    await t.update(strategies).set({ ...values, version: version + 1, updatedAt: new Date() }).where(eq(strategies.id, strategy.id));
    await bumpContentVersion(t, strategy.workspaceId);
    await recordAudit(t, {
      workspaceId: strategy.workspaceId, actorUserId: plan.viewer.userId, via: "web", action: "strategy.updated", subjectType: "strategy", subjectId: strategy.id, changes,
    });
    return { version: version + 1, changed: true };
  });
}
