// Action plans of a plan: the overview of every organisation, starting one, the internal action plan page, editing,
// adopting, and its revisions (list, one, compared). Everyone with a role in the workspace reads them; coordinators,
// administrators and the organisation's editors write and adopt.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion, slugSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { ActionPlanListPage } from "../../pages/internal/action-plans/list-page.tsx";
import { ActionPlanPage } from "../../pages/internal/action-plans/action-plan-page.tsx";
import { ActionPlanFormPage, type ActionPlanFormValues } from "../../pages/internal/action-plans/form-page.tsx";
import { AdoptPage } from "../../pages/internal/action-plans/adopt-page.tsx";
import { ComparePage, RevisionPage, RevisionsPage } from "../../pages/internal/action-plans/revision-pages.tsx";
import { compareSnapshots } from "../../pages/internal/action-plans/snapshot.ts";
import { actionPlanLinks } from "../../pages/internal/action-plans/links.ts";
import { actionPlans, activities, organisations } from "../../../db/schema/index.ts";
import { Forbidden, NotFound, type Conflict } from "../../../domain/errors.ts";
import type { Viewer } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import { loadPlanGraph, type ActionPlan, type Organisation, type Plan, type Workspace } from "../../../queries/plan-graph.ts";
import { meetingDatesByOrganisation } from "../../../queries/dialogue-meetings.ts";
import { createActionPlan, mayCreateSomeActionPlan } from "../../../commands/create-action-plan.ts";
import { actionPlanTexts, updateActionPlan } from "../../../commands/update-action-plan.ts";
import { adoptActionPlan, type Adoption } from "../../../commands/adopt-action-plan.ts";
import { defaultActionPlanTitle, type ActionPlanTexts } from "../../../commands/support/action-plan-fields.ts";
import { actionPlanOf, revisionsOf } from "./action-plan-data.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const orgParams = planParams.extend({ org: slugSchema });
const revisionParams = orgParams.extend({ n: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number) });
const createQuery = z.object({ organisation: formText, tillbaka: formText }).catch({ organisation: "", tillbaka: "" });
const backQuery = z.object({ tillbaka: formText }).catch({ tillbaka: "" });
const compareQuery = z.object({ fran: formText, till: formText }).catch({ fran: "", till: "" });
const textsForm = z.object({
  version: formVersion,
  organisationId: formText,
  title: formText,
  periodStart: formText,
  periodEnd: formText,
  introduction: formText,
  howMade: formText,
  steeringGroup: formText,
  confirmPersonalData,
  tillbaka: formText,
});
const adoptForm = z.object({ version: formVersion, adoptedOn: formText, adoptedBy: formText, confirmPersonalData, tillbaka: formText });

const subjectOf = (workspaceId: string, organisationId: string) => ({ type: "actionPlan" as const, workspaceId, organisationId });

export function registerActionPlanRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The plan, its organisation's action plan, and the read check every action plan page makes. */
  async function load(request: FastifyRequest, params: { ws: string; plan: string; org: string }) {
    const loaded = await loadPlanInternal(db(), request, params.ws, params.plan);
    const found = await actionPlanOf(db(), loaded.plan, params.org);
    if (!can(loaded.viewer, "read", subjectOf(loaded.workspace.id, found.organisation.id))) throw new NotFound("page");
    return { ...loaded, ...found };
  }

  /** Organisations the viewer may start an action plan for here: active, not external partners, without one yet. */
  async function creatable(viewer: Viewer, workspaceId: string, planId: string) {
    const [all, existing] = await Promise.all([
      db().select().from(organisations).where(eq(organisations.workspaceId, workspaceId)),
      db().select({ organisationId: actionPlans.organisationId }).from(actionPlans).where(eq(actionPlans.planId, planId)),
    ]);
    const taken = new Set(existing.map((e) => e.organisationId));
    return all
      .filter((o) => !o.archivedAt && o.type !== "external" && !taken.has(o.id) && can(viewer, "update", subjectOf(workspaceId, o.id)))
      .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  }

  app.get("/:ws/planer/:plan/handlingsplaner", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    const [all, list, dialogue] = await Promise.all([
      db().select().from(organisations).where(eq(organisations.workspaceId, workspace.id)),
      db().select().from(actionPlans).where(eq(actionPlans.planId, plan.id)),
      meetingDatesByOrganisation(db(), plan.id),
    ]);
    const lastDialogue = new Map(list.map((p) => [p.organisationId, dialogue.get(p.organisationId)?.last ?? null]));
    return sendPage(reply, h(ActionPlanListPage, { ctx: pageContext(request, reply), workspace, plan, organisations: all, actionPlans: list, lastDialogue }));
  });

  app.get("/:ws/planer/:plan/handlingsplaner/ny", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!mayCreateSomeActionPlan(viewer, workspace.id)) throw new Forbidden();
    const q = createQuery.parse(request.query ?? {});
    let chosen: Organisation | undefined;
    if (q.organisation && slugSchema.safeParse(q.organisation).success) {
      const [named] = await db().select().from(organisations).where(and(eq(organisations.workspaceId, workspace.id), eq(organisations.slug, q.organisation)));
      // A link to start another organisation's plan is not for this viewer.
      if (named && !can(viewer, "update", subjectOf(workspace.id, named.id))) throw new Forbidden();
      chosen = named;
    }
    const choices = await creatable(viewer, workspace.id, plan.id);
    if (chosen && !choices.some((o) => o.id === chosen!.id)) chosen = undefined;
    const ctx = pageContext(request, reply);
    const values: ActionPlanFormValues = {
      organisationId: chosen?.id ?? "", title: chosen ? defaultActionPlanTitle(chosen.name) : "", periodStart: plan.periodStart, periodEnd: plan.periodEnd,
      introduction: "", howMade: "", steeringGroup: "",
    };
    const back = safeReturnPath(q.tillbaka, actionPlanLinks.list(workspace.slug, plan.slug));
    return sendPage(reply, h(ActionPlanFormPage, {
      ctx, workspace, plan, choices, action: actionPlanLinks.create(workspace.slug, plan.slug), back, version: 0, values, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/handlingsplaner/ny", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { viewer, workspace, plan } = await loadPlanInternal(db(), request, p.ws, p.plan);
    if (!mayCreateSomeActionPlan(viewer, workspace.id)) throw new Forbidden();
    const form = textsForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const values: ActionPlanFormValues = {
      organisationId: form.organisationId, title: form.title, periodStart: form.periodStart, periodEnd: form.periodEnd,
      introduction: form.introduction, howMade: form.howMade, steeringGroup: form.steeringGroup,
    };
    const back = safeReturnPath(form.tillbaka, actionPlanLinks.list(workspace.slug, plan.slug));
    const choices = await creatable(viewer, workspace.id, plan.id);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createActionPlan(db(), viewer, plan, { ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (result) => actionPlanLinks.page(workspace.slug, plan.slug, result.organisationSlug),
      invalid: ({ errors, askConfirm }) => h(ActionPlanFormPage, {
        ctx, workspace, plan, choices, action: actionPlanLinks.create(workspace.slug, plan.slug), back, version: 0, values, errors, askConfirm,
      }),
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/planer/:plan/handlingsplaner/:org", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const { workspace, plan, organisation, actionPlan } = await load(request, p);
    const graph = await loadPlanGraph(db(), workspace, plan, { includeUnaccepted: true });
    // The graph leaves archived action plans out; this page shows the one asked for all the same.
    if (!graph.actionPlans.some((x) => x.id === actionPlan.id)) graph.actionPlans.push(actionPlan);
    const archived = await db()
      .select({ id: activities.id, number: activities.number, title: activities.title })
      .from(activities)
      .where(and(eq(activities.actionPlanId, actionPlan.id), isNotNull(activities.archivedAt)))
      .orderBy(asc(activities.number));
    return sendPage(reply, h(ActionPlanPage, { ctx: pageContext(request, reply), graph, organisation, actionPlan, archived }));
  });

  async function loadForWriting(request: FastifyRequest, action: "update" | "adopt") {
    const p = parseParams(orgParams, request.params);
    const loaded = await load(request, p);
    if (!can(loaded.viewer, action, subjectOf(loaded.workspace.id, loaded.organisation.id))) throw new Forbidden();
    return loaded;
  }

  const editPage = (
    loaded: Awaited<ReturnType<typeof loadForWriting>>, ctx: ReturnType<typeof pageContext>, back: string,
    extra: { values: ActionPlanTexts; version: number; errors: FieldErrors; askConfirm: boolean; theirs?: ActionPlanTexts },
  ) => {
    const { workspace, plan, organisation, actionPlan } = loaded;
    return h(ActionPlanFormPage, {
      ctx, workspace, plan, editing: { actionPlan, organisation }, action: actionPlanLinks.edit(workspace.slug, plan.slug, organisation.slug), back,
      ...extra, values: { ...extra.values, organisationId: organisation.id },
    });
  };

  app.get("/:ws/planer/:plan/handlingsplaner/:org/andra", async (request, reply) => {
    const loaded = await loadForWriting(request, "update");
    const { workspace, plan, organisation, actionPlan } = loaded;
    const back = safeReturnPath(backQuery.parse(request.query ?? {}).tillbaka, actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug));
    return sendPage(reply, editPage(loaded, pageContext(request, reply), back, { values: actionPlanTexts(actionPlan), version: actionPlan.version, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/handlingsplaner/:org/andra", async (request, reply) => {
    const loaded = await loadForWriting(request, "update");
    const { viewer, workspace, plan, organisation, actionPlan } = loaded;
    const form = textsForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug));
    const values: ActionPlanTexts = {
      title: form.title, periodStart: form.periodStart, periodEnd: form.periodEnd, introduction: form.introduction, howMade: form.howMade, steeringGroup: form.steeringGroup,
    };
    return submitForm({
      ctx, reply, flash: actionPlan.state === "adopted" ? "actionPlans.savedAsRevision" : "form.saved",
      run: () => updateActionPlan(db(), viewer, plan, { actionPlanId: actionPlan.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: ({ errors, askConfirm }) => editPage(loaded, ctx, back, { values, version: form.version, errors, askConfirm }),
      conflict: (conflict: Conflict<unknown>, { errors }) =>
        editPage(loaded, ctx, back, { values, version: conflict.currentVersion, errors, askConfirm: false, theirs: conflict.current as ActionPlanTexts }),
      after: () => state.cache.invalidate(),
    });
  });

  const adoptPage = (
    loaded: Awaited<ReturnType<typeof loadForWriting>>, ctx: ReturnType<typeof pageContext>, back: string,
    extra: { values: Adoption; version: number; errors: FieldErrors; askConfirm: boolean; theirs?: Adoption },
  ) => {
    const { workspace, plan, organisation, actionPlan } = loaded;
    return h(AdoptPage, { ctx, workspace, plan, organisation, actionPlan, action: actionPlanLinks.adopt(workspace.slug, plan.slug, organisation.slug), back, ...extra });
  };

  app.get("/:ws/planer/:plan/handlingsplaner/:org/anta", async (request, reply) => {
    const loaded = await loadForWriting(request, "adopt");
    const { workspace, plan, organisation, actionPlan } = loaded;
    const back = safeReturnPath(backQuery.parse(request.query ?? {}).tillbaka, actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug));
    // Suggest who adopts it: whoever did last time, else the board the organisation serves.
    let adoptedBy = actionPlan.adoptedBy ?? "";
    if (!adoptedBy) {
      const [board] = await db().select().from(organisations).where(and(eq(organisations.servedById, organisation.id), eq(organisations.type, "board")));
      adoptedBy = board && !board.archivedAt ? board.name : "";
    }
    return sendPage(reply, adoptPage(loaded, pageContext(request, reply), back, { values: { adoptedOn: "", adoptedBy }, version: actionPlan.version, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/handlingsplaner/:org/anta", async (request, reply) => {
    const loaded = await loadForWriting(request, "adopt");
    const { viewer, workspace, plan, organisation, actionPlan } = loaded;
    const form = adoptForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.tillbaka, actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug));
    const values: Adoption = { adoptedOn: form.adoptedOn, adoptedBy: form.adoptedBy };
    return submitForm({
      ctx, reply, flash: "actionPlans.adoptedFlash",
      run: () => adoptActionPlan(db(), viewer, plan, { actionPlanId: actionPlan.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: ({ errors, askConfirm }) => adoptPage(loaded, ctx, back, { values, version: form.version, errors, askConfirm }),
      conflict: (conflict: Conflict<unknown>, { errors }) =>
        adoptPage(loaded, ctx, back, { values, version: conflict.currentVersion, errors, askConfirm: false, theirs: conflict.current as Adoption }),
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/planer/:plan/handlingsplaner/:org/revisioner", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const loaded = await load(request, p);
    const revisions = await revisionsOf(db(), loaded.actionPlan.id);
    return sendPage(reply, h(RevisionsPage, { ...common(loaded), ctx: pageContext(request, reply), revisions }));
  });

  app.get("/:ws/planer/:plan/handlingsplaner/:org/revisioner/jamfor", async (request, reply) => {
    const p = parseParams(orgParams, request.params);
    const loaded = await load(request, p);
    const revisions = await revisionsOf(db(), loaded.actionPlan.id);
    const q = compareQuery.parse(request.query ?? {});
    const ctx = pageContext(request, reply);
    const errors: FieldErrors = {};
    const pick = (field: "fran" | "till", value: string) => {
      const found = /^\d{1,6}$/.test(value) ? revisions.find((r) => r.number === Number(value)) : undefined;
      if (!found) errors[field] = value ? ctx.t("actionPlans.revisionUnknown", { n: value.slice(0, 20) }) : ctx.t("actionPlans.revisionChoose");
      return found;
    };
    const from = pick("fran", q.fran.trim());
    const to = pick("till", q.till.trim());
    const page = h(ComparePage, {
      ...common(loaded), ctx, revisions, from: q.fran, to: q.till, errors,
      ...(from && to ? { comparison: compareSnapshots(from.snapshot, to.snapshot) } : {}),
    });
    return sendPage(reply, page, from && to ? 200 : 400);
  });

  app.get("/:ws/planer/:plan/handlingsplaner/:org/revisioner/:n", async (request, reply) => {
    const p = parseParams(revisionParams, request.params);
    const loaded = await load(request, p);
    const revision = (await revisionsOf(db(), loaded.actionPlan.id)).find((r) => r.number === p.n);
    if (!revision) throw new NotFound("revision");
    return sendPage(reply, h(RevisionPage, { ...common(loaded), ctx: pageContext(request, reply), revision }));
  });
}

function common(loaded: { workspace: Workspace; plan: Plan; organisation: Organisation; actionPlan: ActionPlan }) {
  return { workspace: loaded.workspace, plan: loaded.plan, organisation: loaded.organisation, actionPlan: loaded.actionPlan };
}
