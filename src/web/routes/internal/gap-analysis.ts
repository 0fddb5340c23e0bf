// The gap analysis page and its CSV (helper E).
//   GET /:ws/planer/:plan/analys[?uppfoljning=<round slug>]
//   GET /:ws/planer/:plan/analys.csv[?uppfoljning=<round slug>&avgransare=semikolon&lang=en]
// Internal: everyone with a role in the workspace (workspace.readInternal and followUp.read). The round is the plan's
// latest that is not a draft unless chosen; a round that is not the plan's (or is a draft) → 404.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { slugSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { collectGapAnalysis, type GapAnalysis } from "../../../reports/gap-analysis/collect.ts";
import { toCsv } from "../../../reports/export/csv.ts";
import { GapAnalysisPage } from "../../pages/internal/reports/gap-analysis-page.tsx";
import { CSV_TYPE, csvDelimiter, fileLocale, sendFile } from "./exports.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
/** `uppfoljning`: a round's slug; absent or empty is the latest; malformed → 404. Other parameters are ignored. */
const gapQuery = z.object({ uppfoljning: z.preprocess((v) => (v === "" ? undefined : v), slugSchema.optional()) });

/** The gap analysis as CSV: one line per gap, with its section and an absolute link. */
export function gapAnalysisCsv(analysis: GapAnalysis, origin: string, locale: Locale, delimiter: "," | ";"): string {
  const t = translator(locale);
  const header = [t("gap.csv.section"), t("gap.csv.kind"), t("gap.csv.number"), t("gap.csv.name"), t("gap.csv.detail"), t("gap.csv.link")];
  const rows = analysis.sections.flatMap((section) =>
    section.lines.map((line) => [section.heading, line.kind, line.number, line.name, line.detail, `${origin}${line.href}`]),
  );
  return toCsv(header, rows, delimiter);
}

export function registerGapAnalysisRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function analysisFor(request: FastifyRequest, locale: Locale) {
    const p = parseParams(planParams, request.params);
    const query = parseParams(gapQuery, request.query ?? {});
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!can(viewer, "read", { type: "followUp", workspaceId: workspace.id })) throw new Forbidden();
    const analysis = await collectGapAnalysis(db(), workspace, plan, query.uppfoljning ?? null, locale);
    if (query.uppfoljning && !analysis.round) throw new NotFound("round");
    return analysis;
  }

  app.get("/:ws/planer/:plan/analys", async (request, reply) => {
    const ctx = pageContext(request, reply);
    const analysis = await analysisFor(request, ctx.locale);
    return sendPage(reply, h(GapAnalysisPage, { ctx, analysis }));
  });

  app.get("/:ws/planer/:plan/analys.csv", async (request, reply) => {
    const locale = fileLocale(request);
    const analysis = await analysisFor(request, locale);
    // Links in the file point at the installation's public address, as links in mail do.
    const origin = state.publicUrl.replace(/\/+$/, "");
    const name = `${analysis.plan.slug}-${translator(locale)("gap.csv.file")}${analysis.round ? `-${analysis.round.slug}` : ""}.csv`;
    return sendFile(reply, gapAnalysisCsv(analysis, origin, locale, csvDelimiter(request)), CSV_TYPE, name);
  });
}
