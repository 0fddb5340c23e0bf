// Attachments on activity reports: upload, download, remove (helper A).
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerAttachmentRoutes(_app: FastifyInstance, _state: AppState) {}
