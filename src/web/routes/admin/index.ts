// Routes of the admin pages (to be filled in).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerAdminRoutes(_app: FastifyInstance, _state: AppState) {}
