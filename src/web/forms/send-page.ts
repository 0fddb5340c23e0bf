// Sends a page rendered for one viewer (forms, internal pages): never cached by browsers or proxies.
import type { FastifyReply } from "fastify";
import { renderDocument, type PageNode } from "../render.ts";

export function sendPage(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(page));
}
