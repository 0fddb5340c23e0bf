// Logging in and out, and the viewer's own account page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { LoginPage } from "../../pages/account/login-page.tsx";
import { AccountPage, type RoleLine } from "../../pages/account/account-page.tsx";
import type { FieldErrors } from "../../components/form.tsx";
import { sessionCookieOptions } from "../../auth/viewer.ts";
import { LoginThrottles } from "../../../accounts/login-throttle.ts";
import { revokeAllSessions, revokeSession, SESSION_COOKIE } from "../../../accounts/sessions.ts";
import { logIn } from "../../../commands/log-in.ts";
import { administeredWorkspaces } from "../../../queries/people.ts";
import { recordAudit } from "../../../commands/audit.ts";
import { LoginRequired } from "../../../domain/errors.ts";
import { organisations, workspaces } from "../../../db/schema/index.ts";
import type { Db } from "../../../db/client.ts";

// Lengths are checked after parsing (an over-long address is simply not an account); the schema only shapes.
const loginForm = z.object({
  email: z.string().trim().default(""),
  password: z.string().default(""),
  tillbaka: z.string().max(2000).optional(),
});

function html(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderDocument(page));
}

export function registerAccountRoutes(app: FastifyInstance, state: AppState, throttles = new LoginThrottles()) {
  const db = () => state.database.db;

  app.get("/logga-in", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const back = safeReturnPath(query.tillbaka);
    if (request.viewer) return reply.redirect(back, 303);
    const ctx = pageContext(request, reply);
    const notice = query.utloggad === "1" ? ctx.t("logout.done") : query.utgangen === "1" ? ctx.t("login.expired") : undefined;
    return html(reply, h(LoginPage, { ctx, back, notice, needed: back !== "/" }));
  });

  app.post("/logga-in", async (request, reply) => {
    const parsed = loginForm.safeParse(request.body ?? {});
    const form = parsed.success ? parsed.data : { email: "", password: "", tillbaka: undefined };
    const back = safeReturnPath(form.tillbaka);
    const ctx = pageContext(request, reply);
    const errors: FieldErrors = {};
    if (!form.email) errors.email = ctx.t("login.emailMissing");
    else if (form.email.length > 320 || !z.email().safeParse(form.email).success) errors.email = ctx.t("login.emailInvalid");
    if (!form.password) errors.password = ctx.t("login.passwordMissing");
    else if (form.password.length > 1000) errors.password = ctx.t("login.failed");
    if (Object.keys(errors).length > 0) return html(reply, h(LoginPage, { ctx, back, email: form.email, errors }), 400);

    const result = await logIn(db(), throttles, { email: form.email, password: form.password, address: request.ip });
    if (!result.ok) {
      const message = result.reason === "throttled" ? ctx.t("login.throttled", { seconds: result.waitSeconds }) : ctx.t("login.failed");
      const status = result.reason === "throttled" ? 429 : 401;
      if (result.reason === "throttled") reply.header("retry-after", String(result.waitSeconds));
      return html(reply, h(LoginPage, { ctx, back, email: form.email, errors: { email: message } }), status);
    }
    reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(state, result.expiresAt));
    return reply.redirect(back, 303);
  });

  app.post("/logga-ut", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await revokeSession(db(), token);
    if (request.viewer) {
      await recordAudit(db(), { actorUserId: request.viewer.userId, via: "web", action: "logout", subjectType: "user", subjectId: request.viewer.userId });
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(state));
    return reply.redirect("/logga-in?utloggad=1", 303);
  });

  app.get("/konto", async (request, reply) => {
    if (!request.viewer) throw new LoginRequired();
    const ctx = pageContext(request, reply);
    return html(reply, h(AccountPage, { ctx, roles: await roleLines(db(), request), administered: await administeredWorkspaces(db(), request.viewer) }));
  });

  app.post("/konto/logga-ut-overallt", async (request, reply) => {
    if (!request.viewer) throw new LoginRequired();
    const viewer = request.viewer;
    await db().transaction(async (tx) => {
      const count = await revokeAllSessions(tx as unknown as Db, viewer.userId);
      await recordAudit(tx as unknown as Db, {
        actorUserId: viewer.userId, via: "web", action: "logout.everywhere", subjectType: "user", subjectId: viewer.userId,
        changes: [{ field: "sessions", before: count, after: 0 }],
      });
    });
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(state));
    return reply.redirect("/logga-in?utloggad=1", 303);
  });
}

async function roleLines(db: Db, request: FastifyRequest): Promise<RoleLine[]> {
  const memberships = request.viewer?.memberships ?? [];
  if (memberships.length === 0) return [];
  const wsRows = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(inArray(workspaces.id, [...new Set(memberships.map((m) => m.workspaceId))]));
  const orgIds = memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
  const orgRows = orgIds.length ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds)) : [];
  const wsName = new Map(wsRows.map((w) => [w.id, w.name]));
  const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
  return memberships.map((m) => ({ workspace: wsName.get(m.workspaceId) ?? "", role: m.role, organisation: m.organisationId ? (orgName.get(m.organisationId) ?? null) : null }));
}
