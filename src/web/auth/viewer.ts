// Who is asking: reads the session cookie on every request and puts the viewer (or null) on the request.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../app-state.ts";
import { findViewer, SESSION_COOKIE } from "../../accounts/sessions.ts";
import type { Viewer } from "../../domain/roles.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The request carried a session cookie that no longer works (expired, revoked): worth telling the person. */
    staleSession: boolean;
  }
}

export function registerViewer(app: FastifyInstance, state: AppState) {
  app.decorateRequest("viewer", null);
  app.decorateRequest("staleSession", false);
  app.addHook("onRequest", async (request, reply) => {
    if (!state.ready) return;
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findViewer(state.database.db, token) : null;
    if (token && !request.viewer) {
      request.staleSession = true;
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(state));
    }
  });
}

export function sessionCookieOptions(state: AppState, expires?: Date) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: state.secure, ...(expires ? { expires } : {}) };
}
