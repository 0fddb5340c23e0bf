// Who is asking: reads the session cookie on every request and puts the viewer (or null) on the request.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../app-state.ts";
import { findViewer, SESSION_COOKIE } from "../../accounts/sessions.ts";
import type { Viewer } from "../../domain/roles.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export function registerViewer(app: FastifyInstance, state: AppState) {
  app.decorateRequest("viewer", null);
  app.addHook("onRequest", async (request) => {
    if (!state.ready) return;
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findViewer(state.database.db, token) : null;
  });
}

export function sessionCookieOptions(state: AppState, expires?: Date) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: state.secure, ...(expires ? { expires } : {}) };
}
