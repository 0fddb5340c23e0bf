// "Sparat" after a save: the message key travels in a short-lived cookie through the redirect and is shown once on
// the page the person returns to (only on pages rendered for them, never on shared cached pages). A message may carry
// whole-number parameters ("Påminnelse skickad till {count} personer"), kept in the cookie as key?name=value.
import type { FastifyReply, FastifyRequest } from "fastify";
import { hasMessage, type MessageKey } from "../i18n/index.ts";

export const FLASH_COOKIE = "samverka_flash";

/** Whole numbers only: nothing a person typed travels in the cookie. */
export type FlashParams = Record<string, number>;

export function setFlash(reply: FastifyReply, key: MessageKey, params?: FlashParams): void {
  const entries = Object.entries(params ?? {}).filter(([name, value]) => /^\w+$/.test(name) && Number.isInteger(value));
  const value = entries.length ? `${key}?${new URLSearchParams(entries.map(([name, n]) => [name, String(n)])).toString()}` : key;
  reply.setCookie(FLASH_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 });
}

/** The message waiting for this request, if any, and clears it. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): { key: MessageKey; params?: FlashParams } | undefined {
  const value = request.cookies?.[FLASH_COOKIE];
  if (!value) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  const at = value.indexOf("?");
  const key = at < 0 ? value : value.slice(0, at);
  if (!hasMessage(key)) return undefined;
  if (at < 0) return { key };
  const params: FlashParams = {};
  for (const [name, n] of new URLSearchParams(value.slice(at + 1))) if (/^\w+$/.test(name) && /^-?\d{1,9}$/.test(n)) params[name] = Number(n);
  return { key, params };
}
