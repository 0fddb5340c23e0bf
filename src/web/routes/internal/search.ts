// Search in a plan: GET /:ws/planer/:plan/sok?q=… Public for a published plan (the public searches what its pages
// show); people with a role in the workspace search the internal read model, published or not.
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { parseParams } from "./load.ts";
import { planForViewer, sendCachedPage } from "../public/page-response.ts";
import { SearchPage } from "../../pages/public/search-page.tsx";
import { SEARCH_MAX_LENGTH, searchPlan, type SearchResult } from "../../../queries/search.ts";
import type { FieldErrors } from "../../components/form.tsx";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const planParams = z.object({ ws: slug, plan: slug });
/** `q` once; given twice, the first counts. Anything else in the query string is ignored. */
const searchQuery = z.object({ q: z.union([z.string(), z.array(z.string())]).optional() }).catch({});

export function registerSearchRoutes(app: FastifyInstance, state: AppState) {
  app.get("/:ws/planer/:plan/sok", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const raw = searchQuery.parse(request.query ?? {}).q;
    const q = (Array.isArray(raw) ? raw[0] ?? "" : raw ?? "").trim();
    const tooLong = [...q].length > SEARCH_MAX_LENGTH;
    if (tooLong) reply.code(400);
    // Search results are not stored in the page cache: every query would make an entry.
    return sendCachedPage(
      state,
      request,
      reply,
      async (ctx) => {
        const viewed = await planForViewer(state, request.viewer ?? null, p.ws, p.plan);
        const errors: FieldErrors = tooLong ? { q: ctx.t("search.tooLong", { max: SEARCH_MAX_LENGTH }) } : {};
        let result: SearchResult | null = null;
        if (q && !tooLong) result = await searchPlan(state.database.db, viewed.plan.id, q, { includeDrafts: viewed.internal });
        return h(SearchPage, { ctx, graph: viewed.graph, internal: viewed.internal, q, errors, result });
      },
      { cache: false },
    );
  });
}
