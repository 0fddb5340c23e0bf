// What every internal route starts with: parse the params (malformed → 404), require a logged-in viewer, find the
// workspace and the plan the viewer may read, then ask the policy. Routes stay short and ask the same way.
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Db } from "../../../db/client.ts";
import { Forbidden, LoginRequired, NotFound } from "../../../domain/errors.ts";
import type { Viewer } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import { findReadablePlan, findWorkspace } from "../../../queries/find-plan.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";

export function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (!result.success) throw new NotFound("page");
  return result.data;
}

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new LoginRequired();
  return request.viewer;
}

/** The workspace for an internal page: anonymous → log in; no role there → 404 (a guessed address tells nothing). */
export async function loadWorkspaceInternal(db: Db, request: FastifyRequest, wsSlug: string): Promise<{ viewer: Viewer; workspace: Workspace }> {
  const viewer = requireViewer(request);
  const workspace = await findWorkspace(db, wsSlug);
  if (!can(viewer, "readInternal", { type: "workspace", workspaceId: workspace.id })) throw new NotFound("page");
  return { viewer, workspace };
}

/** The plan for an internal page (any role in the workspace reads it, published or not). */
export async function loadPlanInternal(db: Db, request: FastifyRequest, wsSlug: string, planSlug: string): Promise<{ viewer: Viewer; workspace: Workspace; plan: Plan }> {
  const { viewer, workspace } = await loadWorkspaceInternal(db, request, wsSlug);
  const plan = await findReadablePlan(db, workspace, planSlug, viewer);
  return { viewer, workspace, plan };
}

/** The plan for shaping its structure (settings, vocabulary, goals, taxonomies, statuses): coordinators and administrators. */
export async function loadPlanForShaping(db: Db, request: FastifyRequest, wsSlug: string, planSlug: string) {
  const loaded = await loadPlanInternal(db, request, wsSlug, planSlug);
  if (!can(loaded.viewer, "update", { type: "plan", workspaceId: loaded.workspace.id, published: loaded.plan.published })) throw new Forbidden();
  return loaded;
}
