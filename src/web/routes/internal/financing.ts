// An activity's financing: add a row, edit it, remove it. The right is the right to write the activity.
//   GET/POST /:ws/planer/:plan/aktiviteter/:id/finansiering/ny
//   GET/POST /:ws/planer/:plan/aktiviteter/:id/finansiering/:fid
//   POST     /:ws/planer/:plan/aktiviteter/:id/finansiering/:fid/ta-bort
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { FinancingPage, type FinancingPageProps } from "../../pages/internal/financing/financing-page.tsx";
import { formLinks } from "../../pages/internal/activity-form-parts.tsx";
import { confirmPersonalData, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { Forbidden, NotFound, type Conflict } from "../../../domain/errors.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { activityForEdit } from "../../../queries/activity-for-edit.ts";
import { createFinancing } from "../../../commands/create-financing.ts";
import { financingFields, updateFinancing } from "../../../commands/update-financing.ts";
import { removeFinancing } from "../../../commands/remove-financing.ts";
import type { FinancingFields } from "../../../commands/support/financing-input.ts";
import { activityHeading } from "./activity.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const activityParams = z.object({ ws: slugSchema, plan: slugSchema, id: uuidSchema });
const financingParams = activityParams.extend({ fid: uuidSchema });
const backQuery = z.object({ tillbaka: z.string().max(2000).optional() });
const financingForm = z.object({
  version: formVersion,
  tillbaka: formText,
  source: formText,
  appliedOn: formText,
  amountApplied: formText,
  decision: formText,
  decidedOn: formText,
  amountGranted: formText,
  note: formText,
  confirmPersonalData,
});
const removeForm = z.object({ version: formVersion, tillbaka: formText });

function parseFinancingBody(body: unknown) {
  const form = financingForm.parse(body ?? {});
  const { version, tillbaka, confirmPersonalData: confirmed, ...fields } = form;
  return { fields: fields as FinancingFields, version, back: tillbaka, confirmed };
}

export function registerFinancingRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The activity (not archived) and the right to write it. */
  async function loadActivity(request: FastifyRequest, p: { ws: string; plan: string; id: string }) {
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const { activity, subject } = await activityForEdit(db(), plan, p.id);
    if (activity.archivedAt) throw new NotFound("activity");
    if (!can(viewer, "update", subject)) throw new Forbidden();
    const editPage = `${links.activityEdit(workspace.slug, plan.slug, activity.id)}#financing`;
    return { viewer, workspace, plan, activity, editPage };
  }
  type Loaded = Awaited<ReturnType<typeof loadActivity>>;

  async function loadFinancing(request: FastifyRequest) {
    const p = parseParams(financingParams, request.params);
    const l = await loadActivity(request, p);
    const [financing] = await db().select().from(s.financings).where(and(eq(s.financings.id, p.fid), eq(s.financings.activityId, l.activity.id)));
    if (!financing) throw new NotFound("financing");
    return { ...l, financing };
  }

  function crumbs(ctx: PageContext, l: Loaded) {
    return [
      { label: l.workspace.name, href: `/#${l.workspace.slug}` },
      { label: l.plan.name, href: links.plan(l.workspace.slug, l.plan.slug) },
      { label: activityHeading(ctx, l.plan, l.activity), href: l.editPage },
      { label: ctx.t("financing.crumb") },
    ];
  }

  function page(ctx: PageContext, l: Loaded, extra: Omit<FinancingPageProps, "ctx" | "crumbs">) {
    return h(FinancingPage, { ctx, crumbs: crumbs(ctx, l), ...extra });
  }

  const empty: FinancingFields = { source: "", appliedOn: "", amountApplied: "", decision: "pending", decidedOn: "", amountGranted: "", note: "" };

  app.get("/:ws/planer/:plan/aktiviteter/:id/finansiering/ny", async (request, reply) => {
    const l = await loadActivity(request, parseParams(activityParams, request.params));
    const query = parseParams(backQuery, request.query);
    const ctx = pageContext(request, reply);
    return sendPage(reply, page(ctx, l, {
      heading: ctx.t("financing.newTitle", { name: activityHeading(ctx, l.plan, l.activity) }), action: ctx.path, version: 0,
      back: safeReturnPath(query.tillbaka, l.editPage), values: empty, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/finansiering/ny", async (request, reply) => {
    const l = await loadActivity(request, parseParams(activityParams, request.params));
    const form = parseFinancingBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, l.editPage);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createFinancing(db(), l.viewer, { ...form.fields, planId: l.plan.id, activityId: l.activity.id, confirmedPersonalData: form.confirmed }),
      redirect: () => back,
      invalid: (problems) => page(ctx, l, {
        heading: ctx.t("financing.newTitle", { name: activityHeading(ctx, l.plan, l.activity) }), action: ctx.path, version: 0, back, values: form.fields, ...problems,
      }),
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/planer/:plan/aktiviteter/:id/finansiering/:fid", async (request, reply) => {
    const l = await loadFinancing(request);
    const query = parseParams(backQuery, request.query);
    const ctx = pageContext(request, reply);
    const { workspace: ws, plan, activity, financing } = l;
    return sendPage(reply, page(ctx, l, {
      heading: ctx.t("financing.editTitle", { source: financing.source }), action: formLinks.financing(ws.slug, plan.slug, activity.id, financing.id),
      version: financing.version, back: safeReturnPath(query.tillbaka, l.editPage), values: financingFields(financing), errors: {}, askConfirm: false,
      removeAction: formLinks.financingRemove(ws.slug, plan.slug, activity.id, financing.id),
    }));
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/finansiering/:fid", async (request, reply) => {
    const l = await loadFinancing(request);
    const form = parseFinancingBody(request.body);
    const ctx = pageContext(request, reply);
    const { workspace: ws, plan, activity, financing } = l;
    const back = safeReturnPath(form.back, l.editPage);
    const base = {
      heading: ctx.t("financing.editTitle", { source: financing.source }), action: formLinks.financing(ws.slug, plan.slug, activity.id, financing.id), back,
      values: form.fields, removeAction: formLinks.financingRemove(ws.slug, plan.slug, activity.id, financing.id),
    };
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateFinancing(db(), l.viewer, {
        ...form.fields, planId: plan.id, activityId: activity.id, financingId: financing.id, version: form.version, confirmedPersonalData: form.confirmed,
      }),
      redirect: () => back,
      invalid: (problems) => page(ctx, l, { ...base, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<FinancingFields>;
        return page(ctx, l, { ...base, version: c.currentVersion, ...problems, theirs: c.current });
      },
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/finansiering/:fid/ta-bort", async (request, reply) => {
    const l = await loadFinancing(request);
    const form = removeForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const { workspace: ws, plan, activity, financing } = l;
    const back = safeReturnPath(form.tillbaka, l.editPage);
    // Going back to the removed row's own page would end on a missing page.
    const target = back.includes(financing.id) ? l.editPage : back;
    const again = (problems: { errors: Record<string, string>; askConfirm: boolean }, version: number) =>
      page(ctx, l, {
        heading: ctx.t("financing.editTitle", { source: financing.source }), action: formLinks.financing(ws.slug, plan.slug, activity.id, financing.id),
        version, back: l.editPage, values: financingFields(financing), ...problems,
        removeAction: formLinks.financingRemove(ws.slug, plan.slug, activity.id, financing.id),
      });
    return submitForm({
      ctx, reply, flash: "financing.removed",
      run: () => removeFinancing(db(), l.viewer, { planId: plan.id, activityId: activity.id, financingId: financing.id, version: form.version }),
      redirect: () => target,
      invalid: (problems) => again(problems, financing.version),
      conflict: (conflict, problems) => again(problems, conflict.currentVersion),
      after: () => state.cache.invalidate(),
    });
  });
}
