// Shaping a plan's taxonomies and their terms, for its coordinators and administrators: the list in order, a
// taxonomy's form (name, English name, several per activity or one) with its terms, a term's form, and the buttons
// that move, archive and restore. A term is found only under its own taxonomy of this plan; elsewhere it is 404.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import type { FieldErrors } from "../../components/form.tsx";
import { confirmPersonalData, formText, formVersion } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { TaxonomiesPage, taxonomyText } from "../../pages/internal/taxonomies/taxonomies-page.tsx";
import { TaxonomyPage, termText, type TaxonomyPageProps } from "../../pages/internal/taxonomies/taxonomy-page.tsx";
import { TermPage } from "../../pages/internal/taxonomies/term-page.tsx";
import { ShapingHistoryPage } from "../../pages/internal/goals/shaping-history-page.tsx";
import { planWords } from "../../pages/internal/goals/words.ts";
import type { Conflict } from "../../../domain/errors.ts";
import { createTaxonomy, type TaxonomyFields } from "../../../commands/create-taxonomy.ts";
import { updateTaxonomy } from "../../../commands/update-taxonomy.ts";
import { moveTaxonomy } from "../../../commands/move-taxonomy.ts";
import { archiveTaxonomy } from "../../../commands/archive-taxonomy.ts";
import { restoreTaxonomy } from "../../../commands/restore-taxonomy.ts";
import { createTerm, type TermFields } from "../../../commands/create-term.ts";
import { updateTerm } from "../../../commands/update-term.ts";
import { moveTerm } from "../../../commands/move-term.ts";
import { archiveTerm } from "../../../commands/archive-term.ts";
import { restoreTerm } from "../../../commands/restore-term.ts";
import { historyOfSubjects, taxonomiesOverview, taxonomyOfPlan, termOfTaxonomy, termsOfTaxonomy, type TaxonomyRow, type TermRow } from "../../../queries/goals-taxonomies.ts";
import type { Plan, Workspace } from "../../../queries/plan-graph.ts";
import { loadPlanForShaping, parseParams } from "./load.ts";
import { historyActionLabel, historyValue } from "./goals.ts";
import { authoredLang, backFromBody, backFromQuery, hubPath, manageCrumbs, planParams, registerRowActions } from "./shaping-routes.ts";

const taxonomyParams = planParams.extend({ id: z.uuid() });
const termParams = taxonomyParams.extend({ tid: z.uuid() });
/** "1" several, "0" one; a new taxonomy without an answer allows several (as most do). */
const multipleChoice = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(["0", "1"]).catch("1"));
const taxonomyForm = z.object({ version: formVersion, name: formText, nameEn: formText, multiple: multipleChoice, confirmPersonalData });
const termForm = z.object({ version: formVersion, name: formText, nameEn: formText, description: formText, confirmPersonalData });

const taxonomiesPath = (ws: string, plan: string) => `${hubPath(ws, plan)}/taxonomier`;

interface FormState<T> {
  values: T;
  errors: FieldErrors;
  askConfirm: boolean;
  version?: number;
  theirs?: T | undefined;
}

export function registerTaxonomyRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function load(request: FastifyRequest) {
    const params = parseParams(planParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    return { ...loaded, base: taxonomiesPath(loaded.workspace.slug, loaded.plan.slug) };
  }

  async function loadTaxonomy(request: FastifyRequest, options?: { archived?: boolean }) {
    const params = parseParams(taxonomyParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const taxonomy = await taxonomyOfPlan(db(), loaded.plan.id, params.id, options);
    const base = taxonomiesPath(loaded.workspace.slug, loaded.plan.slug);
    return { ...loaded, taxonomy, base, self: `${base}/${taxonomy.id}` };
  }

  function crumbs(ctx: PageContext, workspace: Workspace, plan: Plan, taxonomy?: TaxonomyRow) {
    const base = taxonomiesPath(workspace.slug, plan.slug);
    const list = [...manageCrumbs(ctx, workspace, plan), { label: ctx.t("taxonomiesAdmin.list.title"), href: base }];
    if (taxonomy) list.push({ label: taxonomyText(ctx, taxonomy), href: `${base}/${taxonomy.id}` });
    return list;
  }

  app.get("/:ws/planer/:plan/hantera/taxonomier", async (request, reply) => {
    const { workspace, plan, base } = await load(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, h(TaxonomiesPage, {
      ctx, crumbs: [...manageCrumbs(ctx, workspace, plan), { label: ctx.t("taxonomiesAdmin.list.title") }], words: planWords(ctx, plan.vocabulary),
      taxonomies: await taxonomiesOverview(db(), plan.id), self: base, base, lang: authoredLang(ctx, workspace),
    }));
  });

  // A new taxonomy.
  function newPage(ctx: PageContext, workspace: Workspace, plan: Plan, base: string, back: string, form: FormState<TaxonomyFields>) {
    const heading = ctx.t("taxonomiesAdmin.add");
    return h(TaxonomyPage, {
      ctx, crumbs: [...crumbs(ctx, workspace, plan), { label: ctx.t("taxonomiesAdmin.newCrumb") }], words: planWords(ctx, plan.vocabulary), heading,
      action: `${base}/ny`, back, ...form,
    });
  }

  app.get("/:ws/planer/:plan/hantera/taxonomier/ny", async (request, reply) => {
    const { workspace, plan, base } = await load(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, newPage(ctx, workspace, plan, base, backFromQuery(request, base), {
      values: { name: "", nameEn: "", multiple: true }, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/hantera/taxonomier/ny", async (request, reply) => {
    const { viewer, workspace, plan, base } = await load(request);
    const form = taxonomyForm.parse(request.body ?? {});
    const values: TaxonomyFields = { name: form.name, nameEn: form.nameEn, multiple: form.multiple === "1" };
    const back = backFromBody(request.body, base);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createTaxonomy(db(), viewer, { planId: plan.id, ...values, confirmedPersonalData: form.confirmPersonalData }),
      // A new taxonomy opens on its own page, where its terms are added.
      redirect: (created) => `${base}/${created.id}`,
      invalid: (problems) => newPage(ctx, workspace, plan, base, back, { values, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  // One taxonomy: the form and its terms.
  function editPage(ctx: PageContext, workspace: Workspace, plan: Plan, taxonomy: TaxonomyRow, terms: TermRow[], self: string, back: string, form: FormState<TaxonomyFields>) {
    const props: TaxonomyPageProps = {
      ctx, crumbs: [...crumbs(ctx, workspace, plan), { label: taxonomyText(ctx, taxonomy) }], words: planWords(ctx, plan.vocabulary), heading: taxonomyText(ctx, taxonomy),
      action: self, back, ...form, lang: authoredLang(ctx, workspace),
      existing: { key: taxonomy.key, terms, base: self, self, history: `${self}/historik` },
    };
    return h(TaxonomyPage, props);
  }

  app.get("/:ws/planer/:plan/hantera/taxonomier/:id", async (request, reply) => {
    const { workspace, plan, taxonomy, base, self } = await loadTaxonomy(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, editPage(ctx, workspace, plan, taxonomy, await termsOfTaxonomy(db(), taxonomy.id), self, backFromQuery(request, base), {
      values: { name: taxonomy.name, nameEn: taxonomy.nameEn ?? "", multiple: taxonomy.multiple }, version: taxonomy.version, errors: {}, askConfirm: false,
    }));
  });

  app.post("/:ws/planer/:plan/hantera/taxonomier/:id", async (request, reply) => {
    const { viewer, workspace, plan, taxonomy, base, self } = await loadTaxonomy(request);
    const form = taxonomyForm.parse(request.body ?? {});
    const values: TaxonomyFields = { name: form.name, nameEn: form.nameEn, multiple: form.multiple === "1" };
    const back = backFromBody(request.body, base);
    const ctx = pageContext(request, reply);
    const terms = await termsOfTaxonomy(db(), taxonomy.id);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateTaxonomy(db(), viewer, { planId: plan.id, taxonomyId: taxonomy.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => editPage(ctx, workspace, plan, taxonomy, terms, self, back, { values, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<TaxonomyFields>;
        return editPage(ctx, workspace, plan, taxonomy, terms, self, back, { values, version: c.currentVersion, theirs: c.current, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/planer/:plan/hantera/taxonomier/:id/historik", async (request, reply) => {
    const { workspace, plan, taxonomy, base } = await loadTaxonomy(request, { archived: true });
    const ctx = pageContext(request, reply);
    const words = planWords(ctx, plan.vocabulary);
    const terms = await termsOfTaxonomy(db(), taxonomy.id);
    const entries = await historyOfSubjects(db(), workspace.id, [{ type: "taxonomy", ids: [taxonomy.id] }, { type: "term", ids: terms.map((t) => t.id) }]);
    const names = new Map(terms.map((t) => [t.id, termText(ctx, t)]));
    const labels: Record<string, MessageKey> = {
      name: "taxonomiesAdmin.field.name", nameEn: "taxonomiesAdmin.field.nameEn", description: "taxonomiesAdmin.term.description", key: "taxonomiesAdmin.history.key",
      position: "goalsAdmin.history.position", archivedAt: "goalsAdmin.history.archivedAt",
    };
    const name = taxonomyText(ctx, taxonomy);
    return sendPage(reply, h(ShapingHistoryPage, {
      ctx,
      crumbs: [
        ...manageCrumbs(ctx, workspace, plan), { label: ctx.t("taxonomiesAdmin.list.title"), href: base },
        ...(taxonomy.archivedAt ? [] : [{ label: name, href: `${base}/${taxonomy.id}` }]), { label: ctx.t("history.crumb") },
      ],
      heading: name, entries,
      subjectName: (entry) => (entry.subjectType === "term" ? names.get(entry.subjectId ?? "") : undefined),
      actionLabel: (entry) => historyActionLabel(ctx, words, entry),
      fieldLabel: (field) => (field === "multiple" ? ctx.t("taxonomiesAdmin.history.multiple", { measure: words.measureLower }) : labels[field] ? ctx.t(labels[field]) : field),
      showValue: (field, value) => historyValue(ctx, field, value),
    }));
  });

  registerRowActions(app, state, {
    path: "/:ws/planer/:plan/hantera/taxonomier/:id",
    params: taxonomyParams,
    fallback: (c) => taxonomiesPath(c.workspace.slug, c.plan.slug),
    move: (c, direction) => moveTaxonomy(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id, direction }),
    archive: (c) => archiveTaxonomy(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id }),
    restore: (c) => restoreTaxonomy(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id }),
  });

  // Terms.
  function termPage(ctx: PageContext, workspace: Workspace, plan: Plan, taxonomy: TaxonomyRow, action: string, back: string, heading: string, crumb: string, form: FormState<TermFields>) {
    return h(TermPage, {
      ctx, crumbs: [...crumbs(ctx, workspace, plan, taxonomy), { label: crumb }], heading, taxonomyName: taxonomyText(ctx, taxonomy), action, back, ...form,
    });
  }

  app.get("/:ws/planer/:plan/hantera/taxonomier/:id/termer/ny", async (request, reply) => {
    const { workspace, plan, taxonomy, self } = await loadTaxonomy(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, termPage(ctx, workspace, plan, taxonomy, `${self}/termer/ny`, backFromQuery(request, self),
      ctx.t("taxonomiesAdmin.term.newTitle", { taxonomy: taxonomyText(ctx, taxonomy) }), ctx.t("taxonomiesAdmin.term.newCrumb"),
      { values: { name: "", nameEn: "", description: "" }, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/taxonomier/:id/termer/ny", async (request, reply) => {
    const { viewer, workspace, plan, taxonomy, self } = await loadTaxonomy(request);
    const form = termForm.parse(request.body ?? {});
    const values: TermFields = { name: form.name, nameEn: form.nameEn, description: form.description };
    const back = backFromBody(request.body, self);
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createTerm(db(), viewer, { planId: plan.id, taxonomyId: taxonomy.id, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => termPage(ctx, workspace, plan, taxonomy, `${self}/termer/ny`, back, ctx.t("taxonomiesAdmin.term.newTitle", { taxonomy: taxonomyText(ctx, taxonomy) }),
        ctx.t("taxonomiesAdmin.term.newCrumb"), { values, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  async function loadTerm(request: FastifyRequest) {
    const params = parseParams(termParams, request.params);
    const loaded = await loadPlanForShaping(db(), request, params.ws, params.plan);
    const taxonomy = await taxonomyOfPlan(db(), loaded.plan.id, params.id);
    const term = await termOfTaxonomy(db(), loaded.plan.id, taxonomy.id, params.tid);
    const taxonomyPage = `${taxonomiesPath(loaded.workspace.slug, loaded.plan.slug)}/${taxonomy.id}`;
    return { ...loaded, taxonomy, term, taxonomyPage, self: `${taxonomyPage}/termer/${term.id}` };
  }

  app.get("/:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid", async (request, reply) => {
    const { workspace, plan, taxonomy, term, taxonomyPage, self } = await loadTerm(request);
    const ctx = pageContext(request, reply);
    return sendPage(reply, termPage(ctx, workspace, plan, taxonomy, self, backFromQuery(request, taxonomyPage), ctx.t("taxonomiesAdmin.term.editTitle", { name: termText(ctx, term) }),
      termText(ctx, term), { values: { name: term.name, nameEn: term.nameEn ?? "", description: term.description }, version: term.version, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid", async (request, reply) => {
    const { viewer, workspace, plan, taxonomy, term, taxonomyPage, self } = await loadTerm(request);
    const form = termForm.parse(request.body ?? {});
    const values: TermFields = { name: form.name, nameEn: form.nameEn, description: form.description };
    const back = backFromBody(request.body, taxonomyPage);
    const ctx = pageContext(request, reply);
    const heading = ctx.t("taxonomiesAdmin.term.editTitle", { name: termText(ctx, term) });
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => updateTerm(db(), viewer, { planId: plan.id, taxonomyId: taxonomy.id, termId: term.id, version: form.version, ...values, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => back,
      invalid: (problems) => termPage(ctx, workspace, plan, taxonomy, self, back, heading, termText(ctx, term), { values, version: form.version, ...problems }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<TermFields>;
        return termPage(ctx, workspace, plan, taxonomy, self, back, heading, termText(ctx, term), { values, version: c.currentVersion, theirs: c.current, ...problems });
      },
      after: () => state.cache.invalidate(),
    });
  });

  registerRowActions(app, state, {
    path: "/:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid",
    params: termParams,
    fallback: (c) => `${taxonomiesPath(c.workspace.slug, c.plan.slug)}/${c.params.id}`,
    move: (c, direction) => moveTerm(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id, termId: c.params.tid, direction }),
    archive: (c) => archiveTerm(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id, termId: c.params.tid }),
    restore: (c) => restoreTerm(db(), c.viewer, { planId: c.plan.id, taxonomyId: c.params.id, termId: c.params.tid }),
  });
}
