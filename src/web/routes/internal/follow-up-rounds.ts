// Follow-up rounds: list, open, settings, close, reopen one organisation (lead).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerFollowUpRoundRoutes(_app: FastifyInstance, _state: AppState) {}
