// Saves a plan's details: name, period, vision, introduction, adoption, coordinating organisation, cadences,
// whether it is published, and the taxonomy that splits its boards. The address (slug) is not changed here.
// Optimistic concurrency on the plan's version; one audit event with each changed field's before and after.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations, plans, taxonomies } from "../db/schema/index.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import {
  checkBoardSplitTaxonomy, checkCoordinatingOrganisation, checkPlanDetails, planDetailsValues, planForShaping, type PlanDetailsInput, type PlanRow,
} from "./support/plan-structure.ts";
import { bumpContentVersion, changesBetween, checkVersion } from "./support/rows.ts";
import type { Viewer } from "../domain/roles.ts";

export interface UpdatePlanInput extends PlanDetailsInput {
  planId: string;
  /** The version the form was opened at. */
  version: number;
  published: boolean;
  /** "" for none. */
  boardSplitTaxonomyId: string;
}

/** The details as the form shows them: what a conflict hands back as "saved by someone else". */
export type PlanDetailsValues = Omit<UpdatePlanInput, "planId" | "version" | "confirmedPersonalData">;

export function planDetailsOf(plan: PlanRow): PlanDetailsValues {
  return {
    name: plan.name, periodStart: plan.periodStart, periodEnd: plan.periodEnd, vision: plan.vision, introduction: plan.introduction,
    adoptedBy: plan.adoptedBy ?? "", adoptedOn: plan.adoptedOn ?? "", coordinatingOrganisationId: plan.coordinatingOrganisationId ?? "",
    followUpEveryMonths: String(plan.followUpEveryMonths), dialogueEveryMonths: String(plan.dialogueEveryMonths), published: plan.published,
    boardSplitTaxonomyId: plan.boardSplitTaxonomyId ?? "",
  };
}

async function nameOf(t: Db, table: typeof organisations | typeof taxonomies, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await t.select({ name: table.name }).from(table).where(eq(table.id, id));
  return row?.name ?? null;
}

export async function updatePlan(db: Db, viewer: Viewer | null, input: UpdatePlanInput): Promise<{ version: number; changed: boolean }> {
  const problems = checkPlanDetails(input);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const plan = await planForShaping(t, viewer, input.planId);
    checkVersion(plan.version, input.version, () => planDetailsOf(plan));
    const organisationName = await checkCoordinatingOrganisation(t, plan.workspaceId, input.coordinatingOrganisationId, problems, plan.coordinatingOrganisationId);
    const taxonomyName = await checkBoardSplitTaxonomy(t, plan.id, input.boardSplitTaxonomyId, problems, plan.boardSplitTaxonomyId);
    throwIfProblems(problems);

    const after = { ...planDetailsValues(input), published: input.published, boardSplitTaxonomyId: input.boardSplitTaxonomyId || null };
    const fields = [
      "name", "periodStart", "periodEnd", "vision", "introduction", "adoptedBy", "adoptedOn", "coordinatingOrganisationId",
      "followUpEveryMonths", "dialogueEveryMonths", "published", "boardSplitTaxonomyId",
    ] as const;
    const changed = changesBetween(plan, after, [...fields]);
    if (changed.length === 0) return { version: plan.version, changed: false };
    // Ids mean nothing to a reader of the history: name what was chosen instead.
    const changes = await Promise.all(
      changed.map(async (c) => {
        if (c.field === "coordinatingOrganisationId") {
          return { field: "coordinatingOrganisation", before: await nameOf(t, organisations, plan.coordinatingOrganisationId), after: organisationName };
        }
        if (c.field === "boardSplitTaxonomyId") return { field: "boardSplitTaxonomy", before: await nameOf(t, taxonomies, plan.boardSplitTaxonomyId), after: taxonomyName };
        if (c.field === "published") return { field: "published", before: plan.published, after: input.published };
        return c;
      }),
    );
    const version = plan.version + 1;
    await t.update(plans).set({ ...after, version, updatedAt: new Date() }).where(eq(plans.id, plan.id));
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, { workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web", action: "plan.updated", subjectType: "plan", subjectId: plan.id, changes });
    return { version, changed: true };
  });
}
