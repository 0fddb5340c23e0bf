// Saves a need's fields: the right to write it (by the organisation that identified it), every problem at once,
// optimistic concurrency on `version`, the audit with before and after, in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { needTermIds, planChoices, type PlanChoices } from "../queries/activity-form.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { needAuditedFields, needAuditView, needProblems, writeNeedTerms, type NeedFields, type ResolvedNeed } from "./support/need-input.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface UpdateNeedInput extends NeedFields {
  planId: string;
  needId: string;
  version: number;
  confirmedPersonalData: boolean;
}

type NeedRow = typeof s.needs.$inferSelect;

/** A need as its form shows it. */
export function needFields(need: NeedRow, termIds: readonly string[], choices: PlanChoices): NeedFields {
  const terms: Record<string, string[]> = {};
  for (const taxonomy of choices.taxonomies) {
    terms[taxonomy.key] = choices.terms.filter((t) => t.taxonomyId === taxonomy.id && termIds.includes(t.id)).map((t) => t.id);
  }
  return {
    title: need.title, description: need.description, goalId: need.goalId, organisationId: need.organisationId ?? "", terms,
    boardNote: need.boardNote ?? "",
  };
}

export async function updateNeed(db: Db, viewer: Viewer | null, input: UpdateNeedInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    await lockVersion(t, "need", input.needId);
    const [need] = await t.select().from(s.needs).where(and(eq(s.needs.id, input.needId), eq(s.needs.planId, plan.id)));
    if (!need || need.archivedAt) throw new NotFound("need");
    if (!can(viewer, "update", { type: "need", workspaceId: plan.workspaceId, organisationId: need.organisationId })) throw new Forbidden();
    const [choices, termIds] = await Promise.all([planChoices(t, plan), needTermIds(t, need.id)]);
    const { problems, resolved } = needProblems(viewer, plan.workspaceId, choices, input, input.confirmedPersonalData, {
      goalId: need.goalId, organisationId: need.organisationId, termIds,
    });
    throwIfProblems(problems);
    checkVersion(need.version, input.version, () => needFields(need, termIds, choices));
    const before: ResolvedNeed = {
      title: need.title, description: need.description, goalId: need.goalId, organisationId: need.organisationId, termIds, boardNote: need.boardNote,
    };
    const changes = changesBetween(needAuditView(choices, before), needAuditView(choices, resolved), needAuditedFields(choices));
    if (changes.length === 0) return { version: need.version, changed: false };
    const version = need.version + 1;
    await t
      .update(s.needs)
      .set({
        title: resolved.title, description: resolved.description, goalId: resolved.goalId, organisationId: resolved.organisationId,
        boardNote: resolved.boardNote, version, updatedAt: new Date(),
        ...(resolved.goalId !== need.goalId ? { position: await nextPosition(t, "need", resolved.goalId) } : {}),
      })
      .where(eq(s.needs.id, need.id));
    await writeNeedTerms(t, plan.workspaceId, need.id, resolved.termIds);
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "need.updated", subjectType: "need", subjectId: need.id,
      organisationId: resolved.organisationId, changes,
    });
    return { version, changed: true };
  });
}
