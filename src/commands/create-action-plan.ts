// Starts an organisation's action plan in a plan, as a draft: one per organisation and plan. Coordinators start one
// for any organisation; an organisation's editors only for their own.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { actionPlans, organisations } from "../db/schema/index.ts";
import { Forbidden, LoginRequired } from "../domain/errors.ts";
import { organisationsWithRole, type Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import type { Plan } from "../queries/plan-graph.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems, type Problems } from "./support/checks.ts";
import { bumpContentVersion, changesBetween } from "./support/rows.ts";
import { looksLikeUuid } from "./support/organisation-fields.ts";
import { ACTION_PLAN_TEXT_FIELDS, checkActionPlanTexts, defaultActionPlanTitle, type ActionPlanTexts } from "./support/action-plan-fields.ts";

export interface CreateActionPlanInput extends ActionPlanTexts {
  organisationId: string;
  confirmedPersonalData: boolean;
}

/** May the viewer start an action plan for some organisation of the workspace (before one is chosen)? */
export function mayCreateSomeActionPlan(viewer: Viewer | null, workspaceId: string): boolean {
  const anyOrganisation = can(viewer, "update", { type: "actionPlan", workspaceId, organisationId: "" });
  return anyOrganisation || organisationsWithRole(viewer, workspaceId, "editor").size > 0;
}

export async function createActionPlan(db: Db, viewer: Viewer | null, plan: Plan, input: CreateActionPlanInput): Promise<{ id: string; organisationSlug: string }> {
  if (!viewer) throw new LoginRequired();
  const workspaceId = plan.workspaceId;
  const [organisation] = looksLikeUuid(input.organisationId)
    ? await db.select().from(organisations).where(and(eq(organisations.id, input.organisationId.toLowerCase()), eq(organisations.workspaceId, workspaceId)))
    : [];
  if (organisation ? !can(viewer, "update", { type: "actionPlan", workspaceId, organisationId: organisation.id }) : !mayCreateSomeActionPlan(viewer, workspaceId)) {
    throw new Forbidden();
  }

  const texts: ActionPlanTexts = { ...input, title: input.title.trim() || (organisation ? defaultActionPlanTitle(organisation.name) : "") };
  const problems: Problems = checkActionPlanTexts(texts, input.confirmedPersonalData, { titleRequired: false });
  if (!input.organisationId) problems.organisationId = { key: "form.required" };
  else if (!organisation || organisation.archivedAt) problems.organisationId = { key: "form.unknownChoice" };
  else if (organisation.type === "external") problems.organisationId = { key: "actionPlans.externalOrganisation" };

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (organisation) {
      // Two people starting the same organisation's plan at once: the second gets the field error, not a database error.
      await t.execute(sql`select id from organisation where id = ${organisation.id} for update`);
      const [existing] = await t.select({ id: actionPlans.id }).from(actionPlans).where(and(eq(actionPlans.planId, plan.id), eq(actionPlans.organisationId, organisation.id)));
      if (existing) problems.organisationId ??= { key: "actionPlans.duplicate", params: { name: organisation.name } };
    }
    throwIfProblems(problems);
    const org = organisation!;
    const values = {
      title: texts.title, periodStart: texts.periodStart.trim(), periodEnd: texts.periodEnd.trim(), introduction: texts.introduction,
      howMade: texts.howMade, steeringGroup: texts.steeringGroup,
    };
    const [row] = await t
      .insert(actionPlans)
      .values({ workspaceId, planId: plan.id, organisationId: org.id, ...values, state: "draft" })
      .returning({ id: actionPlans.id });
    const id = row!.id;
    await bumpContentVersion(t, workspaceId);
    const empty = Object.fromEntries(ACTION_PLAN_TEXT_FIELDS.map((f) => [f, ""])) as ActionPlanTexts;
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: "action_plan.created", subjectType: "action_plan", subjectId: id,
      organisationId: org.id, changes: changesBetween(empty, values, ACTION_PLAN_TEXT_FIELDS),
    });
    return { id, organisationSlug: org.slug };
  });
}
