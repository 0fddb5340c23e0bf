// Builds the Fastify app: plugins, error pages, and every route. The CLI's `serve` and the tests both start it here.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import type { AppState } from "./app-state.ts";
import { registerErrorPages } from "./error-pages.ts";
import { registerSystemRoutes } from "./routes/system.ts";
import { registerPublicRoutes } from "./routes/public/index.ts";
import { registerAccountRoutes } from "./routes/account/index.ts";
import { registerSetupRoutes } from "./routes/setup/index.ts";
import { registerViewer } from "./auth/viewer.ts";
import { registerCsrf } from "./auth/csrf.ts";
import { registerActivityEditing } from "./routes/internal/activity.ts";
import { registerHistoryRoutes } from "./routes/internal/history.ts";
import { registerInvitationsRoutes } from "./routes/invitations/index.ts";
import { registerAdminRoutes } from "./routes/admin/index.ts";
import { registerPlanStructureRoutes } from "./routes/internal/plan-structure.ts";
import { registerGoalRoutes } from "./routes/internal/goals.ts";
import { registerTaxonomyRoutes } from "./routes/internal/taxonomies.ts";
import { registerOrganisationRoutes } from "./routes/internal/organisations.ts";
import { registerActionPlanRoutes } from "./routes/internal/action-plans.ts";
import { registerNeedRoutes } from "./routes/internal/needs.ts";
import { registerFinancingRoutes } from "./routes/internal/financing.ts";
import { registerSearchRoutes } from "./routes/internal/search.ts";
import { registerFollowUpRoundRoutes } from "./routes/internal/follow-up-rounds.ts";
import { registerOrganisationReportRoutes } from "./routes/internal/organisation-report.ts";
import { registerActivityReportRoutes } from "./routes/internal/activity-report.ts";
import { registerRoundOverviewRoutes } from "./routes/internal/round-overview.ts";
import { registerReminderRoutes } from "./routes/internal/reminders.ts";
import { registerAttachmentRoutes } from "./routes/internal/attachments.ts";
import { registerDialogueRoutes } from "./routes/internal/dialogue.ts";
import { registerWheelRoutes } from "./routes/year/wheel.ts";
import { registerWheelEventRoutes } from "./routes/year/wheel-events.ts";
import { registerGroupRoutes } from "./routes/year/groups.ts";
import { registerMeetingRoutes } from "./routes/year/meetings.ts";
import { registerCompiledReportRoutes } from "./routes/internal/compiled-report.ts";
import { registerOrganisationDocumentRoutes } from "./routes/internal/organisation-documents.ts";
import { registerImportRoutes } from "./routes/internal/imports.ts";
import { closeRenderPool } from "../reports/render-worker/pool.ts";
import { registerExportRoutes } from "./routes/internal/exports.ts";
import { registerGapAnalysisRoutes } from "./routes/internal/gap-analysis.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route the app answers (method and URL pattern), for the route × role access test. */
    routeList: Array<{ method: string; url: string }>;
  }
}

export async function buildApp(state: AppState, options: { logger?: FastifyServerOptions["logger"] } = {}): Promise<FastifyInstance> {
  // The embedded database may hold the event loop while it opens (serve overlaps the two), so plugins get time.
  const app = Fastify({ logger: options.logger ?? false, trustProxy: true, pluginTimeout: 120_000 });
  const routeList: Array<{ method: string; url: string }> = [];
  app.decorate("routeList", routeList);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routeList.push({ method, url: route.url });
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: state.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await registerCsrf(app, state);
  registerViewer(app, state);
  registerErrorPages(app, state);
  registerSystemRoutes(app, state);
  registerAccountRoutes(app, state);
  registerSetupRoutes(app, state);
  registerActivityEditing(app, state);
  registerHistoryRoutes(app, state);
  registerInvitationsRoutes(app, state);
  registerAdminRoutes(app, state);
  registerPlanStructureRoutes(app, state);
  registerGoalRoutes(app, state);
  registerTaxonomyRoutes(app, state);
  registerOrganisationRoutes(app, state);
  registerActionPlanRoutes(app, state);
  registerNeedRoutes(app, state);
  registerFinancingRoutes(app, state);
  registerSearchRoutes(app, state);
  registerFollowUpRoundRoutes(app, state);
  registerOrganisationReportRoutes(app, state);
  registerActivityReportRoutes(app, state);
  registerRoundOverviewRoutes(app, state);
  registerReminderRoutes(app, state);
  registerAttachmentRoutes(app, state);
  registerDialogueRoutes(app, state);
  registerWheelRoutes(app, state);
  registerWheelEventRoutes(app, state);
  registerGroupRoutes(app, state);
  registerMeetingRoutes(app, state);
  registerCompiledReportRoutes(app, state);
  registerOrganisationDocumentRoutes(app, state);
  registerImportRoutes(app, state);
  // Render workers stop with the app (they never keep the process alive while idle).
  app.addHook("onClose", async () => closeRenderPool());
  registerExportRoutes(app, state);
  registerGapAnalysisRoutes(app, state);
  registerPublicRoutes(app, state);
  return app;
}
