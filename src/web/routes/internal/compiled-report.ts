// The compiled report of a round as a web page, DOCX and PDF (helper W).
//   GET /:ws/planer/:plan/uppfoljning/:round/rapport[?mal=<goal id>…&organisation=<id>…&utkast=1&sprak=sv|en&format=docx|pdf]
// Internal readers only (everyone with a role in the workspace who reads the round's follow-up, as for the round's
// overview); anonymous visitors are sent to log in. By default only accepted organisation reports; `utkast=1` adds the
// others, marked. Ids that are not the plan's goals or the workspace's organisations are ignored; malformed ids → 404.
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { formFlag, formList, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { CompiledReportPage } from "../../pages/internal/follow-up/compiled-report-page.tsx";
import { Forbidden } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { findRound } from "../../../queries/organisation-report.ts";
import { collectCompiledReport, compiledFileName } from "../../../reports/compiled/collect.ts";
import { portable } from "../../../reports/render-worker/jobs.ts";
import { renderPool } from "../../../reports/render-worker/pool.ts";
import { DOCUMENT_MEDIA_TYPES } from "../../../reports/media-types.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const roundParams = z.object({ ws: slugSchema, plan: slugSchema, round: slugSchema });
const reportQuery = z.object({
  mal: z.preprocess((v) => (v === "" ? [] : v), formList.pipe(z.array(uuidSchema))),
  organisation: z.preprocess((v) => (v === "" ? [] : v), formList.pipe(z.array(uuidSchema))),
  utkast: formFlag,
  sprak: z.enum(["sv", "en"]).optional(),
  format: z.enum(["html", "docx", "pdf"]).optional(),
});


export function registerCompiledReportRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  app.get("/:ws/planer/:plan/uppfoljning/:round/rapport", async (request, reply) => {
    const p = parseParams(roundParams, request.params);
    const query = parseParams(reportQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!can(viewer, "read", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    const round = await findRound(db(), plan.id, p.round);
    const ctx = pageContext(request, reply);
    const language = query.sprak ?? ctx.locale;
    const choice = { goalIds: query.mal, organisationIds: query.organisation, includeDrafts: query.utkast, language };
    const report = await collectCompiledReport(db(), {
      workspace, plan, round, viewer,
      options: { goalIds: choice.goalIds, organisationIds: choice.organisationIds, includeDrafts: choice.includeDrafts, locale: language },
    });
    if (query.format === "docx" || query.format === "pdf") {
      // Built in a worker thread: a large report takes seconds, and the server keeps answering others meanwhile.
      const body = await renderPool().render(query.format === "docx" ? "compiled-docx" : "compiled-pdf", portable(report));
      const filename = compiledFileName(report, query.format);
      return reply
        .code(200)
        .type(DOCUMENT_MEDIA_TYPES[query.format])
        .header("cache-control", "private, no-store")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(body);
    }
    const path = request.url.split("?")[0]!;
    return sendPage(reply, h(CompiledReportPage, { ctx, workspace, plan, round, report, choice, path }));
  });
}
