// "Sparat" after a save: the message key travels in a short-lived cookie through the redirect and is shown once on
// the page the person returns to (only on pages rendered for them, never on shared cached pages).
import type { FastifyReply, FastifyRequest } from "fastify";
import { hasMessage, type MessageKey } from "../i18n/index.ts";

export const FLASH_COOKIE = "samverka_flash";

export function setFlash(reply: FastifyReply, key: MessageKey): void {
  reply.setCookie(FLASH_COOKIE, key, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 });
}

/** The message waiting for this request, if any, and clears it. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): MessageKey | undefined {
  const key = request.cookies?.[FLASH_COOKIE];
  if (!key) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  return hasMessage(key) ? key : undefined;
}
