// An organisation's documents as Word or PDF (src/reports/organisation):
//   GET /:ws/planer/:plan/handlingsplaner/:org/dokument?format=docx|pdf[&sprak=sv|en]          its action plan
//   GET /:ws/planer/:plan/uppfoljning/:round/:org/dokument?format=docx|pdf[&sprak=sv|en]       its follow-up report
// Whoever reads the action plan page or the organisation's report page reads its document; anonymous visitors are
// sent to log in. Rendered in a render worker, so a long document does not hold up other requests.
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { slugSchema } from "../../forms/form-schemas.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { findRound } from "../../../queries/organisation-report.ts";
import { collectActionPlanDocument } from "../../../reports/organisation/action-plan-document.ts";
import { collectFollowUpDocument } from "../../../reports/organisation/follow-up-document.ts";
import type { OutlineDocument } from "../../../reports/organisation/outline.ts";
import { renderPool } from "../../../reports/render-worker/pool.ts";
import { DOCUMENT_MEDIA_TYPES } from "../../../reports/media-types.ts";
import { actionPlanOf, organisationBySlug } from "./action-plan-data.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const actionPlanParams = z.object({ ws: slugSchema, plan: slugSchema, org: slugSchema });
const followUpParams = actionPlanParams.extend({ round: slugSchema });
const documentQuery = z.object({ format: z.enum(["docx", "pdf"]).default("pdf"), sprak: z.enum(["sv", "en"]).optional() });


async function sendDocument(reply: FastifyReply, document: OutlineDocument, format: "docx" | "pdf") {
  const body = await renderPool().render(format === "docx" ? "organisation-docx" : "organisation-pdf", document);
  return reply
    .code(200)
    .type(DOCUMENT_MEDIA_TYPES[format])
    .header("cache-control", "private, no-store")
    .header("content-disposition", `attachment; filename="${document.fileStem}.${format}"`)
    .send(body);
}

export function registerOrganisationDocumentRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  app.get("/:ws/planer/:plan/handlingsplaner/:org/dokument", async (request, reply) => {
    const p = parseParams(actionPlanParams, request.params);
    const query = parseParams(documentQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const { organisation, actionPlan } = await actionPlanOf(db(), plan, p.org);
    if (!can(viewer, "read", { type: "actionPlan", workspaceId: workspace.id, organisationId: organisation.id })) throw new NotFound("page");
    const locale = query.sprak ?? pageContext(request, reply).locale;
    const document = await collectActionPlanDocument(db(), { workspace, plan, organisation, actionPlan, locale });
    return sendDocument(reply, document, query.format);
  });

  app.get("/:ws/planer/:plan/uppfoljning/:round/:org/dokument", async (request, reply) => {
    const p = parseParams(followUpParams, request.params);
    const query = parseParams(documentQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const round = await findRound(db(), plan.id, p.round);
    const organisation = await organisationBySlug(db(), workspace.id, p.org);
    if (!can(viewer, "read", { type: "followUp", workspaceId: workspace.id, organisationId: organisation.id })) throw new Forbidden();
    const locale = query.sprak ?? pageContext(request, reply).locale;
    const document = await collectFollowUpDocument(db(), { workspace, plan, round, organisation, locale });
    return sendDocument(reply, document, query.format);
  });
}
