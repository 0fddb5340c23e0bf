// Adopts an action plan: the date and the body that adopted it ("Arbetsmarknads- och socialnämnden"). The plan as it
// stands is frozen as its next revision (1 the first time); adopting a revised plan again freezes the next one.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { actionPlans } from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import type { Plan } from "../queries/plan-graph.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, isIsoDate, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { freezeRevision } from "./support/action-plan-revision.ts";
import { ACTION_PLAN_LIMITS } from "./support/action-plan-fields.ts";

export interface AdoptActionPlanInput {
  actionPlanId: string;
  version: number;
  adoptedOn: string;
  adoptedBy: string;
  confirmedPersonalData: boolean;
}

export interface Adoption {
  adoptedOn: string;
  adoptedBy: string;
}

const ADOPTION_FIELDS = ["state", "adoptedOn", "adoptedBy"] as const;

export async function adoptActionPlan(db: Db, viewer: Viewer | null, plan: Plan, input: AdoptActionPlanInput): Promise<{ version: number; revision: number }> {
  if (!viewer) throw new LoginRequired();
  const [found] = await db.select().from(actionPlans).where(and(eq(actionPlans.id, input.actionPlanId), eq(actionPlans.planId, plan.id)));
  if (!found) throw new NotFound("action plan");
  if (!can(viewer, "adopt", { type: "actionPlan", workspaceId: found.workspaceId, organisationId: found.organisationId })) throw new Forbidden();
  const adoptedOn = input.adoptedOn.trim();
  const problems = checkTexts([{ field: "adoptedBy", value: input.adoptedBy, max: ACTION_PLAN_LIMITS.adoptedBy, required: true, requiredKey: "form.adoptedByRequired" }], input.confirmedPersonalData);
  if (!adoptedOn) problems.adoptedOn = { key: "form.dateRequired" };
  else if (!isIsoDate(adoptedOn)) problems.adoptedOn = { key: "form.dateInvalid" };

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockVersion(t, "action_plan", found.id);
    const [current] = await t.select().from(actionPlans).where(eq(actionPlans.id, found.id));
    throwIfProblems(problems);
    checkVersion<Adoption>(locked.version, input.version, () => ({ adoptedOn: current!.adoptedOn ?? "", adoptedBy: current!.adoptedBy ?? "" }));
    const next = { state: "adopted", adoptedOn, adoptedBy: input.adoptedBy.trim() };
    const version = current!.version + 1;
    await t.update(actionPlans).set({ ...next, version, updatedAt: new Date() }).where(and(eq(actionPlans.id, found.id), eq(actionPlans.version, current!.version)));
    const revision = await freezeRevision(t, found.id, viewer.userId);
    const changes = changesBetween(current!, next, ADOPTION_FIELDS);
    changes.push({ field: "revision", before: String(revision - 1), after: String(revision) });
    await bumpContentVersion(t, found.workspaceId);
    await recordAudit(t, {
      workspaceId: found.workspaceId, actorUserId: viewer.userId, via: "web", action: "action_plan.adopted", subjectType: "action_plan",
      subjectId: found.id, organisationId: found.organisationId, changes,
    });
    return { version, revision };
  });
}
