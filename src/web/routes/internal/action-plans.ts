// (being written) action plans routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerActionPlanRoutes(_app: FastifyInstance, _state: AppState) {}
