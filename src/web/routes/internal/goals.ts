// (being written) goals routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerGoalRoutes(_app: FastifyInstance, _state: AppState) {}
