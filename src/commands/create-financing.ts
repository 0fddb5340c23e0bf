// Adds a financing row (a grant applied for, and its decision) to an activity. Recorded in the activity's history.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { activityForEdit } from "../queries/activity-for-edit.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { AUDITED_FINANCING_FIELDS, financingAuditView, financingProblems, type FinancingFields } from "./support/financing-input.ts";
import { bumpContentVersion, changesBetween } from "./support/rows.ts";

export interface CreateFinancingInput extends FinancingFields {
  planId: string;
  activityId: string;
  confirmedPersonalData: boolean;
}

export async function createFinancing(db: Db, viewer: Viewer | null, input: CreateFinancingInput): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    const { activity, subject } = await activityForEdit(t, plan, input.activityId);
    if (activity.archivedAt) throw new NotFound("activity");
    if (!can(viewer, "update", subject)) throw new Forbidden();
    const { problems, resolved } = financingProblems(input, input.confirmedPersonalData);
    throwIfProblems(problems);
    const [row] = await t.insert(s.financings).values({ workspaceId: activity.workspaceId, activityId: activity.id, ...resolved }).returning({ id: s.financings.id });
    await bumpContentVersion(t, activity.workspaceId);
    await recordAudit(t, {
      workspaceId: activity.workspaceId, actorUserId: viewer.userId, via: "web", action: "financing.added", subjectType: "activity",
      subjectId: activity.id, organisationId: subject.actionPlanOrganisationId,
      changes: changesBetween(financingAuditView(null), financingAuditView(resolved), AUDITED_FINANCING_FIELDS),
    });
    return { id: row!.id };
  });
}
