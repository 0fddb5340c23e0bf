// CSV and Excel exports of activities, reports, figures and organisations (helper E).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerExportRoutes(_app: FastifyInstance, _state: AppState) {}
