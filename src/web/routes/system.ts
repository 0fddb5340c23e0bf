// Health check, the stylesheet and the language switch.
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../app-state.ts";
import { LOCALE_COOKIE, pageContext } from "../context.ts";
import { renderDocument } from "../render.ts";
import { MessagePage } from "../pages/message-page.tsx";
import { safeReturnPath } from "../forms/return-to.ts";

const stylesheet = readFileSync(new URL("../static/app.css", import.meta.url), "utf8");


const localeParams = z.object({ locale: z.enum(["sv", "en"]) });

export function registerSystemRoutes(app: FastifyInstance, state: AppState) {
  app.addHook("onRequest", async (request, reply) => {
    if (state.ready || request.url === "/healthz" || request.url.startsWith("/static/")) return;
    const ctx = pageContext(request);
    return reply
      .code(503)
      .header("retry-after", "2")
      .type("text/html; charset=utf-8")
      .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("starting.title"), body: ctx.t("starting.body") })));
  });

  app.get("/healthz", async (_request, reply) => {
    return reply.code(state.ready ? 200 : 503).send({ status: state.ready ? "ok" : "starting" });
  });

  app.get("/static/app.css", async (_request, reply) => {
    return reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(stylesheet);
  });

  app.get("/sprak/:locale", async (request, reply) => {
    const parsed = localeParams.safeParse(request.params);
    if (!parsed.success) return reply.callNotFound();
    const back = safeReturnPath((request.query as Record<string, unknown>).tillbaka);
    reply.setCookie(LOCALE_COOKIE, parsed.data.locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
      secure: state.secure,
    });
    return reply.redirect(back, 303);
  });
}
