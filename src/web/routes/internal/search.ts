// (being written) search routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerSearchRoutes(_app: FastifyInstance, _state: AppState) {}
