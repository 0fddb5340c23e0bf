// Saves a financing row: the right to write its activity, every problem at once, the version, the audit (in the
// activity's history), in one transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { activityForEdit } from "../queries/activity-for-edit.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { AUDITED_FINANCING_FIELDS, financingAuditView, financingProblems, type FinancingFields, type ResolvedFinancing } from "./support/financing-input.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";

export interface UpdateFinancingInput extends FinancingFields {
  planId: string;
  activityId: string;
  financingId: string;
  version: number;
  confirmedPersonalData: boolean;
}

type FinancingRow = typeof s.financings.$inferSelect;

/** A financing row as its form shows it. */
export function financingFields(f: FinancingRow): FinancingFields {
  return {
    source: f.source, appliedOn: f.appliedOn ?? "", amountApplied: f.amountApplied !== null ? String(f.amountApplied) : "", decision: f.decision,
    decidedOn: f.decidedOn ?? "", amountGranted: f.amountGranted !== null ? String(f.amountGranted) : "", note: f.note,
  };
}

export function asResolvedFinancing(f: FinancingRow): ResolvedFinancing {
  return {
    source: f.source, appliedOn: f.appliedOn, amountApplied: f.amountApplied, decision: f.decision as ResolvedFinancing["decision"],
    decidedOn: f.decidedOn, amountGranted: f.amountGranted, note: f.note,
  };
}

/** Locks the row and checks that it is this activity's and that the viewer may write the activity. */
export async function lockFinancing(t: Db, viewer: Viewer, planId: string, activityId: string, financingId: string) {
  const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, planId));
  if (!plan) throw new NotFound("plan");
  const { activity, subject } = await activityForEdit(t, plan, activityId);
  if (activity.archivedAt) throw new NotFound("activity");
  if (!can(viewer, "update", subject)) throw new Forbidden();
  const [exists] = await t.select({ id: s.financings.id }).from(s.financings).where(and(eq(s.financings.id, financingId), eq(s.financings.activityId, activity.id)));
  if (!exists) throw new NotFound("financing");
  await lockVersion(t, "financing", financingId);
  const [row] = await t.select().from(s.financings).where(eq(s.financings.id, financingId));
  return { activity, subject, financing: row! };
}

export async function updateFinancing(db: Db, viewer: Viewer | null, input: UpdateFinancingInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { activity, subject, financing } = await lockFinancing(t, viewer, input.planId, input.activityId, input.financingId);
    const { problems, resolved } = financingProblems(input, input.confirmedPersonalData);
    throwIfProblems(problems);
    checkVersion(financing.version, input.version, () => financingFields(financing));
    const changes = changesBetween(financingAuditView(asResolvedFinancing(financing)), financingAuditView(resolved), AUDITED_FINANCING_FIELDS);
    if (changes.length === 0) return { version: financing.version, changed: false };
    const version = financing.version + 1;
    await t.update(s.financings).set({ ...resolved, version, updatedAt: new Date() }).where(eq(s.financings.id, financing.id));
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "financing.changed", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId,
      changes: [{ field: "financingSource", before: financing.source, after: resolved.source }, ...changes.filter((c) => c.field !== "financingSource")],
    });
    return { version, changed: true };
  });
}
