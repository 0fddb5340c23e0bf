// Routes of the invitations pages (to be filled in).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerInvitationsRoutes(_app: FastifyInstance, _state: AppState) {}
