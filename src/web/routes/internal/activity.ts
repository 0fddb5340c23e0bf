// Editing an activity's texts and reading its history. Anonymous visitors are sent to log in; people without the
// right get 403 (or 404 when the plan is not theirs to see at all).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import { links } from "../../pages/public/links.ts";
import { ActivityEditPage } from "../../pages/internal/activity-edit-page.tsx";
import { HistoryPage } from "../../pages/internal/history-page.tsx";
import type { FieldErrors } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { Conflict, Forbidden, Invalid, LoginRequired, NotFound } from "../../../domain/errors.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import { can } from "../../../policies/can.ts";
import { findReadablePlan, findWorkspace } from "../../../queries/find-plan.ts";
import { activityForEdit, type ActivityRow } from "../../../queries/activity-for-edit.ts";
import { historyOf } from "../../../queries/history.ts";
import { updateActivity, type ActivityTexts } from "../../../commands/update-activity.ts";
import { isConfirmable } from "../../../commands/guard-texts.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const params = z.object({ ws: slug, plan: slug, id: z.uuid() });
const editForm = z.object({
  version: z.coerce.number().int().min(1).default(0),
  title: z.string().default(""),
  description: z.string().default(""),
  childRights: z.string().default(""),
  confirmPersonalData: z.literal("1").optional(),
});

function send(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(page));
}

function heading(ctx: PageContext, plan: Plan, activity: ActivityRow) {
  const label = vocabularyLabel(plan.vocabulary, "measure", ctx.locale);
  return activity.number ? `${label} ${activity.number}: ${activity.title}` : activity.title;
}

function crumbs(ctx: PageContext, workspace: Workspace, plan: Plan, activity: ActivityRow, current: string) {
  return [
    { label: workspace.name, href: `/#${workspace.slug}` },
    { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
    { label: heading(ctx, plan, activity), href: links.activity(workspace.slug, plan.slug, activity.id) },
    { label: current },
  ];
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: "activity.edit.titleLabel",
  description: "activity.edit.descriptionLabel",
  childRights: "activity.edit.childRightsLabel",
};

export function registerActivityEditing(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function load(request: FastifyRequest) {
    const p = params.safeParse(request.params);
    if (!p.success) throw new NotFound("page");
    if (!request.viewer) throw new LoginRequired();
    const workspace = await findWorkspace(db(), p.data.ws);
    const plan = await findReadablePlan(db(), workspace, p.data.plan, request.viewer);
    const found = await activityForEdit(db(), plan, p.data.id);
    return { workspace, plan, ...found };
  }

  app.get("/:ws/planer/:plan/aktiviteter/:id/redigera", async (request, reply) => {
    const { workspace, plan, activity, subject } = await load(request);
    if (!can(request.viewer, "update", subject)) throw new Forbidden();
    const ctx = pageContext(request, reply);
    return send(reply, h(ActivityEditPage, {
      ctx, crumbs: crumbs(ctx, workspace, plan, activity, ctx.t("activity.edit.crumb")), heading: heading(ctx, plan, activity),
      action: links.activityEdit(workspace.slug, plan.slug, activity.id), version: activity.version,
      values: { title: activity.title, description: activity.description, childRights: activity.childRights }, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/redigera", async (request, reply) => {
    const { workspace, plan, activity, subject } = await load(request);
    if (!can(request.viewer, "update", subject)) throw new Forbidden();
    const form = editForm.parse(request.body ?? {});
    const values: ActivityTexts = { title: form.title, description: form.description, childRights: form.childRights };
    const ctx = pageContext(request, reply);
    const page = (status: number, extra: { errors: FieldErrors; version: number; askConfirm: boolean; theirs?: ActivityTexts }) =>
      send(reply, h(ActivityEditPage, {
        ctx, crumbs: crumbs(ctx, workspace, plan, activity, ctx.t("activity.edit.crumb")), heading: heading(ctx, plan, activity),
        action: links.activityEdit(workspace.slug, plan.slug, activity.id), values, ...extra,
      }), status);
    try {
      await updateActivity(db(), request.viewer, plan, { activityId: activity.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData === "1" });
    } catch (error) {
      if (error instanceof Invalid) {
        const errors: FieldErrors = {};
        let askConfirm = false;
        for (const [field, problem] of Object.entries(error.fields)) {
          const message = ctx.t(problem.key as MessageKey, problem.params);
          if (problem.key.startsWith("personalData.") && isConfirmable(problem.key)) {
            askConfirm = true;
            errors[field] = message;
            errors.confirmPersonalData ??= ctx.t("personalData.confirmNeeded");
          } else errors[field] = message;
        }
        return page(400, { errors, version: form.version, askConfirm });
      }
      if (error instanceof Conflict) {
        const conflict = error as Conflict<ActivityTexts>;
        return page(409, { errors: { version: ctx.t("conflict.summary") }, version: conflict.currentVersion, askConfirm: false, theirs: conflict.current });
      }
      throw error;
    }
    state.cache.invalidate();
    return reply.redirect(links.activity(workspace.slug, plan.slug, activity.id), 303);
  });

  app.get("/:ws/planer/:plan/aktiviteter/:id/historik", async (request, reply) => {
    const { workspace, plan, activity, subject } = await load(request);
    if (!can(request.viewer, "readHistory", subject)) throw new NotFound("page");
    const ctx = pageContext(request, reply);
    const entries = await historyOf(db(), workspace.id, "activity", activity.id);
    return send(reply, h(HistoryPage, {
      ctx, crumbs: crumbs(ctx, workspace, plan, activity, ctx.t("history.crumb")), heading: heading(ctx, plan, activity), entries,
      fieldLabel: (field: string) => (FIELD_LABELS[field] ? ctx.t(FIELD_LABELS[field]) : field),
    }));
  });
}
