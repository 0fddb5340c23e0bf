// Shaping a plan's goals, for its coordinators and administrators: the list in order, a goal's form (number, title,
// text) with its strategies and what needs to be in place, and the buttons that move, archive and restore. Strategies
// and prerequisites have their own forms (goal-parts.ts). Every page speaks the plan's own words.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { formatDateTime, hasMessage, type MessageKey } from "../../i18n/index.ts";
import { GoalsPage } from "../../pages/internal/goals/goals-page.tsx";
import { GoalPage, type GoalPageProps } from "../../pages/internal/goals/goal-page.tsx";
import { ShapingHistoryPage } from "../../pages/internal/goals/shaping-history-page.tsx";
import { goalName, planWords, type PlanWords } from "../../pages/internal/goals/words.ts";
import type { Conflict } from "../../../domain/errors.ts";
import { createGoal, type GoalFields } from "../../../commands/create-goal.ts";
import { updateGoal } from "../../../commands/update-goal.ts";
import { moveGoal } from "../../../commands/move-goal.ts";
import { archiveGoal } from "../../../commands/archive-goal.ts";
import { restoreGoal } from "../../../commands/restore-goal.ts";
import { goalOfPlan, goalParts, goalsOverview, historyOfSubjects, type GoalRow, type ShapingHistoryEntry } from "../../../queries/goals-taxonomies.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { loadPlanForShaping, parseParams } from "./load.ts";
import { registerGoalPartRoutes } from "./goal-parts.ts";
import { authoredLang, backFromBody, backFromQuery, goalCrumbs, goalPath, goalsPath, manageCrumbs, planParams, registerRowActions } from "./shaping-routes.ts";

const goalParams = planParams.extend({ id: z.uuid() });
const goalForm = z.object({ version: formVersion, number: formText, title: formText, text: formText, confirmPersonalData });

/** An action in the history, in the plan's own words. */
export function historyActionLabel(ctx: PageContext, words: PlanWords, entry: ShapingHistoryEntry): string {
  const key = `history.action.${entry.action}`;
  return hasMessage(key) ? ctx.t(key, { goal: words.goalLower, intro: words.strategyIntro, heading: words.prerequisites, measure: words.measureLower }) : entry.action;
}

/** A stored value as people read it: yes/no for flags, a date for archiving. */
export function historyValue(ctx: PageContext, field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === "multiple") return ctx.t(value === "true" || value === true ? "goalsAdmin.history.yes" : "goalsAdmin.history.no");
  if (field === "archivedAt") return formatDateTime(new Date(String(value)), ctx.locale);
  return value;
}

export function registerGoalRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function load(request: FastifyRequest) {
    const params = parseParams(planParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const base = goalsPath(loaded.workspace.slug, loaded.plan.slug);
    return { ...loaded, base };
  }

  async function loadGoal(request: FastifyRequest, options?: { archived?: boolean }) {
    const params = parseParams(goalParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const goal = await goalOfPlan(db(), loaded.plan.id, params.id, options);
    const base = goalsPath(loaded.workspace.slug, loaded.plan.slug);
    return { ...loaded, goal, base, self: `${base}/${goal.id}` };
  }

  app.get("/:ws/planer/:plan/hantera/mal", async (request, reply) => {
    const { workspace, plan, base } = await load(request);
    const ctx = pageContext(request, reply);
    const words = planWords(ctx, plan.vocabulary);
    return sendPage(reply, h(GoalsPage, {
      ctx, crumbs: [...manageCrumbs(ctx, workspace, plan), { label: words.goals }], words, goals: await goalsOverview(db(), plan.id),
      self: base, base, lang: authoredLang(ctx, workspace),
    }));
  });

  // A new goal.
  function newPage(ctx: PageContext, workspace: Workspace, plan: Plan, base: string, back: string, extra: Pick<GoalPageProps, "values" | "errors" | "askConfirm">) {
    const words = planWords(ctx, plan.vocabulary);
    const heading = ctx.t("goalsAdmin.add", { goal: words.goalLower });
    return h(GoalPage, { ctx, crumbs: [...goalCrumbs(ctx, workspace, plan, words), { label: heading }], words, heading, action: `${base}/ny`, back, ...extra });
  }

  app.get("/:ws/planer/:plan/hantera/mal/ny", async (request, reply) => {
    const { workspace, plan, base } = await load(request);
    const ctx = pageContext(request, reply);
    const values: GoalFields = { number: "", title: "", text: "" };
    return sendPage(reply, newPage(ctx, workspace, plan, base, backFromQuery(request, base), { values, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/ny", async (request, reply) => {
    const { viewer, workspace, plan, base } = await load(request);
    const form = goalForm.parse(request.body ?? {});
    const values: GoalFields = { number: form.number, title: form.title, text: form.text };
    const back = backFromBody(request.body, base);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createGoal(db(), viewer, { planId: plan.id, ...values, confirmedPersonalData: form.confirmPersonalData }),
      // A new goal opens on its own page, where its strategies and prerequisites are added.
      redirect: (created) => `${base}/${created.id}`,
      invalid: (problems) => newPage(ctx, workspace, plan, base, back, { values, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  // One goal: the form and its parts.
  function editPage(
    ctx: PageContext, workspace: Workspace, plan: Plan, goal: GoalRow, parts: Awaited<ReturnType<typeof goalParts>>, self: string, back: string,
    extra: Pick<GoalPageProps, "values" | "errors" | "askConfirm" | "version" | "theirs">,
  ) {
    const words = planWords(ctx, plan.vocabulary);
    return h(GoalPage, {
      ctx, crumbs: [...goalCrumbs(ctx, workspace, plan, words), { label: goalName(words, goal) }], words, heading: `${goalName(words, goal)}: ${goal.title}`,
      action: self, back, ...extra, lang: authoredLang(ctx, workspace),
      parts: { ...parts, base: self, self, history: `${self}/historik` },
    });
  }

  app.get("/:ws/planer/:plan/hantera/mal/:id", async (request, reply) => {
    const { workspace, plan, goal, base, self } = await loadGoal(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, editPage(ctx, workspace, plan, goal, await goalParts(db(), goal.id), self, backFromQuery(request, base), {
      values: { number: goal.number, title: goal.title, text: goal.text }, version: goal.version, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/hantera/mal/:id", async (request, reply) => {
    const { viewer, workspace, plan, goal, base, self } = await loadGoal(request);
    const form = goalForm.parse(request.body ?? {});
    const values: GoalFields = { number: form.number, title: form.title, text: form.text };
    const back = backFromBody(request.body, base);
    const ctx = pageContext(request, reply);
    const parts = await goalParts(db(), goal.id);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateGoal(db(), viewer, { planId: plan.id, goalId: goal.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => editPage(ctx, workspace, plan, goal, parts, self, back, { values, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<GoalFields>;
        return editPage(ctx, workspace, plan, goal, parts, self, back, { values, version: c.currentVersion, theirs: c.current, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/planer/:plan/hantera/mal/:id/historik", async (request, reply) => {
    const { workspace, plan, goal } = await loadGoal(request, { archived: true });
    const ctx = pageContext(request, reply);
    const words = planWords(ctx, plan.vocabulary);
    const parts = await goalParts(db(), goal.id);
    const entries = await historyOfSubjects(db(), workspace.id, [
      { type: "goal", ids: [goal.id] },
      { type: "strategy", ids: parts.strategies.map((s) => s.id) },
      { type: "goal_prerequisite", ids: parts.prerequisites.map((p) => p.id) },
    ]);
    const names = new Map<string, string>([
      ...parts.strategies.map((s) => [s.id, s.title] as [string, string]),
      ...parts.prerequisites.map((p) => [p.id, p.text.length > 120 ? `${p.text.slice(0, 119)}…` : p.text] as [string, string]),
    ]);
    const labels: Record<string, MessageKey> = {
      number: "goalsAdmin.field.number", title: "goalsAdmin.field.title", text: "goalsAdmin.field.text", position: "goalsAdmin.history.position",
      archivedAt: "goalsAdmin.history.archivedAt",
    };
    const name = goalName(words, goal);
    return sendPage(reply, h(ShapingHistoryPage, {
      ctx, crumbs: [...goalCrumbs(ctx, workspace, plan, words), ...(goal.archivedAt ? [] : [{ label: name, href: goalPath(workspace.slug, plan.slug, goal.id) }]), { label: ctx.t("history.crumb") }],
      heading: `${name}: ${goal.title}`, entries,
      subjectName: (entry) => (entry.subjectType === "goal" ? undefined : names.get(entry.subjectId ?? "")),
      actionLabel: (entry) => historyActionLabel(ctx, words, entry),
      fieldLabel: (field) => (labels[field] ? ctx.t(labels[field]) : field),
      showValue: (field, value) => historyValue(ctx, field, value),
    }));
  });

  registerRowActions(app, state, {
    path: "/:ws/planer/:plan/hantera/mal/:id",
    params: goalParams,
    fallback: (c) => goalsPath(c.workspace.slug, c.plan.slug),
    move: (c, direction) => moveGoal(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id, direction }),
    archive: (c) => archiveGoal(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id }),
    restore: (c) => restoreGoal(db(), c.viewer, { planId: c.plan.id, goalId: c.params.id }),
  });

  registerGoalPartRoutes(app, state);
}
