// Needs (behov av insats): a new need under a goal, a need's page (its form, "turn into an activity", archive).
//   GET/POST /:ws/planer/:plan/behov/ny?mal=<goal id>
//   GET/POST /:ws/planer/:plan/behov/:id
//   POST     /:ws/planer/:plan/behov/:id/arkivera
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { NeedPage, type NeedPageProps } from "../../pages/internal/needs/need-page.tsx";
import { formLinks } from "../../pages/internal/activity-form-parts.tsx";
import type { Option } from "../../components/form.tsx";
import { confirmPersonalData, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { Forbidden, NotFound, type Conflict } from "../../../domain/errors.ts";
import { organisationsWithRole, rolesIn, type Viewer } from "../../../domain/roles.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { findNeed, needTermIds, planChoices, type PlanChoices } from "../../../queries/activity-form.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { createNeed } from "../../../commands/create-need.ts";
import { needFields, updateNeed } from "../../../commands/update-need.ts";
import { archiveNeed } from "../../../commands/archive-need.ts";
import type { NeedFields } from "../../../commands/support/need-input.ts";
import { loadPlanInternal, parseParams } from "./load.ts";
import { optionalId, termsFromBody } from "./activity.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const needParams = planParams.extend({ id: uuidSchema });
const newQuery = z.object({ mal: optionalId, tillbaka: z.string().max(2000).optional() });
const editQuery = z.object({ tillbaka: z.string().max(2000).optional() });
const needForm = z.object({
  version: formVersion,
  tillbaka: formText,
  title: formText,
  description: formText,
  goalId: formText,
  organisationId: formText,
  boardNote: formText,
  confirmPersonalData,
});
const archiveForm = z.object({ version: formVersion, tillbaka: formText });

function parseNeedBody(body: unknown) {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const form = needForm.parse(raw);
  const fields: NeedFields = {
    title: form.title, description: form.description, goalId: form.goalId, organisationId: form.organisationId, terms: termsFromBody(raw),
    boardNote: form.boardNote,
  };
  return { fields, version: form.version, back: form.tillbaka, confirmed: form.confirmPersonalData };
}

/** Coordinators name any organisation (or none); an editor only their own. The current one stays choosable. */
function organisationChoices(ctx: PageContext, viewer: Viewer, workspace: Workspace, choices: PlanChoices, current: string | null): Option[] {
  const held = rolesIn(viewer, workspace.id);
  const shaper = held.has("admin") || held.has("coordinator");
  const own = organisationsWithRole(viewer, workspace.id, "editor");
  const options = choices.organisations
    .filter((o) => o.id === current || (!o.archivedAt && (shaper || own.has(o.id))))
    .map((o) => ({ value: o.id, label: o.archivedAt ? ctx.t("activity.form.archivedChoice", { name: o.name }) : o.name }));
  return shaper ? [{ value: "", label: ctx.t("need.form.organisationNone") }, ...options] : options;
}

function goalPage(workspace: Workspace, plan: Plan, choices: PlanChoices, goalId: string) {
  const goal = choices.goals.find((g) => g.id === goalId && !g.archivedAt);
  return goal ? links.goal(workspace.slug, plan.slug, goal.number) : links.plan(workspace.slug, plan.slug);
}

export function registerNeedRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadNew(request: FastifyRequest) {
    const p = parseParams(planParams, request.params);
    const query = parseParams(newQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!can(viewer, "create", { type: "need", workspaceId: workspace.id, organisationId: null })) throw new Forbidden();
    const choices = await planChoices(db(), plan);
    return { viewer, workspace, plan, query, choices };
  }
  type LoadedNew = Awaited<ReturnType<typeof loadNew>>;

  function crumbs(ctx: PageContext, workspace: Workspace, plan: Plan, choices: PlanChoices, goalId: string, current: string) {
    const goal = choices.goals.find((g) => g.id === goalId && !g.archivedAt);
    return [
      { label: workspace.name, href: `/#${workspace.slug}` },
      { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
      ...(goal ? [{ label: `${vocabularyLabel(plan.vocabulary, "goal", ctx.locale)} ${goal.number}`, href: links.goal(workspace.slug, plan.slug, goal.number) }] : []),
      { label: current },
    ];
  }

  function newPage(ctx: PageContext, l: LoadedNew, extra: Pick<NeedPageProps, "values" | "errors" | "askConfirm" | "back">) {
    return h(NeedPage, {
      ctx, crumbs: crumbs(ctx, l.workspace, l.plan, l.choices, extra.values.goalId, ctx.t("need.form.newTitle")), heading: ctx.t("need.form.newTitle"),
      action: ctx.path, version: 0, plan: l.plan, choices: l.choices, had: null,
      organisationOptions: organisationChoices(ctx, l.viewer, l.workspace, l.choices, null), ...extra,
    });
  }

  app.get("/:ws/planer/:plan/behov/ny", async (request, reply) => {
    const l = await loadNew(request);
    const ctx = pageContext(request, reply);
    const activeGoals = l.choices.goals.filter((g) => !g.archivedAt);
    const goal = activeGoals.find((g) => g.id === l.query.mal) ?? activeGoals[0];
    const organisations = organisationChoices(ctx, l.viewer, l.workspace, l.choices, null);
    const values: NeedFields = { title: "", description: "", goalId: goal?.id ?? "", organisationId: organisations[0]?.value ?? "", terms: {}, boardNote: "" };
    const back = safeReturnPath(l.query.tillbaka, goalPage(l.workspace, l.plan, l.choices, values.goalId));
    return sendPage(reply, newPage(ctx, l, { values, errors: {}, askConfirm: false, back }));
  });

  app.post("/:ws/planer/:plan/behov/ny", async (request, reply) => {
    const l = await loadNew(request);
    const form = parseNeedBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, "");
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createNeed(db(), l.viewer, { ...form.fields, planId: l.plan.id, confirmedPersonalData: form.confirmed }),
      redirect: () => back || goalPage(l.workspace, l.plan, l.choices, form.fields.goalId),
      invalid: (problems) => newPage(ctx, l, { values: form.fields, ...problems, back: back || goalPage(l.workspace, l.plan, l.choices, form.fields.goalId) }),
      after: () => state.cache.invalidate(),
    });
  });

  async function loadNeed(request: FastifyRequest) {
    const p = parseParams(needParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const need = await findNeed(db(), plan, p.id);
    if (!need || need.archivedAt) throw new NotFound("need");
    if (!can(viewer, "update", { type: "need", workspaceId: workspace.id, organisationId: need.organisationId })) throw new Forbidden();
    const [choices, termIds, actionPlanRows, became] = await Promise.all([
      planChoices(db(), plan),
      needTermIds(db(), need.id),
      db()
        .select({ slug: s.organisations.slug, title: s.actionPlans.title, organisationId: s.actionPlans.organisationId })
        .from(s.actionPlans)
        .innerJoin(s.organisations, eq(s.organisations.id, s.actionPlans.organisationId))
        .where(and(eq(s.actionPlans.planId, plan.id), isNull(s.actionPlans.archivedAt), isNull(s.organisations.archivedAt))),
      need.becameActivityId
        ? db().select().from(s.activities).where(eq(s.activities.id, need.becameActivityId)).then((r) => r[0])
        : Promise.resolve(undefined),
    ]);
    const actionPlans = actionPlanRows
      .filter((p) => can(viewer, "update", { type: "actionPlan", workspaceId: workspace.id, organisationId: p.organisationId }))
      .sort((a, b) => Number(b.organisationId === need.organisationId) - Number(a.organisationId === need.organisationId) || a.title.localeCompare(b.title, "sv"));
    return { viewer, workspace, plan, need, choices, termIds, actionPlans, became };
  }
  type LoadedNeed = Awaited<ReturnType<typeof loadNeed>>;

  function needPage(ctx: PageContext, l: LoadedNeed, extra: Pick<NeedPageProps, "values" | "errors" | "askConfirm" | "back" | "version" | "theirs">) {
    const { workspace: ws, plan, need } = l;
    const measure = vocabularyLabel(plan.vocabulary, "measure", ctx.locale);
    const became = l.became
      ? {
          name: l.became.number ? `${measure.toLowerCase()} ${l.became.number}: ${l.became.title}` : l.became.title,
          href: l.became.archivedAt ? null : links.activity(ws.slug, plan.slug, l.became.id),
        }
      : null;
    return h(NeedPage, {
      ctx, crumbs: crumbs(ctx, ws, plan, l.choices, need.goalId, ctx.t("need.form.crumb")), heading: ctx.t("need.form.editTitle", { title: need.title }),
      action: formLinks.need(ws.slug, plan.slug, need.id), plan, choices: l.choices, had: { goalId: need.goalId, termIds: l.termIds },
      organisationOptions: organisationChoices(ctx, l.viewer, ws, l.choices, need.organisationId),
      existing: {
        became, actionPlans: l.actionPlans, needId: need.id, newActivityAction: `/${ws.slug}/planer/${plan.slug}/aktiviteter/ny`,
        newActivityHref: (slug) => formLinks.newActivity(ws.slug, plan.slug, { handlingsplan: slug, behov: need.id }),
        archiveAction: formLinks.needArchive(ws.slug, plan.slug, need.id),
      },
      ...extra,
    });
  }

  app.get("/:ws/planer/:plan/behov/:id", async (request, reply) => {
    const l = await loadNeed(request);
    const query = parseParams(editQuery, request.query);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(query.tillbaka, goalPage(l.workspace, l.plan, l.choices, l.need.goalId));
    return sendPage(reply, needPage(ctx, l, { values: needFields(l.need, l.termIds, l.choices), errors: {}, askConfirm: false, back, version: l.need.version }));
  });

  app.post("/:ws/planer/:plan/behov/:id", async (request, reply) => {
    const l = await loadNeed(request);
    const form = parseNeedBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, goalPage(l.workspace, l.plan, l.choices, l.need.goalId));
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateNeed(db(), l.viewer, { ...form.fields, planId: l.plan.id, needId: l.need.id, version: form.version, confirmedPersonalData: form.confirmed }),
      redirect: () => back,
      invalid: (problems) => needPage(ctx, l, { values: form.fields, ...problems, back, version: form.version }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<NeedFields>;
        return needPage(ctx, l, { values: form.fields, ...problems, back, version: c.currentVersion, theirs: c.current });
      },
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/behov/:id/arkivera", async (request, reply) => {
    const l = await loadNeed(request);
    const form = archiveForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const fallback = goalPage(l.workspace, l.plan, l.choices, l.need.goalId);
    const back = safeReturnPath(form.tillbaka, fallback);
    const target = back.includes(l.need.id) ? fallback : back;
    const again = (problems: { errors: Record<string, string>; askConfirm: boolean }, version: number) =>
      needPage(ctx, l, { values: needFields(l.need, l.termIds, l.choices), ...problems, back: fallback, version });
    return submitForm({
      ctx, reply, flash: "form.archived",
      run: () => archiveNeed(db(), l.viewer, { planId: l.plan.id, needId: l.need.id, version: form.version }),
      redirect: () => target,
      invalid: (problems) => again(problems, l.need.version),
      conflict: (conflict, problems) => again(problems, conflict.currentVersion),
      after: () => state.cache.invalidate(),
    });
  });
}
