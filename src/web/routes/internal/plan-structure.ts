// (being written) plan structure routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerPlanStructureRoutes(_app: FastifyInstance, _state: AppState) {}
