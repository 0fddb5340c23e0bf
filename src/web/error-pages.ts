// Maps named errors to pages once: 404 page, login redirect for internal pages, a calm 500 page without a stack trace.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { AppError, Conflict, Invalid, LoginRequired } from "../domain/errors.ts";
import { translateProblems } from "./forms/field-errors.ts";
import type { AppState } from "./app-state.ts";
import { pageContext } from "./context.ts";
import { renderDocument } from "./render.ts";
import { isCsrfError } from "./auth/csrf.ts";
import { MessagePage } from "./pages/message-page.tsx";

/** The not-found page; `status` for other client errors (a malformed request) that show the same calm page. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply, status = 404) {
  const ctx = pageContext(request);
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("notFound.title"), body: ctx.t("notFound.body"), link: { href: "/", label: ctx.t("notFound.back") } })));
}

export function registerErrorPages(app: FastifyInstance, state: AppState) {
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof LoginRequired) {
      const stale = request.staleSession ? "&utgangen=1" : "";
      return reply.redirect(`/logga-in?tillbaka=${encodeURIComponent(request.url)}${stale}`, 303);
    }
    if (error instanceof AppError && error.status === 404) return sendNotFound(request, reply);
    if (error instanceof AppError && error.status === 403) {
      const ctx = pageContext(request);
      return reply
        .code(403)
        .type("text/html; charset=utf-8")
        .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("forbidden.title"), body: ctx.t("forbidden.body"), link: { href: "/", label: ctx.t("notFound.back") } })));
    }
    // Bad input or a stale version outside a form page (a button, a link with a bad value): say what was wrong.
    if (error instanceof Invalid || error instanceof Conflict) {
      const ctx = pageContext(request);
      const body = error instanceof Invalid ? Object.values(translateProblems(ctx, error).errors).join(" ") : ctx.t("conflict.summary");
      return reply
        .code(error.status)
        .type("text/html; charset=utf-8")
        .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("form.notSaved"), body, link: { href: "/", label: ctx.t("notFound.back") } })));
    }
    if (isCsrfError(error)) {
      const ctx = pageContext(request);
      return reply
        .code(403)
        .type("text/html; charset=utf-8")
        .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("csrf.title"), body: ctx.t("csrf.body"), link: { href: "/", label: ctx.t("notFound.back") } })));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Malformed requests (bad encoding, oversized body …) get the 404-style page with their status, no details.
      return sendNotFound(request, reply, status);
    }
    request.log.error({ err: error }, "unhandled error");
    const ctx = pageContext(request);
    return reply
      .code(state.ready ? 500 : 503)
      .type("text/html; charset=utf-8")
      .send(renderDocument(h(MessagePage, { ctx, title: ctx.t("error.title"), body: ctx.t("error.body"), link: { href: "/", label: ctx.t("notFound.back") } })));
  });
}
