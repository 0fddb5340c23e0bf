// Import of a document into an organisation's action plan (issue 8):
//   GET  P/importera              the upload form (whose action plan, the file)
//   POST P/importera              read + recognise (multipart/form-data); identity numbers refuse it with the lines
//                                 shown; otherwise the draft is kept and the preview follows (303)
//   GET  P/importera/:id          the preview: goals to map, measures with what would happen, names to map or add
//   POST P/importera/:id          atgard=uppdatera saves the corrections and shows the preview again;
//                                 atgard=importera commits it in one transaction and goes to the action plan
// Multipart is parsed only for the upload, in its own plugin scope and before the CSRF check (the token comes before the
// file in the form), the file held in memory up to the import limit. Nothing is stored before the token, the right to
// write that organisation's action plan, the reading and the personal-data check have all passed.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { formFlag, formText, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { setFlash } from "../../forms/flash.ts";
import { fileUpload } from "../../forms/file-upload.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { formatNumber } from "../../i18n/index.ts";
import { IMPORT_FILE_FIELD, IMPORT_ORG_FIELD, ImportUploadPage, importLinks } from "../../pages/internal/import/upload-page.tsx";
import { ImportPreviewPage } from "../../pages/internal/import/preview-page.tsx";
import { goalField, includeField } from "../../pages/internal/import/preview-parts.tsx";
import { actionPlanLinks } from "../../pages/internal/action-plans/links.ts";
import * as s from "../../../db/schema/index.ts";
import { Conflict, Forbidden, NotFound } from "../../../domain/errors.ts";
import type { Viewer } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import { loadPlanGraph, type Plan, type Workspace } from "../../../queries/plan-graph.ts";
import { readAndRecognise } from "../../../import/read-and-recognise.ts";
import { MAX_IMPORT_BYTES } from "../../../import/readers/read-document.ts";
import type { StoredImport } from "../../../import/stored.ts";
import type { Corrections } from "../../../import/proposal/action-plan.ts";
import { ImportRefused, proposalFor } from "../../../import/commit/action-plan.ts";
import { createImportDraft } from "../../../commands/create-import-draft.ts";
import { updateImportCorrections } from "../../../commands/update-import-corrections.ts";
import { commitImportDraft } from "../../../commands/commit-import-draft.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const draftParams = planParams.extend({ id: uuidSchema });
const uploadQuery = z.object({ organisation: formText }).catch({ organisation: "" });

const upload = fileUpload(IMPORT_FILE_FIELD);

const megabytes = (ctx: PageContext) => `${formatNumber(Math.round(MAX_IMPORT_BYTES / 1024 / 1024), ctx.locale)} MB`;

export function registerImportRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** Organisations whose action plan in this plan the viewer may write: active, not external partners. */
  async function writable(viewer: Viewer, workspace: Workspace) {
    const all = await db().select().from(s.organisations).where(eq(s.organisations.workspaceId, workspace.id));
    return all
      .filter((o) => !o.archivedAt && o.type !== "external" && can(viewer, "update", { type: "actionPlan", workspaceId: workspace.id, organisationId: o.id }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv"))
      .map((o) => ({ id: o.id, name: o.name }));
  }

  const uploadPage = (ctx: PageContext, l: { workspace: Workspace; plan: Plan }, organisations: Array<{ id: string; name: string }>, chosen: string, errors: FieldErrors, refused?: Parameters<typeof ImportUploadPage>[0]["refused"]) =>
    h(ImportUploadPage, { ctx, workspace: l.workspace, plan: l.plan, organisations, chosen, maxWords: megabytes(ctx), errors, ...(refused ? { refused } : {}) });

  app.get("/:ws/planer/:plan/importera", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const l = await loadPlanInternal(db(), request, p.ws, p.plan);
    const organisations = await writable(l.viewer, l.workspace);
    const query = uploadQuery.parse(request.query ?? {});
    const chosen = organisations.some((o) => o.id === query.organisation) ? query.organisation : organisations.length === 1 ? organisations[0]!.id : "";
    return sendPage(reply, uploadPage(pageContext(request, reply), l, organisations, chosen, {}));
  });

  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: "keyValues",
      onFile: upload.onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    });

    scope.post("/:ws/planer/:plan/importera", async (request, reply) => {
      const p = parseParams(planParams, request.params);
      const l = await loadPlanInternal(db(), request, p.ws, p.plan);
      const ctx = pageContext(request, reply);
      const organisations = await writable(l.viewer, l.workspace);
      if (organisations.length === 0) throw new Forbidden();
      const body = z.object({ [IMPORT_ORG_FIELD]: formText }).parse(request.body ?? {});
      const chosen = body[IMPORT_ORG_FIELD];
      const file = upload.uploadOf(request);
      const errors: FieldErrors = {};
      if (!organisations.some((o) => o.id === chosen)) errors[IMPORT_ORG_FIELD] = ctx.t("import.organisationMissing");
      if (!file || (file.content.length === 0 && !file.filename)) errors[IMPORT_FILE_FIELD] = ctx.t("import.fileMissing");
      else if (file.truncated) errors[IMPORT_FILE_FIELD] = ctx.t("import.fileTooLarge", { max: megabytes(ctx) });
      if (Object.keys(errors).length > 0) return sendPage(reply, uploadPage(ctx, l, organisations, chosen, errors), 400);

      const graph = await loadPlanGraph(db(), l.workspace, l.plan, { includeUnaccepted: true });
      const result = await readAndRecognise(file!.content, file!.filename, graph, ctx.locale);
      if (!result.ok && result.reason === "personalData") return sendPage(reply, uploadPage(ctx, l, organisations, chosen, {}, result.lines), 422);
      if (!result.ok) return sendPage(reply, uploadPage(ctx, l, organisations, chosen, { [IMPORT_FILE_FIELD]: result.message }), 400);
      const created = await createImportDraft(db(), l.viewer, {
        workspaceId: l.workspace.id, planId: l.plan.id, organisationId: chosen, fileName: file!.filename.slice(0, 200) || "dokument", stored: result.stored,
      });
      return reply.redirect(importLinks.preview(l.workspace.slug, l.plan.slug, created.id), 303);
    });
  });

  /** The import named by the address, in this plan, for someone who may write its organisation's action plan. */
  async function loadDraft(request: FastifyRequest) {
    const p = parseParams(draftParams, request.params);
    const l = await loadPlanInternal(db(), request, p.ws, p.plan);
    const [row] = await db().select().from(s.importDrafts).where(and(eq(s.importDrafts.id, p.id), eq(s.importDrafts.planId, l.plan.id)));
    if (!row || !row.organisationId) throw new NotFound("import");
    if (!can(l.viewer, "update", { type: "actionPlan", workspaceId: l.workspace.id, organisationId: row.organisationId })) throw new Forbidden();
    return { ...l, row };
  }
  type LoadedDraft = Awaited<ReturnType<typeof loadDraft>>;

  async function previewPage(ctx: PageContext, d: LoadedDraft, corrections: Corrections, errors: FieldErrors) {
    const stored = d.row.draft as StoredImport;
    const proposal = await proposalFor(db(), { workspace: d.workspace, plan: d.plan, organisationId: d.row.organisationId!, draft: stored.draft, corrections });
    const [goals, taxonomies, organisations] = await Promise.all([
      db().select().from(s.goals).where(eq(s.goals.planId, d.plan.id)).orderBy(s.goals.position),
      db().select({ id: s.taxonomies.id }).from(s.taxonomies).where(eq(s.taxonomies.planId, d.plan.id)),
      db().select({ id: s.organisations.id, name: s.organisations.name, archivedAt: s.organisations.archivedAt }).from(s.organisations).where(eq(s.organisations.workspaceId, d.workspace.id)),
    ]);
    const taxonomyIds = new Set(taxonomies.map((x) => x.id));
    const terms = (await db().select().from(s.terms).where(eq(s.terms.workspaceId, d.workspace.id))).filter((x) => taxonomyIds.has(x.taxonomyId));
    const active = organisations.filter((o) => !o.archivedAt).sort((a, b) => a.name.localeCompare(b.name, "sv")).map((o) => ({ id: o.id, name: o.name }));
    return h(ImportPreviewPage, {
      ctx, workspace: d.workspace, plan: d.plan, importId: d.row.id, fileName: d.row.fileName,
      organisationName: organisations.find((o) => o.id === d.row.organisationId)?.name ?? "",
      stored, proposal, goals, terms, organisations: active, committed: d.row.committedAt !== null, version: d.row.version, errors,
    });
  }

  app.get("/:ws/planer/:plan/importera/:id", async (request, reply) => {
    const d = await loadDraft(request);
    return sendPage(reply, await previewPage(pageContext(request, reply), d, d.row.corrections as Corrections, {}));
  });

  app.post("/:ws/planer/:plan/importera/:id", async (request, reply) => {
    const d = await loadDraft(request);
    const ctx = pageContext(request, reply);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => formText.parse(form[name]);
    const stored = d.row.draft as StoredImport;
    // The corrections as the form gives them: every goal's choice, every name's choice, the measures left unticked.
    const corrections: Corrections = {
      goals: Object.fromEntries(stored.draft.goals.map((g) => [g.number, text(goalField(g.number))]).filter(([, id]) => id)),
      organisations: Object.fromEntries(
        Object.keys(form).filter((k) => /^namn-\d+$/.test(k)).map((k) => [text(`${k}-skrivet`), text(k)]).filter(([written, choice]) => written && choice),
      ),
      skip: stored.draft.measures.map((_, i) => i).filter((i) => !formFlag.parse(form[includeField(i)])),
    };
    const version = Number(text("version"));
    if (version !== d.row.version) return sendPage(reply, await previewPage(ctx, d, corrections, { version: ctx.t("conflict.summary") }), 409);
    try {
      if (text("atgard") !== "importera") {
        await updateImportCorrections(db(), d.viewer, { id: d.row.id, corrections });
        return reply.redirect(importLinks.preview(d.workspace.slug, d.plan.slug, d.row.id), 303);
      }
      const result = await commitImportDraft(db(), d.viewer, { id: d.row.id, workspace: d.workspace, plan: d.plan, corrections, confirmedPersonalData: formFlag.parse(form.confirmPersonalData) });
      state.cache.invalidate();
      setFlash(reply, "import.done", { created: result.created, updated: result.updated });
      const [organisation] = await db().select({ slug: s.organisations.slug }).from(s.organisations).where(eq(s.organisations.id, d.row.organisationId!));
      return reply.redirect(actionPlanLinks.page(d.workspace.slug, d.plan.slug, organisation!.slug), 303);
    } catch (error) {
      if (error instanceof ImportRefused) {
        const message = ctx.t(error.problem.key as never, error.problem.params as never);
        const shown = error.measure ? ctx.t("import.refusedMeasure", { measure: error.measure.label, problem: message }) : ctx.t("import.refusedWhole", { problem: message });
        return sendPage(reply, await previewPage(ctx, d, corrections, { [error.measure ? includeField(error.measure.index) : "atgard"]: shown }), 400);
      }
      if (error instanceof Conflict) return sendPage(reply, await previewPage(ctx, d, corrections, { version: ctx.t("conflict.summary") }), 409);
      throw error;
    }
  });
}
