// (being written) taxonomies routes.
import type { FastifyInstance } from "fastify";
import type { AppState } from "../../app-state.ts";

export function registerTaxonomyRoutes(_app: FastifyInstance, _state: AppState) {}
