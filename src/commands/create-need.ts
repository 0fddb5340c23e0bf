// Adds a need (behov av insats) under a goal: every problem at once, its terms, the audit, in one transaction.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { planChoices } from "../queries/activity-form.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { needAuditedFields, needAuditView, needProblems, writeNeedTerms, type NeedFields } from "./support/need-input.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface CreateNeedInput extends NeedFields {
  planId: string;
  confirmedPersonalData: boolean;
}

export async function createNeed(db: Db, viewer: Viewer | null, input: CreateNeedInput): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => insertNeed(tx as unknown as Db, viewer, input));
}

/** The need's checks, row, terms and audit inside the caller's transaction `t` (a development area becoming a need). */
export async function insertNeed(t: Db, viewer: Viewer, input: CreateNeedInput): Promise<{ id: string }> {
  const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
  if (!plan) throw new NotFound("plan");
  if (!can(viewer, "create", { type: "need", workspaceId: plan.workspaceId, organisationId: null })) throw new Forbidden();
  const choices = await planChoices(t, plan);
  const { problems, resolved } = needProblems(viewer, plan.workspaceId, choices, input, input.confirmedPersonalData, null);
  throwIfProblems(problems);
  const [row] = await t
    .insert(s.needs)
    .values({
      workspaceId: plan.workspaceId, planId: plan.id, goalId: resolved.goalId, organisationId: resolved.organisationId, title: resolved.title,
      description: resolved.description, boardNote: resolved.boardNote, position: await nextPosition(t, "need", resolved.goalId),
    })
    .returning({ id: s.needs.id });
  const id = row!.id;
  await writeNeedTerms(t, plan.workspaceId, id, resolved.termIds);
  const view = needAuditView(choices, resolved);
  const shown = (v: string | string[] | null | undefined) => (v === null || v === undefined ? null : Array.isArray(v) ? (v.length ? v.join(", ") : null) : v || null);
  await recordAudit(t, {
    workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "need.created", subjectType: "need", subjectId: id,
    organisationId: resolved.organisationId,
    changes: needAuditedFields(choices).map((field) => ({ field, before: null, after: shown(view[field]) })).filter((c) => c.after !== null),
  });
  await bumpContentVersion(t, plan.workspaceId);
  return { id };
}
