// Per-request context for rendering: the visitor's language and translator, the path for the language switch,
// the logged-in viewer (or null) and, on pages with forms, the CSRF token.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Viewer } from "../domain/roles.ts";
import { isLocale, translator, type Locale, type MessageKey, type Translate } from "./i18n/index.ts";
import { takeFlash } from "./forms/flash.ts";

export const LOCALE_COOKIE = "samverka_lang";

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path and query of the current page, for "switch language and come back". */
  path: string;
  viewer: Viewer | null;
  /** The CSRF token for forms on this page (only when a reply was given). */
  csrf?: string;
  /** A confirmation waiting from the last save ("Sparat"), shown once (only when a reply was given). */
  flash?: MessageKey;
  /** The confirmation's parameters ("{count} personer"), when it has any. */
  flashParams?: Record<string, number>;
}

export function localeOf(request: FastifyRequest): Locale {
  const fromCookie = request.cookies?.[LOCALE_COOKIE];
  return isLocale(fromCookie) ? fromCookie : "sv";
}

/**
 * The context for a page. With a reply, a CSRF token is made for the page's forms (and the header's log-out
 * button when someone is logged in).
 */
export function pageContext(request: FastifyRequest, reply?: FastifyReply): PageContext {
  const locale = localeOf(request);
  const viewer = request.viewer ?? null;
  const ctx: PageContext = { locale, t: translator(locale), path: request.url, viewer };
  if (reply && typeof reply.generateCsrf === "function") ctx.csrf = reply.generateCsrf();
  if (reply) {
    const flash = takeFlash(request, reply);
    if (flash) ctx.flash = flash.key;
    if (flash?.params) ctx.flashParams = flash.params;
  }
  return ctx;
}
