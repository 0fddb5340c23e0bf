// Names of things in the reader's language: the plan's own vocabulary, organisation names, terms, phases.
import type { PageContext } from "../../context.ts";
import { formatDate, formatNumber, isLocale, yearOf, type Locale } from "../../i18n/index.ts";
import { vocabularyLabel } from "../../../domain/vocabulary.ts";
import type { ActivityView, Figure, Goal, PlanGraph, Workspace } from "../../../queries/plan-graph.ts";
import { termName } from "../../../queries/plan-stats.ts";
import type { MessageKey } from "../../i18n/index.ts";

/**
 * The language a workspace writes its plans in, when it differs from the page's: put it in `lang` on authored text
 * (titles, descriptions, reports), so a screen reader reads Swedish text on an English page as Swedish (WCAG 3.1.2).
 * Undefined when they agree, so no attribute is written.
 */
export function contentLang(ctx: PageContext, workspace: Workspace): Locale | undefined {
  const lang = workspace.defaultLocale;
  return isLocale(lang) && lang !== ctx.locale ? lang : undefined;
}

export function goalLabel(ctx: PageContext, graph: PlanGraph, count: "one" | "other" = "one") {
  return vocabularyLabel(graph.plan.vocabulary, "goal", ctx.locale, count);
}

export function measureLabel(ctx: PageContext, graph: PlanGraph, count: "one" | "other" = "one") {
  return vocabularyLabel(graph.plan.vocabulary, "measure", ctx.locale, count);
}

/** "Inriktningsmål 1: Staden bedriver …" */
export function goalHeading(ctx: PageContext, graph: PlanGraph, goal: Goal) {
  return `${goalLabel(ctx, graph)} ${goal.number}: ${goal.title}`;
}

/** "Aktivitet 2.1: Förvaltningen ska …", or just the title when the source left it unnumbered. */
export function activityHeading(ctx: PageContext, graph: PlanGraph, activity: ActivityView) {
  return activity.number ? `${measureLabel(ctx, graph)} ${activity.number}: ${activity.title}` : activity.title;
}

export function organisationName(graph: PlanGraph, id: string) {
  return graph.organisations.find((o) => o.id === id)?.name ?? "";
}

export function termsOf(ctx: PageContext, graph: PlanGraph, termIds: readonly string[], taxonomyKey: string) {
  const taxonomy = graph.taxonomies.find((t) => t.key === taxonomyKey);
  if (!taxonomy) return [];
  return graph.terms.filter((term) => term.taxonomyId === taxonomy.id && termIds.includes(term.id)).map((term) => termName(term, ctx.locale));
}

export function phaseLabel(ctx: PageContext, phase: string) {
  return ctx.t(`phase.${phase}` as MessageKey);
}

export function periodLabel(ctx: PageContext, start: string, end: string) {
  return ctx.t("date.range", { from: yearOf(start), to: yearOf(end) });
}

export function dateRangeLabel(ctx: PageContext, start: string, end: string) {
  return ctx.t("date.range", { from: formatDate(start, ctx.locale), to: formatDate(end, ctx.locale) });
}

/** "ca 20 ärenden (per 30 september 2024)", "85 kurser" */
export function figureValue(ctx: PageContext, figure: Figure) {
  if (figure.value === null) return "–";
  const qualifier =
    figure.qualifierText ?? (figure.qualifier !== "exact" ? ctx.t(`figure.qualifier.${figure.qualifier}` as MessageKey) : "");
  const value = `${qualifier ? `${qualifier} ` : ""}${formatNumber(figure.value, ctx.locale)}${figure.unit ? ` ${figure.unit}` : ""}`;
  return figure.asOf ? `${value} (${ctx.t("figure.asOf", { date: formatDate(figure.asOf, ctx.locale) })})` : value;
}
