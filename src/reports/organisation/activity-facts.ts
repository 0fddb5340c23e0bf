// What an organisation's documents say about an activity beside its text: who is responsible, with whom, its
// classifications (prevention level, target group …), timeline, phase and child-rights perspective; and how an action
// plan's activities under a goal are grouped by kind (stadsövergripande / i samverkan / verksamhetsspecifika).
import type { Db } from "../../db/client.ts";
import { vocabularyLabel, type Locale } from "../../domain/vocabulary.ts";
import { loadPlanGraph, type ActivityView, type Plan, type PlanGraph, type Workspace } from "../../queries/plan-graph.ts";
import { termName } from "../../queries/plan-stats.ts";
import { formatDate, translator, type MessageKey, type Translate } from "../../web/i18n/index.ts";

export interface DocumentContext {
  graph: PlanGraph;
  locale: Locale;
  t: Translate;
  goalOne: string;
  measureOne: string;
  measureOther: string;
}

/**
 * The plan as an organisation's document reads it, in the reader's language and the plan's own words. Internal
 * readers only (the routes check): draft action plans and reports not yet accepted are included.
 */
export async function documentContext(db: Db, workspace: Workspace, plan: Plan, locale: Locale): Promise<DocumentContext> {
  return {
    graph: await loadPlanGraph(db, workspace, plan, { includeUnaccepted: true }),
    locale,
    t: translator(locale),
    goalOne: vocabularyLabel(plan.vocabulary, "goal", locale, "one"),
    measureOne: vocabularyLabel(plan.vocabulary, "measure", locale, "one"),
    measureOther: vocabularyLabel(plan.vocabulary, "measure", locale, "other"),
  };
}

/** "Aktivitet 1.2: Föräldrakurser", in the plan's own words. */
export function activityHeading(c: DocumentContext, activity: Pick<ActivityView, "number" | "title">): string {
  return activity.number ? `${c.measureOne} ${activity.number}: ${activity.title}` : activity.title;
}

function names(graph: PlanGraph, ids: readonly string[]): string {
  return ids.map((id) => graph.organisations.find((o) => o.id === id)?.name).filter(Boolean).join(", ");
}

function timeline(c: DocumentContext, activity: ActivityView): string | null {
  const start = activity.plannedStart ? formatDate(activity.plannedStart, c.locale) : null;
  const end = activity.plannedEnd ? formatDate(activity.plannedEnd, c.locale) : null;
  if (start && end) return c.t("date.range", { from: start, to: end });
  if (start) return c.t("orgDoc.from", { date: start });
  if (end) return c.t("orgDoc.until", { date: end });
  return null;
}

export function activityFacts(c: DocumentContext, activity: ActivityView, options: { phase: boolean }): Array<{ label: string; value: string }> {
  const { graph, t } = c;
  const rows: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: string | null) => {
    if (value && value.trim()) rows.push({ label, value });
  };
  add(t("orgDoc.fact.responsible"), names(graph, activity.responsibleIds));
  add(t("orgDoc.fact.coResponsible"), names(graph, activity.coResponsibleIds));
  add(t("orgDoc.fact.partners"), names(graph, activity.partnerIds));
  for (const taxonomy of graph.taxonomies) {
    if (taxonomy.key === "activity_kind") continue; // the kind is the group the activity stands in
    const terms = graph.terms.filter((term) => term.taxonomyId === taxonomy.id && activity.termIds.includes(term.id));
    add(c.locale === "en" ? taxonomy.nameEn ?? taxonomy.name : taxonomy.name, terms.map((term) => termName(term, c.locale)).join(", "));
  }
  add(t("orgDoc.fact.timeline"), timeline(c, activity));
  if (options.phase) add(t("orgDoc.fact.phase"), t(`phase.${activity.phase}` as MessageKey));
  add(t("orgDoc.fact.childRights"), activity.childRights);
  return rows;
}

/** The activities under a goal by the plan's kinds, in the kinds' order; those without a kind last ("Övriga …"). */
export function byKind(c: DocumentContext, activities: readonly ActivityView[]): Array<{ heading: string | null; activities: ActivityView[] }> {
  const kinds = c.graph.taxonomies.find((x) => x.key === "activity_kind");
  const kindTerms = kinds ? c.graph.terms.filter((term) => term.taxonomyId === kinds.id) : [];
  const groups: Array<{ heading: string | null; activities: ActivityView[] }> = kindTerms
    .map((term) => ({ heading: termName(term, c.locale), activities: activities.filter((a) => a.termIds.includes(term.id)) }))
    .filter((g) => g.activities.length > 0);
  const grouped = new Set(groups.flatMap((g) => g.activities.map((a) => a.id)));
  const rest = activities.filter((a) => !grouped.has(a.id));
  if (rest.length > 0) groups.push({ heading: groups.length > 0 ? c.t("orgDoc.otherKind", { measures: c.measureOther.toLocaleLowerCase(c.locale) }) : null, activities: rest });
  return groups;
}

/** A file name's stem from words: lower case, ASCII letters and digits, hyphens between. */
export function fileStem(...words: string[]): string {
  return words
    .join(" ")
    .toLocaleLowerCase("sv-SE")
    .replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120) || "dokument";
}
