// CSRF protection on every state-changing request: a secret in an HttpOnly cookie, a token in each form (_csrf).
import type { FastifyInstance } from "fastify";
import csrf from "@fastify/csrf-protection";
import type { AppState } from "../app-state.ts";

export const CSRF_COOKIE = "samverka_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function registerCsrf(app: FastifyInstance, state: AppState) {
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: state.secure },
    getToken: (request) => (request.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  // preHandler, not onRequest: the form body (with _csrf) is parsed by then.
  app.addHook("preHandler", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}

/** True for the errors the CSRF check raises (missing or wrong token, missing secret cookie). */
export function isCsrfError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "FST_CSRF_INVALID_TOKEN" || code === "FST_CSRF_MISSING_SECRET";
}
