// The coordinator's overview of a round, and each person's to-do list (helper O).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerRoundOverviewRoutes(_app: FastifyInstance, _state: AppState) {}
