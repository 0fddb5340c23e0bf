// Dialogue meetings (dialogmöten) and their development areas (helper D).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerDialogueRoutes(_app: FastifyInstance, _state: AppState) {}
