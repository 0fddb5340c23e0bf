// (being written) financing routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerFinancingRoutes(_app: FastifyInstance, _state: AppState) {}
