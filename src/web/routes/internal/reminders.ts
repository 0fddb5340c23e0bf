// Reminders sent now, and the outbox page (helper R).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerReminderRoutes(_app: FastifyInstance, _state: AppState) {}
