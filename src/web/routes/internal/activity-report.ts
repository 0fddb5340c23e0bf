// One activity's report in a round: status, narrative, figures, next steps (lead).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerActivityReportRoutes(_app: FastifyInstance, _state: AppState) {}
