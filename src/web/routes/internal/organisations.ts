// (being written) organisations routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerOrganisationRoutes(_app: FastifyInstance, _state: AppState) {}
