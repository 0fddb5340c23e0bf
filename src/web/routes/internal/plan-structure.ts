// Plan structure: creating a workspace and a plan, the workspace's and the plan's management pages, the plan's
// details and vocabulary, and its follow-up statuses. Each part registers its own routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";
import { registerWorkspaceRoutes } from "./plan-structure/workspace.ts";
import { registerPlanRoutes } from "./plan-structure/plan.ts";
import { registerStatusRoutes } from "./plan-structure/statuses.ts";

export function registerPlanStructureRoutes(app: FastifyInstance, state: AppState) {
  registerWorkspaceRoutes(app, state);
  registerPlanRoutes(app, state);
  registerStatusRoutes(app, state);
}
