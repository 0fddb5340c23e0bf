// Creating a workspace (system administrators), a workspace's management page and creating a plan (administrators
// and coordinators of the workspace).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../../app-state.ts";
import { pageContext, type PageContext } from "../../../context.ts";
import { sendPage } from "../../../forms/send-page.ts";
import { submitForm } from "../../../forms/submit.ts";
import { safeReturnPath } from "../../../forms/return-to.ts";
import { confirmPersonalData, formText, slugSchema } from "../../../forms/form-schemas.ts";
import type { FieldErrors, Option } from "../../../components/form.tsx";
import { WorkspaceNewPage, type WorkspaceFormValues } from "../../../pages/internal/plan-structure/workspace-new-page.tsx";
import { WorkspaceManagePage } from "../../../pages/internal/plan-structure/workspace-manage-page.tsx";
import { PlanFormPage, type PlanFormValues } from "../../../pages/internal/plan-structure/plan-form-page.tsx";
import { psLinks } from "../../../pages/internal/plan-structure/links.ts";
import { Forbidden } from "../../../../domain/errors.ts";
import type { Viewer } from "../../../../domain/roles.ts";
import { can } from "../../../../policies/can.ts";
import { createWorkspace } from "../../../../commands/create-workspace.ts";
import { createPlan } from "../../../../commands/create-plan.ts";
import { organisations, plans } from "../../../../db/schema/index.ts";
import type { Db } from "../../../../db/client.ts";
import type { Workspace } from "../../../../queries/plan-graph.ts";
import { loadWorkspaceInternal, parseParams, requireViewer } from "../load.ts";
import { planFormBody } from "./forms.ts";

const wsParams = z.object({ ws: slugSchema });
const workspaceBody = z.object({ name: formText, slug: formText, defaultLocale: formText, confirmPersonalData });

/** Organisations a plan may name as coordinating: the workspace's, not archived (plus one already chosen). */
export async function organisationOptions(db: Db, workspaceId: string, keepId?: string | null) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, archivedAt: organisations.archivedAt })
    .from(organisations)
    .where(eq(organisations.workspaceId, workspaceId))
    .orderBy(asc(organisations.position), asc(organisations.name));
  return rows.filter((o) => !o.archivedAt || o.id === keepId).map((o) => ({ value: o.id, label: o.name }));
}

export function registerWorkspaceRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  function systemAdmin(request: FastifyRequest): Viewer {
    const viewer = requireViewer(request);
    if (!viewer.systemAdmin) throw new Forbidden();
    return viewer;
  }

  const workspacePage = (ctx: PageContext, values: WorkspaceFormValues, errors: FieldErrors, askConfirm: boolean) =>
    h(WorkspaceNewPage, { ctx, values, errors, askConfirm });

  app.get("/arbetsytor/ny", async (request, reply) => {
    systemAdmin(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, workspacePage(ctx, { name: "", slug: "", defaultLocale: "sv" }, {}, false));
  });

  app.post("/arbetsytor/ny", async (request, reply) => {
    const viewer = systemAdmin(request);
    const form = workspaceBody.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const values = { name: form.name, slug: form.slug, defaultLocale: form.defaultLocale };
    return submitForm({
      ctx, reply,
      run: () => createWorkspace(db(), viewer, { ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (created) => psLinks.manage(created.slug),
      flash: "ps.workspace.created",
      invalid: ({ errors, askConfirm }) => workspacePage(ctx, values, errors, askConfirm),
      after: () => state.cache.invalidate(),
    });
  });

  /** The workspace, once the viewer may manage it (administrators and coordinators). */
  async function managed(request: FastifyRequest): Promise<{ viewer: Viewer; workspace: Workspace }> {
    const { ws } = parseParams(wsParams, request.params);
    const loaded = await loadWorkspaceInternal(db(), request, ws);
    if (!can(loaded.viewer, "createPlan", { type: "workspace", workspaceId: loaded.workspace.id })) throw new Forbidden();
    return loaded;
  }

  app.get("/:ws/hantera", async (request, reply) => {
    const { viewer, workspace } = await managed(request);
    const [planRows, [orgCount]] = await Promise.all([
      db().select().from(plans).where(and(eq(plans.workspaceId, workspace.id), isNull(plans.archivedAt))).orderBy(asc(plans.periodStart), asc(plans.name)),
      db().select({ n: count() }).from(organisations).where(and(eq(organisations.workspaceId, workspace.id), isNull(organisations.archivedAt))),
    ]);
    const ctx = pageContext(request, reply);
    return sendPage(
      reply,
      h(WorkspaceManagePage, {
        ctx, workspace, plans: planRows, organisationCount: Number(orgCount?.n ?? 0),
        mayInvite: can(viewer, "administerPeople", { type: "workspace", workspaceId: workspace.id }),
      }),
    );
  });

  const EMPTY_PLAN: PlanFormValues = {
    name: "", slug: "", periodStart: "", periodEnd: "", vision: "", introduction: "", adoptedBy: "", adoptedOn: "", coordinatingOrganisationId: "",
    followUpEveryMonths: "12", dialogueEveryMonths: "24", published: false, boardSplitTaxonomyId: "",
  };

  function newPlanPage(ctx: PageContext, workspace: Workspace, options: Option[], back: string, values: PlanFormValues, errors: FieldErrors, askConfirm: boolean) {
    const title = ctx.t("ps.planNew.title");
    return h(PlanFormPage, {
      ctx, mode: "new", title, action: psLinks.newPlan(workspace.slug), back, values, errors, askConfirm,
      crumbs: [{ label: workspace.name, href: psLinks.manage(workspace.slug) }, { label: title }],
      organisations: options, taxonomies: [],
    });
  }

  app.get("/:ws/planer/ny", async (request, reply) => {
    const { workspace } = await managed(request);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath((request.query as Record<string, unknown> | undefined)?.tillbaka, psLinks.manage(workspace.slug));
    return sendPage(reply, newPlanPage(ctx, workspace, await organisationOptions(db(), workspace.id), back, EMPTY_PLAN, {}, false));
  });

  app.post("/:ws/planer/ny", async (request, reply) => {
    const { viewer, workspace } = await managed(request);
    const form = planFormBody.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, psLinks.manage(workspace.slug));
    const ctx = pageContext(request, reply);
    const values: PlanFormValues = { ...EMPTY_PLAN, ...form, published: false, boardSplitTaxonomyId: "" };
    const options = await organisationOptions(db(), workspace.id);
    return submitForm({
      ctx, reply,
      run: () => createPlan(db(), viewer, { ...form, workspaceId: workspace.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (created) => psLinks.hub(workspace.slug, created.slug),
      flash: "ps.plan.created",
      invalid: ({ errors, askConfirm }) => newPlanPage(ctx, workspace, options, back, values, errors, askConfirm),
      after: () => state.cache.invalidate(),
    });
  });
}
