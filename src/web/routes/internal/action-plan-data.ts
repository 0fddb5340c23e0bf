// Reads for the action plan pages: an action plan by its organisation's slug, and its frozen revisions.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { actionPlanRevisions, actionPlans, organisations, users } from "../../../db/schema/index.ts";
import { NotFound } from "../../../domain/errors.ts";
import type { Plan } from "../../../queries/plan-graph.ts";
import type { RevisionEntry } from "../../pages/internal/action-plans/revision-pages.tsx";
import { readSnapshot } from "../../pages/internal/action-plans/snapshot.ts";

export async function organisationBySlug(db: Db, workspaceId: string, slug: string) {
  const [row] = await db.select().from(organisations).where(and(eq(organisations.workspaceId, workspaceId), eq(organisations.slug, slug)));
  if (!row) throw new NotFound("organisation");
  return row;
}

/** The organisation and its action plan in the plan; 404 when either is missing. */
export async function actionPlanOf(db: Db, plan: Plan, orgSlug: string) {
  const organisation = await organisationBySlug(db, plan.workspaceId, orgSlug);
  const [actionPlan] = await db.select().from(actionPlans).where(and(eq(actionPlans.planId, plan.id), eq(actionPlans.organisationId, organisation.id)));
  if (!actionPlan) throw new NotFound("action plan");
  return { organisation, actionPlan };
}

/** Every frozen revision, newest first, with the name of the person whose change froze it. */
export async function revisionsOf(db: Db, actionPlanId: string): Promise<RevisionEntry[]> {
  const rows = await db
    .select({ revision: actionPlanRevisions, name: users.name })
    .from(actionPlanRevisions)
    .leftJoin(users, eq(users.id, actionPlanRevisions.createdBy))
    .where(eq(actionPlanRevisions.actionPlanId, actionPlanId))
    .orderBy(desc(actionPlanRevisions.number));
  return rows.map((r) => ({ number: r.revision.number, frozenAt: r.revision.frozenAt, createdByName: r.name, snapshot: readSnapshot(r.revision.snapshot) }));
}
