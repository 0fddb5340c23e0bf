// The gap analysis page and its CSV (helper E).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerGapAnalysisRoutes(_app: FastifyInstance, _state: AppState) {}
