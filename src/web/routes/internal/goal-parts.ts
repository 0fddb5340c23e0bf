// A goal's strategies ("Genom att …") and what needs to be in place: their forms and their move, archive and restore
// buttons. A strategy or prerequisite is found only under its own goal of this plan; under another goal it is 404.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { PrerequisitePage, StrategyPage } from "../../pages/internal/goals/part-pages.tsx";
import { goalName, planWords } from "../../pages/internal/goals/words.ts";
import type { Conflict } from "../../../domain/errors.ts";
import { createStrategy, type StrategyFields } from "../../../commands/create-strategy.ts";
import { updateStrategy } from "../../../commands/update-strategy.ts";
import { moveStrategy } from "../../../commands/move-strategy.ts";
import { archiveStrategy } from "../../../commands/archive-strategy.ts";
import { restoreStrategy } from "../../../commands/restore-strategy.ts";
import { createPrerequisite, type PrerequisiteFields } from "../../../commands/create-prerequisite.ts";
import { updatePrerequisite } from "../../../commands/update-prerequisite.ts";
import { movePrerequisite } from "../../../commands/move-prerequisite.ts";
import { archivePrerequisite } from "../../../commands/archive-prerequisite.ts";
import { restorePrerequisite } from "../../../commands/restore-prerequisite.ts";
import { goalOfPlan, prerequisiteOfGoal, strategyOfGoal, type GoalRow } from "../../../queries/goals-taxonomies.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { loadPlanForShaping, parseParams } from "./load.ts";
import { backFromBody, backFromQuery, goalCrumbs, goalPath, planParams, registerRowActions } from "./shaping-routes.ts";

const goalParams = planParams.extend({ id: z.uuid() });
const strategyParams = goalParams.extend({ sid: z.uuid() });
const prerequisiteParams = goalParams.extend({ pid: z.uuid() });
const strategyForm = z.object({ version: formVersion, title: formText, text: formText, confirmPersonalData });
const prerequisiteForm = z.object({ version: formVersion, text: formText, confirmPersonalData });

interface FormState<T> {
  values: T;
  errors: FieldErrors;
  askConfirm: boolean;
  version?: number;
  theirs?: T | undefined;
}

export function registerGoalPartRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadGoal(request: FastifyRequest) {
    const params = parseParams(goalParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const goal = await goalOfPlan(db(), loaded.plan.id, params.id);
    return { ...loaded, goal, goalPage: goalPath(loaded.workspace.slug, loaded.plan.slug, goal.id) };
  }

  function crumbs(ctx: PageContext, workspace: Workspace, plan: Plan, goal: GoalRow, last: string) {
    return [...goalCrumbs(ctx, workspace, plan, planWords(ctx, plan.vocabulary), goal), { label: last }];
  }

  // Strategies.
  function strategyPage(ctx: PageContext, workspace: Workspace, plan: Plan, goal: GoalRow, action: string, back: string, heading: string, crumb: string, form: FormState<StrategyFields>) {
    const words = planWords(ctx, plan.vocabulary);
    return h(StrategyPage, { ctx, crumbs: crumbs(ctx, workspace, plan, goal, crumb), words, heading, goalName: goalName(words, goal), action, back, ...form });
  }
  const newStrategyHeading = (ctx: PageContext, plan: Plan, goal: GoalRow) => ctx.t("goalsAdmin.strategy.newTitle", { goal: goalName(planWords(ctx, plan.vocabulary), goal) });

  app.get("/:ws/planer/:plan/hantera/mal/:id/strategier/ny", async (request, reply) => {
    const { workspace, plan, goal, goalPage } = await loadGoal(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, strategyPage(ctx, workspace, plan, goal, `${goalPage}/strategier/ny`, backFromQuery(request, goalPage), newStrategyHeading(ctx, plan, goal),
      ctx.t("goalsAdmin.strategy.newCrumb"), { values: { title: "", text: "" }, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/:id/strategier/ny", async (request, reply) => {
    const { viewer, workspace, plan, goal, goalPage } = await loadGoal(request);
    const form = strategyForm.parse(request.body ?? {});
    const values: StrategyFields = { title: form.title, text: form.text };
    const back = backFromBody(request.body, goalPage);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createStrategy(db(), viewer, { planId: plan.id, goalId: goal.id, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => strategyPage(ctx, workspace, plan, goal, `${goalPage}/strategier/ny`, back, newStrategyHeading(ctx, plan, goal), ctx.t("goalsAdmin.strategy.newCrumb"), { values, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  async function loadStrategy(request: FastifyRequest) {
    const params = parseParams(strategyParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const goal = await goalOfPlan(db(), loaded.plan.id, params.id);
    const strategy = await strategyOfGoal(db(), loaded.plan.id, goal.id, params.sid);
    const goalPage = goalPath(loaded.workspace.slug, loaded.plan.slug, goal.id);
    return { ...loaded, goal, strategy, goalPage, self: `${goalPage}/strategier/${strategy.id}` };
  }

  app.get("/:ws/planer/:plan/hantera/mal/:id/strategier/:sid", async (request, reply) => {
    const { workspace, plan, goal, strategy, goalPage, self } = await loadStrategy(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, strategyPage(ctx, workspace, plan, goal, self, backFromQuery(request, goalPage), ctx.t("goalsAdmin.strategy.editTitle", { title: strategy.title }),
      strategy.title, { values: { title: strategy.title, text: strategy.text }, version: strategy.version, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/:id/strategier/:sid", async (request, reply) => {
    const { viewer, workspace, plan, goal, strategy, goalPage, self } = await loadStrategy(request);
    const form = strategyForm.parse(request.body ?? {});
    const values: StrategyFields = { title: form.title, text: form.text };
    const back = backFromBody(request.body, goalPage);
    const ctx = pageContext(request, reply);
    const heading = ctx.t("goalsAdmin.strategy.editTitle", { title: strategy.title });
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateStrategy(db(), viewer, { planId: plan.id, goalId: goal.id, strategyId: strategy.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => strategyPage(ctx, workspace, plan, goal, self, back, heading, strategy.title, { values, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<StrategyFields>;
        return strategyPage(ctx, workspace, plan, goal, self, back, heading, strategy.title, { values, version: c.currentVersion, theirs: c.current, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });

  registerRowActions(app, state, {
    path: "/:ws/planer/:plan/hantera/mal/:id/strategier/:sid",
    params: strategyParams,
    fallback: (c) => goalPath(c.workspace.slug, c.plan.slug, c.params.id),
    move: (c, direction) => moveStrategy(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, strategyId: c.params.sid, direction }),
    archive: (c) => archiveStrategy(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, strategyId: c.params.sid }),
    restore: (c) => restoreStrategy(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, strategyId: c.params.sid }),
  });

  // What needs to be in place.
  function prerequisitePage(ctx: PageContext, workspace: Workspace, plan: Plan, goal: GoalRow, action: string, back: string, isNew: boolean, form: FormState<PrerequisiteFields>) {
    const words = planWords(ctx, plan.vocabulary);
    const name = goalName(words, goal);
    const heading = ctx.t(isNew ? "goalsAdmin.prerequisite.newTitle" : "goalsAdmin.prerequisite.editTitle", { goal: name });
    const crumb = ctx.t(isNew ? "goalsAdmin.prerequisite.newCrumb" : "goalsAdmin.prerequisite.crumb");
    return h(PrerequisitePage, { ctx, crumbs: crumbs(ctx, workspace, plan, goal, crumb), words, heading, goalName: name, action, back, ...form });
  }

  app.get("/:ws/planer/:plan/hantera/mal/:id/forutsattningar/ny", async (request, reply) => {
    const { workspace, plan, goal, goalPage } = await loadGoal(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, prerequisitePage(ctx, workspace, plan, goal, `${goalPage}/forutsattningar/ny`, backFromQuery(request, goalPage), true,
      { values: { text: "" }, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/:id/forutsattningar/ny", async (request, reply) => {
    const { viewer, workspace, plan, goal, goalPage } = await loadGoal(request);
    const form = prerequisiteForm.parse(request.body ?? {});
    const values: PrerequisiteFields = { text: form.text };
    const back = backFromBody(request.body, goalPage);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createPrerequisite(db(), viewer, { planId: plan.id, goalId: goal.id, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => prerequisitePage(ctx, workspace, plan, goal, `${goalPage}/forutsattningar/ny`, back, true, { values, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  async function loadPrerequisite(request: FastifyRequest) {
    const params = parseParams(prerequisiteParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const goal = await goalOfPlan(db(), loaded.plan.id, params.id);
    const prerequisite = await prerequisiteOfGoal(db(), loaded.plan.id, goal.id, params.pid);
    const goalPage = goalPath(loaded.workspace.slug, loaded.plan.slug, goal.id);
    return { ...loaded, goal, prerequisite, goalPage, self: `${goalPage}/forutsattningar/${prerequisite.id}` };
  }

  app.get("/:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid", async (request, reply) => {
    const { workspace, plan, goal, prerequisite, goalPage, self } = await loadPrerequisite(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, prerequisitePage(ctx, workspace, plan, goal, self, backFromQuery(request, goalPage), false,
      { values: { text: prerequisite.text }, version: prerequisite.version, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid", async (request, reply) => {
    const { viewer, workspace, plan, goal, prerequisite, goalPage, self } = await loadPrerequisite(request);
    const form = prerequisiteForm.parse(request.body ?? {});
    const values: PrerequisiteFields = { text: form.text };
    const back = backFromBody(request.body, goalPage);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updatePrerequisite(db(), viewer, {
        planId: plan.id, goalId: goal.id, prerequisiteId: prerequisite.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData,
      }),
      redirect: () => back,
      invalid: (problems) => prerequisitePage(ctx, workspace, plan, goal, self, back, false, { values, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<PrerequisiteFields>;
        return prerequisitePage(ctx, workspace, plan, goal, self, back, false, { values, version: c.currentVersion, theirs: c.current, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });

  registerRowActions(app, state, {
    path: "/:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid",
    params: prerequisiteParams,
    fallback: (c) => goalPath(c.workspace.slug, c.plan.slug, c.params.id),
    move: (c, direction) => movePrerequisite(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, prerequisiteId: c.params.pid, direction }),
    archive: (c) => archivePrerequisite(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, prerequisiteId: c.params.pid }),
    restore: (c) => restorePrerequisite(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, prerequisiteId: c.params.pid }),
  });
}
