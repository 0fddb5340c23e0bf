// The activity form (new and edit), archiving an activity, and its history. Anonymous visitors are sent to log in;
// people without a role in the workspace get 404, people without the right 403.
//   GET/POST /:ws/planer/:plan/aktiviteter/ny?handlingsplan=<org slug>&mal=<goal id>&behov=<need id>
//   GET/POST /:ws/planer/:plan/aktiviteter/:id/redigera
//   POST     /:ws/planer/:plan/aktiviteter/:id/arkivera
//   POST     /:ws/planer/:plan/aktiviteter/:id/aterstall
//   GET      /:ws/planer/:plan/aktiviteter/:id/historik
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { links } from "../../pages/public/links.ts";
import { ActivityEditPage, type ActivityFormProps } from "../../pages/internal/activity-edit-page.tsx";
import { formLinks } from "../../pages/internal/activity-form-parts.tsx";
import { HistoryPage } from "../../pages/internal/history-page.tsx";
import { hasMessage, type MessageKey } from "../../i18n/index.ts";
import { confirmPersonalData, formList, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { setFlash } from "../../forms/flash.ts";
import { restoreActivity } from "../../../commands/restore-activity.ts";
import { Forbidden, NotFound, type Conflict } from "../../../domain/errors.ts";
import { suggestMeasureNumber, vocabularyLabel } from "../../../domain/vocabulary.ts";
import type { Db } from "../../../db/client.ts";
import * as s from "../../../db/schema/index.ts";
import { can } from "../../../policies/can.ts";
import { activityForEdit, type ActivityRow } from "../../../queries/activity-for-edit.ts";
import { activityLinks, financingOf, findNeed, needTermIds, numbersInPlan, planChoices, type PlanChoices } from "../../../queries/activity-form.ts";
import { historyOf } from "../../../queries/history.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { activityFields, updateActivity } from "../../../commands/update-activity.ts";
import { createActivity } from "../../../commands/create-activity.ts";
import { archiveActivity } from "../../../commands/archive-activity.ts";
import type { ActivityFields } from "../../../commands/support/activity-input.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const activityParams = planParams.extend({ id: uuidSchema });
/** An optional id in a query string: absent or empty is none; anything else must be an id (else the page is 404). */
export const optionalId = z.preprocess((v) => (v === "" ? undefined : v), uuidSchema.optional());
const newQuery = z.object({
  handlingsplan: slugSchema,
  mal: optionalId,
  behov: optionalId,
  tillbaka: z.string().max(2000).optional(),
});
const editQuery = z.object({ tillbaka: z.string().max(2000).optional() });

const activityForm = z.object({
  version: formVersion,
  tillbaka: formText,
  number: formText,
  title: formText,
  description: formText,
  goalId: formText,
  strategyIds: formList.catch([]),
  responsibleIds: formList.catch([]),
  coResponsibleIds: formList.catch([]),
  partnerIds: formList.catch([]),
  childRights: formText,
  plannedStart: formText,
  plannedEnd: formText,
  phase: formText,
  boardNote: formText,
  confirmPersonalData,
});
const archiveForm = z.object({ version: formVersion, tillbaka: formText });

/** The form's fields from a posted body: every group named `terms-<taxonomy key>` becomes that taxonomy's terms. */
export function parseActivityBody(body: unknown): { fields: ActivityFields; version: number; back: string; confirmed: boolean } {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const form = activityForm.parse(raw);
  return {
    fields: {
      number: form.number, title: form.title, description: form.description, goalId: form.goalId, strategyIds: form.strategyIds,
      terms: termsFromBody(raw), responsibleIds: form.responsibleIds, coResponsibleIds: form.coResponsibleIds, partnerIds: form.partnerIds,
      childRights: form.childRights, plannedStart: form.plannedStart, plannedEnd: form.plannedEnd, phase: form.phase, boardNote: form.boardNote,
    },
    version: form.version,
    back: form.tillbaka,
    confirmed: form.confirmPersonalData,
  };
}

export function termsFromBody(raw: Record<string, unknown>): Record<string, string[]> {
  const terms: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!name.startsWith("terms-")) continue;
    const list = formList.safeParse(value);
    terms[name.slice("terms-".length)] = list.success ? list.data : [];
  }
  return terms;
}

/** Term ids grouped per taxonomy key, as the form holds them. */
export function termsByTaxonomy(choices: PlanChoices, termIds: readonly string[]): Record<string, string[]> {
  const terms: Record<string, string[]> = {};
  for (const taxonomy of choices.taxonomies) {
    terms[taxonomy.key] = choices.terms.filter((t) => t.taxonomyId === taxonomy.id && termIds.includes(t.id)).map((t) => t.id);
  }
  return terms;
}

export function activityHeading(ctx: PageContext, plan: Plan, activity: { number: string | null; title: string }) {
  const label = vocabularyLabel(plan.vocabulary, "measure", ctx.locale);
  return activity.number ? `${label} ${activity.number}: ${activity.title}` : activity.title;
}

/** The page an activity is read on: its public page when the public can see it, else its action plan's page. */
async function activityHome(db: Db, workspace: Workspace, plan: Plan, activity: { id: string; actionPlanId: string | null }) {
  if (!activity.actionPlanId) return links.activity(workspace.slug, plan.slug, activity.id);
  const [row] = await db
    .select({ state: s.actionPlans.state, slug: s.organisations.slug })
    .from(s.actionPlans)
    .innerJoin(s.organisations, eq(s.organisations.id, s.actionPlans.organisationId))
    .where(eq(s.actionPlans.id, activity.actionPlanId));
  if (!row || (row.state === "adopted" && plan.published)) return links.activity(workspace.slug, plan.slug, activity.id);
  return formLinks.actionPlan(workspace.slug, plan.slug, row.slug);
}

function crumbsFor(ctx: PageContext, workspace: Workspace, plan: Plan, activity: ActivityRow | null, current: string) {
  return [
    { label: workspace.name, href: `/#${workspace.slug}` },
    { label: plan.name, href: links.plan(workspace.slug, plan.slug) },
    ...(activity ? [{ label: activityHeading(ctx, plan, activity), href: links.activity(workspace.slug, plan.slug, activity.id) }] : []),
    { label: current },
  ];
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: "activity.edit.titleLabel",
  description: "activity.edit.descriptionLabel",
  childRights: "activity.edit.childRightsLabel",
};

export function activityFieldLabel(ctx: PageContext, field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return ctx.t(known);
  const key = `activity.field.${field}`;
  return hasMessage(key) ? ctx.t(key) : field;
}

export function registerActivityEditing(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The action plan named in ?handlingsplan, which the viewer must be allowed to write. */
  async function loadNew(request: FastifyRequest) {
    const p = parseParams(planParams, request.params);
    const query = parseParams(newQuery, request.query);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const [row] = await db()
      .select({ actionPlan: s.actionPlans, organisation: s.organisations })
      .from(s.actionPlans)
      .innerJoin(s.organisations, eq(s.organisations.id, s.actionPlans.organisationId))
      .where(and(eq(s.actionPlans.planId, plan.id), eq(s.organisations.workspaceId, workspace.id), eq(s.organisations.slug, query.handlingsplan), isNull(s.actionPlans.archivedAt)));
    if (!row) throw new NotFound("action plan");
    if (!can(viewer, "update", { type: "actionPlan", workspaceId: workspace.id, organisationId: row.actionPlan.organisationId })) throw new Forbidden();
    let need: Awaited<ReturnType<typeof findNeed>>;
    if (query.behov) {
      need = await findNeed(db(), plan, query.behov);
      if (!need || need.archivedAt || need.becameActivityId) throw new NotFound("need");
      if (!can(viewer, "update", { type: "need", workspaceId: workspace.id, organisationId: need.organisationId })) throw new Forbidden();
    }
    const choices = await planChoices(db(), plan);
    return { viewer, workspace, plan, query, actionPlan: row.actionPlan, organisation: row.organisation, need, choices };
  }

  type Loaded = Awaited<ReturnType<typeof loadNew>>;

  function newPage(ctx: PageContext, l: Loaded, extra: Pick<ActivityFormProps, "values" | "errors" | "askConfirm" | "back">) {
    const measure = vocabularyLabel(l.plan.vocabulary, "measure", ctx.locale).toLowerCase();
    return h(ActivityEditPage, {
      ctx, mode: "create", heading: ctx.t("activity.form.newTitle", { measure }),
      crumbs: [
        { label: l.workspace.name, href: `/#${l.workspace.slug}` },
        { label: l.plan.name, href: links.plan(l.workspace.slug, l.plan.slug) },
        { label: l.actionPlan.title, href: formLinks.actionPlan(l.workspace.slug, l.plan.slug, l.organisation.slug) },
        { label: ctx.t("activity.form.newCrumb") },
      ],
      action: ctx.path, version: 0, plan: l.plan, choices: l.choices, actionPlanTitle: l.actionPlan.title, had: null,
      fromNeed: l.need ? { id: l.need.id, title: l.need.title } : undefined, ...extra,
    });
  }

  app.get("/:ws/planer/:plan/aktiviteter/ny", async (request, reply) => {
    const l = await loadNew(request);
    const ctx = pageContext(request, reply);
    const activeGoals = l.choices.goals.filter((g) => !g.archivedAt);
    const goal = activeGoals.find((g) => g.id === (l.need?.goalId ?? l.query.mal)) ?? activeGoals[0];
    const number = goal ? suggestMeasureNumber(l.plan.vocabulary.numbering, goal.number, await numbersInPlan(db(), l.plan.id)) : null;
    const needTerms = l.need ? await needTermIds(db(), l.need.id) : [];
    const values: ActivityFields = {
      number: number ?? "", title: l.need?.title ?? "", description: l.need?.description ?? "", goalId: goal?.id ?? "", strategyIds: [],
      terms: termsByTaxonomy(l.choices, needTerms), responsibleIds: l.organisation.type === "external" ? [] : [l.organisation.id], coResponsibleIds: [],
      partnerIds: [], childRights: "", plannedStart: "", plannedEnd: "", phase: "planned", boardNote: "",
    };
    const back = safeReturnPath(l.query.tillbaka, formLinks.actionPlan(l.workspace.slug, l.plan.slug, l.organisation.slug));
    return sendPage(reply, newPage(ctx, l, { values, errors: {}, askConfirm: false, back }));
  });

  app.post("/:ws/planer/:plan/aktiviteter/ny", async (request, reply) => {
    const l = await loadNew(request);
    const form = parseActivityBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, "");
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createActivity(db(), l.viewer, {
        ...form.fields, planId: l.plan.id, actionPlanId: l.actionPlan.id, fromNeedId: l.need?.id ?? null, confirmedPersonalData: form.confirmed,
      }),
      redirect: (created) => back || (l.actionPlan.state === "adopted" && l.plan.published
        ? links.activity(l.workspace.slug, l.plan.slug, created.id)
        : formLinks.actionPlan(l.workspace.slug, l.plan.slug, l.organisation.slug)),
      invalid: (problems) => newPage(ctx, l, { values: form.fields, ...problems, back: back || formLinks.actionPlan(l.workspace.slug, l.plan.slug, l.organisation.slug) }),
      after: () => state.cache.invalidate(),
    });
  });

  /** The activity to edit (not archived) and the right to write it. */
  async function loadEdit(request: FastifyRequest) {
    const p = parseParams(activityParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const { activity, subject } = await activityForEdit(db(), plan, p.id);
    if (activity.archivedAt) throw new NotFound("activity");
    if (!can(viewer, "update", subject)) throw new Forbidden();
    const [choices, links_, financing, actionPlan] = await Promise.all([
      planChoices(db(), plan),
      activityLinks(db(), activity.id),
      financingOf(db(), activity.id),
      activity.actionPlanId ? db().select().from(s.actionPlans).where(eq(s.actionPlans.id, activity.actionPlanId)).then((r) => r[0]) : Promise.resolve(undefined),
    ]);
    return { viewer, workspace, plan, activity, subject, choices, links: links_, financing, actionPlan };
  }

  type LoadedEdit = Awaited<ReturnType<typeof loadEdit>>;

  function editPage(ctx: PageContext, l: LoadedEdit, extra: Pick<ActivityFormProps, "values" | "errors" | "askConfirm" | "back" | "version" | "theirs">) {
    const { workspace: ws, plan, activity } = l;
    const measure = vocabularyLabel(plan.vocabulary, "measure", ctx.locale).toLowerCase();
    return h(ActivityEditPage, {
      ctx, mode: "edit", heading: ctx.t("activity.edit.title", { name: activityHeading(ctx, plan, activity) }),
      crumbs: crumbsFor(ctx, ws, plan, activity, ctx.t("activity.edit.crumb")),
      action: links.activityEdit(ws.slug, plan.slug, activity.id), plan, choices: l.choices, actionPlanTitle: l.actionPlan?.title ?? "–",
      had: { goalId: activity.goalId, ...l.links },
      edit: {
        financing: l.financing,
        financingNew: formLinks.financingNew(ws.slug, plan.slug, activity.id),
        financingEdit: (fid) => formLinks.financing(ws.slug, plan.slug, activity.id, fid),
        financingRemove: (fid) => formLinks.financingRemove(ws.slug, plan.slug, activity.id, fid),
        archiveAction: formLinks.activityArchive(ws.slug, plan.slug, activity.id),
        archiveName: activity.number ? `${measure} ${activity.number}` : activity.title,
      },
      ...extra,
    });
  }

  app.get("/:ws/planer/:plan/aktiviteter/:id/redigera", async (request, reply) => {
    const l = await loadEdit(request);
    const query = parseParams(editQuery, request.query);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(query.tillbaka, await activityHome(db(), l.workspace, l.plan, l.activity));
    return sendPage(reply, editPage(ctx, l, {
      values: activityFields(l.activity, l.links, l.choices), errors: {}, askConfirm: false, back, version: l.activity.version,
    }));
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/redigera", async (request, reply) => {
    const l = await loadEdit(request);
    const form = parseActivityBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, await activityHome(db(), l.workspace, l.plan, l.activity));
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateActivity(db(), l.viewer, { ...form.fields, planId: l.plan.id, activityId: l.activity.id, version: form.version, confirmedPersonalData: form.confirmed }),
      redirect: () => back,
      invalid: (problems) => editPage(ctx, l, { values: form.fields, ...problems, back, version: form.version }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<ActivityFields>;
        return editPage(ctx, l, { values: form.fields, ...problems, back, version: c.currentVersion, theirs: c.current });
      },
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/arkivera", async (request, reply) => {
    const l = await loadEdit(request);
    const form = archiveForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const organisation = l.actionPlan ? (await db().select().from(s.organisations).where(eq(s.organisations.id, l.actionPlan.organisationId)))[0] : undefined;
    const goal = l.choices.goals.find((g) => g.id === l.activity.goalId);
    const fallback = organisation
      ? formLinks.actionPlan(l.workspace.slug, l.plan.slug, organisation.slug)
      : links.goal(l.workspace.slug, l.plan.slug, goal?.number ?? "");
    // Going back to the archived activity's own pages would end on a missing page.
    const back = safeReturnPath(form.tillbaka, fallback);
    const target = back.includes(l.activity.id) ? fallback : back;
    const again = (problems: { errors: Record<string, string>; askConfirm: boolean }, version: number) =>
      editPage(ctx, l, { values: activityFields(l.activity, l.links, l.choices), ...problems, back: fallback, version });
    return submitForm({
      ctx, reply, flash: "form.archived",
      run: () => archiveActivity(db(), l.viewer, { planId: l.plan.id, activityId: l.activity.id, version: form.version }),
      redirect: () => target,
      invalid: (problems) => again(problems, l.activity.version),
      conflict: (conflict, problems) => again(problems, conflict.currentVersion),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/aktiviteter/:id/aterstall", async (request, reply) => {
    const p = parseParams(activityParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const { activity, subject } = await activityForEdit(db(), plan, p.id);
    if (!can(viewer, "update", subject)) throw new Forbidden();
    const form = archiveForm.parse(request.body ?? {});
    await restoreActivity(db(), viewer, { planId: plan.id, activityId: activity.id });
    state.cache.invalidate();
    setFlash(reply, "form.restored");
    return reply.redirect(safeReturnPath(form.tillbaka, links.activity(workspace.slug, plan.slug, activity.id)), 303);
  });

  app.get("/:ws/planer/:plan/aktiviteter/:id/historik", async (request, reply) => {
    const p = parseParams(activityParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const { activity, subject } = await activityForEdit(db(), plan, p.id);
    if (!can(viewer, "readHistory", subject)) throw new NotFound("page");
    const ctx = pageContext(request, reply);
    const entries = await historyOf(db(), workspace.id, "activity", activity.id);
    return sendPage(reply, h(HistoryPage, {
      ctx, crumbs: crumbsFor(ctx, workspace, plan, activity, ctx.t("history.crumb")), heading: activityHeading(ctx, plan, activity), entries,
      fieldLabel: (field: string) => activityFieldLabel(ctx, field),
    }));
  });
}


