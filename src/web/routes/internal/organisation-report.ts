// An organisation's report in a round: summary, submit, approve, accept, return (lead).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerOrganisationReportRoutes(_app: FastifyInstance, _state: AppState) {}
