// A plan's follow-up statuses: the list, new, edit, move up/down, archive and bring back (administrators and
// coordinators). Moving and archiving answer with the list again, scrolled to the row that changed.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../../app-state.ts";
import { pageContext, type PageContext } from "../../../context.ts";
import { sendPage } from "../../../forms/send-page.ts";
import { submitForm } from "../../../forms/submit.ts";
import { safeReturnPath } from "../../../forms/return-to.ts";
import { formVersion, moveDirection, slugSchema } from "../../../forms/form-schemas.ts";
import type { FieldErrors } from "../../../components/form.tsx";
import { StatusesPage, statusRowId } from "../../../pages/internal/plan-structure/statuses-page.tsx";
import { StatusFormPage } from "../../../pages/internal/plan-structure/status-form-page.tsx";
import { psLinks } from "../../../pages/internal/plan-structure/links.ts";
import { planCrumbs } from "../../../pages/internal/plan-structure/parts.tsx";
import { followUpStatuses } from "../../../../db/schema/index.ts";
import type { Db } from "../../../../db/client.ts";
import { Invalid, NotFound } from "../../../../domain/errors.ts";
import type { Plan, Status, Workspace } from "../../../../queries/plan-graph.ts";
import type { StatusValues } from "../../../../commands/support/plan-structure.ts";
import { createStatus } from "../../../../commands/create-status.ts";
import { statusValuesOf, updateStatus } from "../../../../commands/update-status.ts";
import { moveStatus } from "../../../../commands/move-status.ts";
import { archiveStatus } from "../../../../commands/archive-status.ts";
import { loadPlanForShaping, parseParams } from "../load.ts";
import { statusBody } from "./forms.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const statusParams = planParams.extend({ id: z.uuid() });
const moveBody = z.object({ direction: moveDirection.optional().catch(undefined) });
const versionBody = z.object({ version: formVersion });

async function statusesOf(db: Db, planId: string): Promise<Status[]> {
  return db.select().from(followUpStatuses).where(eq(followUpStatuses.planId, planId)).orderBy(asc(followUpStatuses.position), asc(followUpStatuses.createdAt));
}

const NEW_STATUS: StatusValues = { name: "", nameEn: "", colour: "#0072b2", meaning: "started", phase: "ongoing" };

export function registerStatusRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function shaping(request: FastifyRequest) {
    const { ws, plan } = parseParams(planParams, request.params);
    return loadPlanForShaping(db(), request, ws, plan);
  }

  /** The status of this plan named in the address; another plan's status is not found here. */
  async function shapingStatus(request: FastifyRequest) {
    const { ws, plan: planSlug, id } = parseParams(statusParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, ws, planSlug);
    const [status] = await db().select().from(followUpStatuses).where(eq(followUpStatuses.id, id));
    if (!status || status.planId !== loaded.plan.id) throw new NotFound("status");
    return { ...loaded, status };
  }

  const listUrl = (workspace: Workspace, plan: Plan) => psLinks.statuses(workspace.slug, plan.slug);

  function listPage(ctx: PageContext, workspace: Workspace, plan: Plan, all: Status[], errors: FieldErrors) {
    const ws = workspace.slug;
    return h(StatusesPage, {
      ctx, crumbs: planCrumbs(workspace, plan, { label: ctx.t("ps.statuses.crumb") }), errors,
      statuses: all.filter((s) => !s.archivedAt), archived: all.filter((s) => s.archivedAt),
      links: {
        self: listUrl(workspace, plan), create: psLinks.newStatus(ws, plan.slug), edit: (id) => psLinks.status(ws, plan.slug, id),
        move: (id) => psLinks.moveStatus(ws, plan.slug, id), archive: (id) => psLinks.archiveStatus(ws, plan.slug, id),
        restore: (id) => psLinks.restoreStatus(ws, plan.slug, id),
      },
    });
  }

  app.get("/:ws/planer/:plan/hantera/statusar", async (request, reply) => {
    const { workspace, plan } = await shaping(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, listPage(ctx, workspace, plan, await statusesOf(db(), plan.id), {}));
  });

  // New
  const formPage = (
    ctx: PageContext, workspace: Workspace, plan: Plan,
    extra: { title: string; action: string; back: string; version?: number; statusKey?: string; values: StatusValues; errors: FieldErrors; askConfirm: boolean; theirs?: StatusValues },
  ) =>
    h(StatusFormPage, {
      ctx, crumbs: planCrumbs(workspace, plan, { label: ctx.t("ps.statuses.crumb"), href: listUrl(workspace, plan) }, { label: extra.title }), ...extra,
    });

  app.get("/:ws/planer/:plan/hantera/statusar/ny", async (request, reply) => {
    const { workspace, plan } = await shaping(request);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath((request.query as Record<string, unknown> | undefined)?.tillbaka, listUrl(workspace, plan));
    return sendPage(reply, formPage(ctx, workspace, plan, {
      title: ctx.t("ps.status.newTitle"), action: psLinks.newStatus(workspace.slug, plan.slug), back, values: NEW_STATUS, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/hantera/statusar/ny", async (request, reply) => {
    const { viewer, workspace, plan } = await shaping(request);
    const form = statusBody.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, listUrl(workspace, plan));
    const ctx = pageContext(request, reply);
    const values: StatusValues = { name: form.name, nameEn: form.nameEn, colour: form.colour, meaning: form.meaning, phase: form.phase };
    return submitForm({
      ctx, reply,
      run: () => createStatus(db(), viewer, { ...values, planId: plan.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (created) => `${back}#${statusRowId(created.id)}`,
      flash: "form.created",
      invalid: ({ errors, askConfirm }) =>
        formPage(ctx, workspace, plan, { title: ctx.t("ps.status.newTitle"), action: psLinks.newStatus(workspace.slug, plan.slug), back, values, errors, askConfirm }),
      after: () => state.cache.invalidate(),
    });
  });

  // Edit
  app.get("/:ws/planer/:plan/hantera/statusar/:id", async (request, reply) => {
    const { workspace, plan, status } = await shapingStatus(request);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath((request.query as Record<string, unknown> | undefined)?.tillbaka, listUrl(workspace, plan));
    return sendPage(reply, formPage(ctx, workspace, plan, {
      title: ctx.t("ps.status.editTitle", { name: status.name }), action: psLinks.status(workspace.slug, plan.slug, status.id), back,
      version: status.version, statusKey: status.key, values: statusValuesOf(status), errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/hantera/statusar/:id", async (request, reply) => {
    const { viewer, workspace, plan, status } = await shapingStatus(request);
    const form = statusBody.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, listUrl(workspace, plan));
    const ctx = pageContext(request, reply);
    const values: StatusValues = { name: form.name, nameEn: form.nameEn, colour: form.colour, meaning: form.meaning, phase: form.phase };
    const common = {
      title: ctx.t("ps.status.editTitle", { name: status.name }), action: psLinks.status(workspace.slug, plan.slug, status.id), back, statusKey: status.key, values,
    };
    return submitForm({
      ctx, reply,
      run: () => updateStatus(db(), viewer, { ...values, planId: plan.id, statusId: status.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => (back === listUrl(workspace, plan) ? `${back}#${statusRowId(status.id)}` : back),
      flash: "form.saved",
      invalid: ({ errors, askConfirm }) => formPage(ctx, workspace, plan, { ...common, version: form.version, errors, askConfirm }),
      conflict: (conflict, { errors }) =>
        formPage(ctx, workspace, plan, { ...common, version: conflict.currentVersion, errors, askConfirm: false, theirs: conflict.current as StatusValues }),
      after: () => state.cache.invalidate(),
    });
  });

  // Move, archive, restore: small forms on the list. A refusal shows the list as it is now (read before the command,
  // after any other person's change), with the problem at the row.
  app.post("/:ws/planer/:plan/hantera/statusar/:id/flytta", async (request, reply) => {
    const { viewer, workspace, plan, status } = await shapingStatus(request);
    const { direction } = moveBody.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const all = await statusesOf(db(), plan.id);
    return submitForm({
      ctx, reply,
      run: async () => {
        if (!direction) throw new Invalid({ [statusRowId(status.id)]: { key: "form.unknownChoice" } });
        return moveStatus(db(), viewer, { planId: plan.id, statusId: status.id, direction });
      },
      redirect: () => `${listUrl(workspace, plan)}#${statusRowId(status.id)}`,
      flash: "form.moved",
      invalid: ({ errors }) => listPage(ctx, workspace, plan, all, errors),
      after: () => state.cache.invalidate(),
    });
  });

  for (const [suffix, archived] of [["arkivera", true], ["aterstall", false]] as const) {
    app.post(`/:ws/planer/:plan/hantera/statusar/:id/${suffix}`, async (request, reply) => {
      const { viewer, workspace, plan, status } = await shapingStatus(request);
      const { version } = versionBody.parse(request.body ?? {});
      const ctx = pageContext(request, reply);
      const all = await statusesOf(db(), plan.id);
      return submitForm({
        ctx, reply,
        run: () => archiveStatus(db(), viewer, { planId: plan.id, statusId: status.id, version, archived }),
        redirect: () => `${listUrl(workspace, plan)}#${statusRowId(status.id)}`,
        flash: archived ? "form.archived" : "form.restored",
        invalid: ({ errors }) => listPage(ctx, workspace, plan, all, errors),
        conflict: () => listPage(ctx, workspace, plan, all, { [statusRowId(status.id)]: ctx.t("ps.statuses.changed") }),
        after: () => state.cache.invalidate(),
      });
    });
  }
}
