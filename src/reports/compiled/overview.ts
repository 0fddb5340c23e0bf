// The compiled report's overview charts, each with the data table that stands beside it: status per goal, organisations
// × goals, prevention levels, focus areas × goals. Collected once (words already in the reader's language) so the web
// page, Word and PDF loop over the same list.
import type { Locale } from "../../domain/vocabulary.ts";
import type { ActivityView, PlanGraph, Taxonomy } from "../../queries/plan-graph.ts";
import { termName } from "../../queries/plan-stats.ts";
import type { Translate } from "../../web/i18n/index.ts";

export interface ChartTextData {
  title: string;
  description: string;
}

/** A chart's numbers as a table: a corner header, column headers, and one labelled row of numbers per line. */
export interface DataTable {
  corner: string;
  columns: string[];
  /** Shorter column headers for narrow pages (Word, PDF): "1" instead of "Inriktningsmål 1". */
  narrowColumns: string[];
  rows: Array<{ label: string; values: number[] }>;
  /** Whether the row labels are authored text (organisation and term names), for `lang`. */
  authoredRows: boolean;
}

export type OverviewChart = { key: string; text: ChartTextData; table: DataTable } & (
  | { kind: "statusBars"; bars: Array<{ label: string; segments: Array<{ label: string; colour: string; value: number }> }> }
  | { kind: "heatmap"; rows: string[]; columns: string[]; values: number[][] }
  | { kind: "bars"; bars: Array<{ label: string; value: number }> }
);

export interface OverviewGoal {
  id: string;
  number: string;
  statusRows: Array<{ name: string; colour: string; count: number }>;
}

export interface OverviewInput {
  graph: PlanGraph;
  goals: readonly OverviewGoal[];
  /** The activities the report covers (selected goals and organisations). */
  activities: readonly ActivityView[];
  orgFilter: ReadonlySet<string> | null;
  roundName: string;
  words: { goalOne: string; measureOther: string };
  locale: Locale;
  t: Translate;
}

export function collectOverviewCharts(input: OverviewInput): OverviewChart[] {
  const { graph, goals, t, locale, words } = input;
  const lower = (s: string) => s.toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB");
  const goalLabel = (g: OverviewGoal) => `${words.goalOne} ${g.number}`;
  const part = (label: string, count: number) => t("compiled.chart.part", { label, count });
  const goalColumns = { columns: goals.map(goalLabel), narrowColumns: goals.map((g) => g.number) };
  const charts: OverviewChart[] = [];

  // Status per goal (stacked bars in the plan's status colours).
  const statusNames = goals[0]?.statusRows.map((r) => r.name) ?? [];
  charts.push({
    key: "status",
    kind: "statusBars",
    text: {
      title: t("compiled.chart.statusPerGoal", { goal: lower(words.goalOne), round: input.roundName }),
      description: goals.map((g) => t("compiled.chart.statusPerGoalBar", { label: goalLabel(g), parts: g.statusRows.map((r) => part(r.name, r.count)).join(", ") })).join(" "),
    },
    bars: goals.map((g) => ({ label: goalLabel(g), segments: g.statusRows.map((r) => ({ label: r.name, colour: r.colour, value: r.count })) })),
    table: {
      corner: words.goalOne, columns: statusNames, narrowColumns: statusNames, authoredRows: false,
      rows: goals.map((g) => ({ label: goalLabel(g), values: g.statusRows.map((r) => r.count) })),
    },
  });

  // Organisations × goals: how many activities each organisation is responsible for under each goal.
  const responsibleCount = (organisationId: string, goalId: string) =>
    input.activities.filter((a) => a.goalId === goalId && a.responsibleIds.includes(organisationId)).length;
  const orgs = graph.organisations.filter((o) => (!input.orgFilter || input.orgFilter.has(o.id)) && goals.some((g) => responsibleCount(o.id, g.id) > 0));
  if (orgs.length > 0) {
    const values = orgs.map((o) => goals.map((g) => responsibleCount(o.id, g.id)));
    charts.push({
      key: "organisations",
      kind: "heatmap",
      text: {
        title: t("compiled.chart.heatmap", { measures: lower(words.measureOther), goal: lower(words.goalOne) }),
        description: orgs.map((o, i) => t("compiled.chart.heatmapRow", { organisation: o.name, parts: goals.map((g, j) => part(goalLabel(g), values[i]![j]!)).join(", ") })).join(" "),
      },
      rows: orgs.map((o) => o.name),
      columns: goalColumns.columns,
      values,
      table: { corner: t("compiled.chart.organisation"), ...goalColumns, authoredRows: true, rows: orgs.map((o, i) => ({ label: o.name, values: values[i]! })) },
    });
  }

  const taxonomy = (key: string): Taxonomy | undefined => graph.taxonomies.find((x) => x.key === key);
  const taxonomyName = (x: Taxonomy) => (locale === "en" ? x.nameEn ?? x.name : x.name);
  const termsOf = (x: Taxonomy) => graph.terms.filter((term) => term.taxonomyId === x.id);

  // Prevention levels: how many activities carry each level, and how many carry none.
  const levels = taxonomy("prevention_level");
  if (levels && termsOf(levels).length > 0 && input.activities.length > 0) {
    const terms = termsOf(levels);
    const termIds = new Set(terms.map((x) => x.id));
    const bars = terms.map((term) => ({ label: termName(term, locale), value: input.activities.filter((a) => a.termIds.includes(term.id)).length }));
    const without = input.activities.filter((a) => !a.termIds.some((id) => termIds.has(id))).length;
    if (without > 0) bars.push({ label: t("compiled.chart.noTerm"), value: without });
    const name = taxonomyName(levels);
    charts.push({
      key: "prevention-levels",
      kind: "bars",
      text: {
        title: t("compiled.chart.terms", { taxonomy: name, measures: lower(words.measureOther) }),
        description: `${bars.map((b) => part(b.label, b.value)).join(", ")}.`,
      },
      bars,
      table: { corner: name, columns: [words.measureOther], narrowColumns: [words.measureOther], authoredRows: true, rows: bars.map((b) => ({ label: b.label, values: [b.value] })) },
    });
  }

  // Focus areas × goals: how many activities under each goal work with each focus area.
  const areas = taxonomy("focus_area");
  if (areas && termsOf(areas).length > 0 && goals.length > 0) {
    const terms = termsOf(areas);
    const values = terms.map((term) => goals.map((g) => input.activities.filter((a) => a.goalId === g.id && a.termIds.includes(term.id)).length));
    const name = taxonomyName(areas);
    const labels = terms.map((term) => termName(term, locale));
    charts.push({
      key: "focus-areas",
      kind: "heatmap",
      text: {
        title: t("compiled.chart.termsByGoal", { taxonomy: name, goal: lower(words.goalOne), measures: lower(words.measureOther) }),
        description: labels.map((label, i) => t("compiled.chart.heatmapRow", { organisation: label, parts: goals.map((g, j) => part(goalLabel(g), values[i]![j]!)).join(", ") })).join(" "),
      },
      rows: labels,
      columns: goalColumns.columns,
      values,
      table: { corner: name, ...goalColumns, authoredRows: true, rows: labels.map((label, i) => ({ label, values: values[i]! })) },
    });
  }
  return charts;
}
