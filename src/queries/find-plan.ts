// Looks up workspaces and plans by slug and applies the publishing rule: unpublished plans need an account.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { LoginRequired, NotFound } from "../domain/errors.ts";
import type { Plan, Workspace } from "./plan-graph.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";

export async function findWorkspace(db: Db, slug: string): Promise<Workspace> {
  const [row] = await db.select().from(s.workspaces).where(eq(s.workspaces.slug, slug));
  if (!row) throw new NotFound("workspace");
  return row;
}

/** The plan, if the visitor may see it: a missing plan is 404, an unpublished one sends an anonymous visitor to log in. */
export async function findVisiblePlan(db: Db, workspace: Workspace, slug: string): Promise<Plan> {
  const [row] = await db
    .select()
    .from(s.plans)
    .where(and(eq(s.plans.workspaceId, workspace.id), eq(s.plans.slug, slug), isNull(s.plans.archivedAt)));
  if (!row) throw new NotFound("plan");
  if (!row.published) throw new LoginRequired();
  return row;
}

export async function publishedPlans(db: Db, workspace: Workspace): Promise<Plan[]> {
  return db
    .select()
    .from(s.plans)
    .where(and(eq(s.plans.workspaceId, workspace.id), eq(s.plans.published, true), isNull(s.plans.archivedAt)))
    .orderBy(asc(s.plans.periodStart));
}

export interface WorkspaceWithPlans {
  workspace: Workspace;
  plans: Plan[];
}

/** The start page: every workspace with at least one published plan. */
export async function workspacesWithPublishedPlans(db: Db): Promise<WorkspaceWithPlans[]> {
  const rows = await db
    .select({ workspace: s.workspaces, plan: s.plans })
    .from(s.plans)
    .innerJoin(s.workspaces, eq(s.plans.workspaceId, s.workspaces.id))
    .where(and(eq(s.plans.published, true), isNull(s.plans.archivedAt)))
    .orderBy(asc(s.workspaces.name), asc(s.plans.periodStart));
  const byWorkspace = new Map<string, WorkspaceWithPlans>();
  for (const { workspace, plan } of rows) {
    const entry = byWorkspace.get(workspace.id) ?? { workspace, plans: [] };
    entry.plans.push(plan);
    byWorkspace.set(workspace.id, entry);
  }
  return [...byWorkspace.values()];
}

/**
 * The plan for a page that checks its own rights: missing → 404; not readable → an anonymous visitor logs in,
 * a logged-in person without a role there gets 404 (a guessed address tells nothing).
 */
export async function findReadablePlan(db: Db, workspace: Workspace, slug: string, viewer: Viewer | null): Promise<Plan> {
  const [row] = await db
    .select()
    .from(s.plans)
    .where(and(eq(s.plans.workspaceId, workspace.id), eq(s.plans.slug, slug), isNull(s.plans.archivedAt)));
  if (!row) throw new NotFound("plan");
  if (!can(viewer, "read", { type: "plan", workspaceId: workspace.id, published: row.published })) {
    if (!viewer) throw new LoginRequired();
    throw new NotFound("plan");
  }
  return row;
}
