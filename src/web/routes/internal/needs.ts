// (being written) needs routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerNeedRoutes(_app: FastifyInstance, _state: AppState) {}
