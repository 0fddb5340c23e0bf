// Per-request context for rendering: the visitor's language and translator, and the path for the language switch.
import type { FastifyRequest } from "fastify";
import { isLocale, translator, type Locale, type Translate } from "./i18n/index.ts";

export const LOCALE_COOKIE = "samverka_lang";

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path and query of the current page, for "switch language and come back". */
  path: string;
}

export function localeOf(request: FastifyRequest): Locale {
  const fromCookie = request.cookies?.[LOCALE_COOKIE];
  return isLocale(fromCookie) ? fromCookie : "sv";
}

export function pageContext(request: FastifyRequest): PageContext {
  const locale = localeOf(request);
  return { locale, t: translator(locale), path: request.url };
}
