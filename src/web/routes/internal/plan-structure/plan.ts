// A plan's management hub, its details form and its vocabulary form (administrators and coordinators).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, count, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../../app-state.ts";
import { pageContext, type PageContext } from "../../../context.ts";
import { sendPage } from "../../../forms/send-page.ts";
import { submitForm } from "../../../forms/submit.ts";
import { safeReturnPath } from "../../../forms/return-to.ts";
import { slugSchema } from "../../../forms/form-schemas.ts";
import type { FieldErrors, Option } from "../../../components/form.tsx";
import { PlanHubPage } from "../../../pages/internal/plan-structure/plan-hub-page.tsx";
import { PlanFormPage, type PlanFormValues } from "../../../pages/internal/plan-structure/plan-form-page.tsx";
import { VocabularyPage } from "../../../pages/internal/plan-structure/vocabulary-page.tsx";
import { psLinks } from "../../../pages/internal/plan-structure/links.ts";
import { planCrumbs } from "../../../pages/internal/plan-structure/parts.tsx";
import { actionPlans, followUpStatuses, goals, organisations, taxonomies } from "../../../../db/schema/index.ts";
import type { Db } from "../../../../db/client.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { planDetailsOf, updatePlan, type PlanDetailsValues } from "../../../../commands/update-plan.ts";
import { updatePlanVocabulary, vocabularyValuesOf, type VocabularyValues } from "../../../../commands/update-plan-vocabulary.ts";
import { loadPlanForShaping, parseParams } from "../load.ts";
import { planFormBody, vocabularyBody } from "./forms.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });

async function countOf(_db: Db, rows: Promise<Array<{ n: number }>>): Promise<number> {
  const [row] = await rows;
  return Number(row?.n ?? 0);
}

/** How far the plan has come: what the hub's checklist counts. */
async function planCounts(db: Db, workspace: Workspace, plan: Plan) {
  const [orgs, goalCount, taxonomyCount, statusCount, actionPlanCount] = await Promise.all([
    countOf(db, db.select({ n: count() }).from(organisations).where(and(eq(organisations.workspaceId, workspace.id), isNull(organisations.archivedAt)))),
    countOf(db, db.select({ n: count() }).from(goals).where(and(eq(goals.planId, plan.id), isNull(goals.archivedAt)))),
    countOf(db, db.select({ n: count() }).from(taxonomies).where(and(eq(taxonomies.planId, plan.id), isNull(taxonomies.archivedAt)))),
    countOf(db, db.select({ n: count() }).from(followUpStatuses).where(and(eq(followUpStatuses.planId, plan.id), isNull(followUpStatuses.archivedAt)))),
    countOf(db, db.select({ n: count() }).from(actionPlans).where(and(eq(actionPlans.planId, plan.id), isNull(actionPlans.archivedAt)))),
  ]);
  return { organisations: orgs, goals: goalCount, taxonomies: taxonomyCount, statuses: statusCount, actionPlans: actionPlanCount };
}

/** Organisations or taxonomies as choices in their order, with whether each is archived. */
async function choicesOf(db: Db, table: typeof organisations | typeof taxonomies, where: SQL): Promise<Array<Option & { archived: boolean }>> {
  const rows = await db
    .select({ id: table.id, name: table.name, archivedAt: table.archivedAt })
    .from(table)
    .where(where)
    .orderBy(asc(table.position), asc(table.name));
  return rows.map((r) => ({ value: r.id, label: r.name, archived: r.archivedAt !== null }));
}

const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

export function registerPlanRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function shaping(request: FastifyRequest) {
    const { ws, plan } = parseParams(planParams, request.params);
    return loadPlanForShaping(db(), request, ws, plan);
  }

  app.get("/:ws/planer/:plan/hantera", async (request, reply) => {
    const { workspace, plan } = await shaping(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, h(PlanHubPage, { ctx, workspace, plan, counts: await planCounts(db(), workspace, plan) }));
  });

  // Details
  const detailsValues = (plan: Plan, values: PlanDetailsValues): PlanFormValues => ({ ...values, slug: plan.slug });

  /** Everything the details form offers; archived choices only where the plan (or the other person's save) still has them. */
  async function detailsChoices(workspace: Workspace, plan: Plan) {
    const [orgs, taxa] = await Promise.all([choicesOf(db(), organisations, eq(organisations.workspaceId, workspace.id)), choicesOf(db(), taxonomies, eq(taxonomies.planId, plan.id))]);
    return (values: PlanFormValues[]) => {
      const keep = (name: "coordinatingOrganisationId" | "boardSplitTaxonomyId") => new Set(values.map((v) => v[name]).filter(Boolean));
      const orgKeep = keep("coordinatingOrganisationId");
      const taxKeep = keep("boardSplitTaxonomyId");
      return {
        organisations: orgs.filter((o) => !o.archived || orgKeep.has(o.value)),
        taxonomies: taxa.filter((o) => !o.archived || taxKeep.has(o.value)),
      };
    };
  }

  function detailsPage(
    ctx: PageContext, workspace: Workspace, plan: Plan, choices: { organisations: Option[]; taxonomies: Option[] },
    extra: { back: string; version: number; values: PlanFormValues; errors: FieldErrors; askConfirm: boolean; theirs?: PlanFormValues },
  ) {
    return h(PlanFormPage, {
      ctx, mode: "details", title: ctx.t("ps.details.title"), action: psLinks.details(workspace.slug, plan.slug), address: `/${workspace.slug}/planer/${plan.slug}`,
      crumbs: planCrumbs(workspace, plan, { label: ctx.t("ps.details.crumb") }), ...choices, ...extra,
    });
  }

  app.get("/:ws/planer/:plan/hantera/uppgifter", async (request, reply) => {
    const { workspace, plan } = await shaping(request);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(query(request).tillbaka, psLinks.hub(workspace.slug, plan.slug));
    const values = detailsValues(plan, planDetailsOf(plan));
    const choices = (await detailsChoices(workspace, plan))([values]);
    return sendPage(reply, detailsPage(ctx, workspace, plan, choices, { back, version: plan.version, values, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/uppgifter", async (request, reply) => {
    const { viewer, workspace, plan } = await shaping(request);
    const form = planFormBody.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, psLinks.hub(workspace.slug, plan.slug));
    const ctx = pageContext(request, reply);
    const values: PlanFormValues = {
      name: form.name, slug: plan.slug, periodStart: form.periodStart, periodEnd: form.periodEnd, vision: form.vision, introduction: form.introduction,
      adoptedBy: form.adoptedBy, adoptedOn: form.adoptedOn, coordinatingOrganisationId: form.coordinatingOrganisationId,
      followUpEveryMonths: form.followUpEveryMonths, dialogueEveryMonths: form.dialogueEveryMonths, published: form.published, boardSplitTaxonomyId: form.boardSplitTaxonomyId,
    };
    const choicesFor = await detailsChoices(workspace, plan);
    const saved = detailsValues(plan, planDetailsOf(plan));
    return submitForm({
      ctx, reply,
      run: () => updatePlan(db(), viewer, { ...values, planId: plan.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      flash: "form.saved",
      invalid: ({ errors, askConfirm }) => detailsPage(ctx, workspace, plan, choicesFor([saved]), { back, version: form.version, values, errors, askConfirm }),
      conflict: (conflict, { errors }) => {
        const theirs = detailsValues(plan, conflict.current as PlanDetailsValues);
        return detailsPage(ctx, workspace, plan, choicesFor([saved, theirs]), { back, version: conflict.currentVersion, values, errors, askConfirm: false, theirs });
      },
      after: () => state.cache.invalidate(),
    });
  });

  // Vocabulary
  function vocabularyPage(ctx: PageContext, workspace: Workspace, plan: Plan, extra: { back: string; version: number; values: VocabularyValues; errors: FieldErrors; askConfirm: boolean; theirs?: VocabularyValues }) {
    return h(VocabularyPage, {
      ctx, crumbs: planCrumbs(workspace, plan, { label: ctx.t("ps.vocab.crumb") }), action: psLinks.vocabulary(workspace.slug, plan.slug), saved: plan.vocabulary, ...extra,
    });
  }

  app.get("/:ws/planer/:plan/hantera/ordval", async (request, reply) => {
    const { workspace, plan } = await shaping(request);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(query(request).tillbaka, psLinks.hub(workspace.slug, plan.slug));
    return sendPage(reply, vocabularyPage(ctx, workspace, plan, { back, version: plan.version, values: vocabularyValuesOf(plan.vocabulary), errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/ordval", async (request, reply) => {
    const { viewer, workspace, plan } = await shaping(request);
    const form = vocabularyBody.parse(request.body ?? {});
    const back = safeReturnPath(form.tillbaka, psLinks.hub(workspace.slug, plan.slug));
    const ctx = pageContext(request, reply);
    const { version: _v, tillbaka: _t, confirmPersonalData: confirmed, ...values } = form;
    return submitForm({
      ctx, reply,
      run: () => updatePlanVocabulary(db(), viewer, { ...values, planId: plan.id, version: form.version, confirmedPersonalData: confirmed }),
      redirect: () => back,
      flash: "form.saved",
      invalid: ({ errors, askConfirm }) => vocabularyPage(ctx, workspace, plan, { back, version: form.version, values, errors, askConfirm }),
      conflict: (conflict, { errors }) =>
        vocabularyPage(ctx, workspace, plan, { back, version: conflict.currentVersion, values, errors, askConfirm: false, theirs: conflict.current as VocabularyValues }),
      after: () => state.cache.invalidate(),
    });
  });
}
