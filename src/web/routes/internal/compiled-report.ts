// The compiled report of a round as a web page, DOCX and PDF (helper W).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerCompiledReportRoutes(_app: FastifyInstance, _state: AppState) {}
