// The compiled report of a plan's follow-up round, collected once as plain data (every word already in the reader's
// language, numbers already written out) and rendered many times: web page, Word and PDF (render-*.ts).
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { localDate } from "../../domain/local-date.ts";
import { compareMeasureNumbers, vocabularyLabel, type Locale } from "../../domain/vocabulary.ts";
import { loadPlanGraph, type Figure, type Plan, type PlanGraph, type ReportView, type Round, type Status, type Workspace } from "../../queries/plan-graph.ts";
import { organisationsInvolved, statusName } from "../../queries/plan-stats.ts";
import { collectGapAnalysis } from "../gap-analysis/collect.ts";
import { collectOverviewCharts, type ChartTextData, type OverviewChart } from "./overview.ts";
export type { ChartTextData, OverviewChart } from "./overview.ts";
export { textBlocks } from "../text-blocks.ts";
import type { Viewer } from "../../domain/roles.ts";
import { formatDate, formatNumber, translator, type MessageKey, type Translate } from "../../web/i18n/index.ts";

export interface CompiledOptions {
  /** Only these goals (ids of the plan's goals); empty or absent = all. */
  goalIds?: readonly string[];
  /** Only what these organisations reported (ids); empty or absent = all. */
  organisationIds?: readonly string[];
  /** Also the organisation reports the coordinator has not accepted (each marked); by default only accepted ones. */
  includeDrafts: boolean;
  locale: Locale;
}

export interface StatusRef {
  name: string;
  colour: string;
}

export interface FigureEntry {
  name: string;
  /** The value as a reader sees it, with its qualifier and unit: "ca 20 ärenden", "85". "–" when missing. */
  value: string;
  baseline: string | null;
  target: string | null;
  year: string | null;
}

export interface ActivityEntry {
  id: string;
  number: string | null;
  /** "Aktivitet 1.2: Föräldrakurser", in the plan's own words. */
  heading: string;
  title: string;
  status: StatusRef | null;
  narrative: string;
  nextSteps: string;
  figures: FigureEntry[];
}

export interface OrganisationSection {
  organisationId: string;
  name: string;
  accepted: boolean;
  /** "Inte accepterad av samordnaren (Utkast)" when not accepted, else null. */
  mark: string | null;
  activities: ActivityEntry[];
}

export interface StatusRow {
  name: string;
  colour: string;
  count: number;
  /** The number in the previous round, when there is one. */
  before: number | null;
}

export interface GoalSection {
  id: string;
  number: string;
  /** "Inriktningsmål 1: …" */
  heading: string;
  title: string;
  description: string;
  /** Activities under the goal in the plan (the selected organisations' when some are chosen). */
  activityCount: number;
  /** Activity reports under the goal in this round (included ones). */
  reportCount: number;
  withoutStatus: number;
  statusRows: StatusRow[];
  organisationsInvolved: string[];
  /** The chart of this goal: its statuses now (and in the previous round when there is one). */
  chart: GoalChart;
  organisations: OrganisationSection[];
}

export type GoalChart =
  | { kind: "change"; text: ChartTextData & { beforeLabel: string; afterLabel: string }; rows: Array<{ label: string; colour: string; before: number; after: number }> }
  | { kind: "bars"; text: ChartTextData; bars: Array<{ label: string; segments: Array<{ label: string; colour: string; value: number }> }> };

export interface SummaryEntry {
  organisationId: string;
  name: string;
  accepted: boolean;
  mark: string | null;
  summary: string;
}

export interface AppendixRow {
  number: string | null;
  title: string;
  /** The goal's number ("1"); the column's header names the goal word. */
  goal: string;
  responsible: string;
  status: string;
}

export interface GapChapter {
  sections: Array<{ heading: string; rule?: string | undefined; unavailable?: string | undefined; lines: Array<{ kind: string; number: string; name: string; detail: string; href: string }> }>;
  total: number;
  activityRule: string;
}

export interface CompiledReport {
  locale: Locale;
  /** Every fixed word, from the catalog in `locale`. */
  t: Translate;
  words: { goalOne: string; goalOther: string; measureOne: string; measureOther: string };
  cover: {
    title: string;
    planName: string;
    roundName: string;
    period: string;
    municipality: string;
    date: string;
  };
  planSlug: string;
  roundSlug: string;
  /** The language the workspace writes in, when it differs from `locale` (for `lang` on authored text); else undefined. */
  authoredLang: string | undefined;
  introduction: string;
  includeDrafts: boolean;
  /** No organisation report is included: the report says so. */
  empty: boolean;
  previousRoundName: string | null;
  /** The overview's charts, each with its data table (./overview.ts). */
  overview: { charts: OverviewChart[] };
  goals: GoalSection[];
  summaries: SummaryEntry[];
  /** The gap analysis of the plan for this round (src/reports/gap-analysis): what has no activity, who has not reported. */
  gaps: GapChapter;
  appendix: AppendixRow[];
  /** What can be chosen (before the choice): the plan's goals and the organisations asked to report in the round. */
  choices: { goals: Array<{ id: string; label: string }>; organisations: Array<{ id: string; name: string }> };
}

export interface CollectInput {
  workspace: Workspace;
  plan: Plan;
  round: Round;
  viewer: Viewer | null;
  options: CompiledOptions;
  /** Today (ISO); defaults to today in Stockholm. */
  today?: string;
}

export function figureEntry(figure: Figure, locale: Locale, t: Translate): FigureEntry {
  let value = "–";
  if (figure.value !== null) {
    const qualifier = figure.qualifierText ?? (figure.qualifier !== "exact" ? t(`figure.qualifier.${figure.qualifier}` as MessageKey) : "");
    value = `${qualifier ? `${qualifier} ` : ""}${formatNumber(figure.value, locale)}${figure.unit ? ` ${figure.unit}` : ""}`;
    if (figure.asOf) value = `${value} (${t("figure.asOf", { date: formatDate(figure.asOf, locale) })})`;
  }
  const withUnit = (n: number | null) => (n === null ? null : `${formatNumber(n, locale)}${figure.unit ? ` ${figure.unit}` : ""}`);
  return { name: figure.name, value, baseline: withUnit(figure.baseline), target: withUnit(figure.target), year: figure.year === null ? null : String(figure.year) };
}

/** Collects the compiled report. Reads only; `viewer` is for the caller's policy check (the caller has done it). */
export async function collectCompiledReport(db: Db, input: CollectInput): Promise<CompiledReport> {
  const { workspace, plan, round, options } = input;
  const locale = options.locale;
  const t = translator(locale);
  const graph: PlanGraph = await loadPlanGraph(db, workspace, plan, { includeUnaccepted: options.includeDrafts });

  const gapAnalysis = await collectGapAnalysis(db, workspace, plan, round, locale);
  const asked = await db.select({ id: s.roundOrganisations.organisationId }).from(s.roundOrganisations).where(eq(s.roundOrganisations.roundId, round.id));
  const askedIds = new Set(asked.map((a) => a.id));
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", locale, "one");
  const goalWords = vocabularyLabel(plan.vocabulary, "goal", locale, "other");
  const measureWord = vocabularyLabel(plan.vocabulary, "measure", locale, "one");
  const measureWords = vocabularyLabel(plan.vocabulary, "measure", locale, "other");
  const lower = (s: string) => s.toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB");

  const goalFilter = options.goalIds?.length ? new Set(options.goalIds) : null;
  const orgFilter = options.organisationIds?.length ? new Set(options.organisationIds) : null;
  const goals = graph.goals.filter((g) => !goalFilter || goalFilter.has(g.id));
  const orgName = new Map(graph.organisations.map((o) => [o.id, o.name]));
  const statusById = new Map<string, Status>(graph.statuses.map((s) => [s.id, s]));

  // The organisation reports of this round that are included: accepted ones, and with includeDrafts every other one
  // that has been started (a report never started has nothing to show).
  const orgReports = graph.organisationReports.filter(
    (r) => r.roundId === round.id && (!orgFilter || orgFilter.has(r.organisationId)) && (r.state === "accepted" || (options.includeDrafts && r.state !== "not_started")),
  );
  const includedReportIds = new Set(orgReports.map((r) => r.id));
  const reports = graph.reports.filter((r) => includedReportIds.has(r.organisationReportId));
  const previous = graph.rounds.find((r) => r.id !== round.id && r.periodEnd < round.periodEnd) ?? null;
  const earlier = previous
    ? graph.reports.filter(
        (r) => r.roundId === previous.id && (!orgFilter || orgFilter.has(r.organisationId)) && (r.organisationReport.state === "accepted" || options.includeDrafts),
      )
    : [];

  const markOf = (state: string) => (state === "accepted" ? null : t("compiled.notAccepted", { state: t(`report.state.${state}` as MessageKey) }));
  const activityById = new Map(graph.activities.map((a) => [a.id, a]));
  const statusRef = (statusId: string | null): StatusRef | null => {
    const status = statusId ? statusById.get(statusId) : undefined;
    return status ? { name: statusName(status, locale), colour: status.colour } : null;
  };
  const countsOf = (list: readonly ReportView[]) => {
    const counts = new Map<string, number>();
    for (const r of list) if (r.statusId) counts.set(r.statusId, (counts.get(r.statusId) ?? 0) + 1);
    return counts;
  };
  const part = (label: string, count: number) => t("compiled.chart.part", { label, count });

  const goalSections: GoalSection[] = goals.map((goal) => {
    const heading = `${goalWord} ${goal.number}: ${goal.title}`;
    const activities = graph.activities.filter(
      (a) => a.goalId === goal.id && (!orgFilter || [...a.responsibleIds, ...a.coResponsibleIds].some((id) => orgFilter.has(id))),
    );
    const inGoal = (r: ReportView) => activityById.get(r.activityId)?.goalId === goal.id;
    const now = reports.filter(inGoal);
    const then = earlier.filter(inGoal);
    const nowCounts = countsOf(now);
    const thenCounts = countsOf(then);
    const statuses = graph.statuses.filter((s) => !s.archivedAt || nowCounts.has(s.id) || thenCounts.has(s.id));
    const statusRows: StatusRow[] = statuses.map((s) => ({
      name: statusName(s, locale), colour: s.colour, count: nowCounts.get(s.id) ?? 0, before: previous ? thenCounts.get(s.id) ?? 0 : null,
    }));
    const chart: GoalChart = previous
      ? {
          kind: "change",
          text: {
            title: t("compiled.chart.change", { goal: lower(goalWord), number: goal.number, before: previous.name, after: round.name }),
            description: statusRows.map((row) => t("compiled.chart.changeRow", { status: row.name, before: row.before ?? 0, after: row.count, beforeRound: previous.name, afterRound: round.name })).join(" "),
            beforeLabel: previous.name,
            afterLabel: round.name,
          },
          rows: statusRows.map((row) => ({ label: row.name, colour: row.colour, before: row.before ?? 0, after: row.count })),
        }
      : {
          kind: "bars",
          text: {
            title: t("compiled.chart.goalStatus", { goal: lower(goalWord), number: goal.number, round: round.name }),
            description: t("compiled.chart.statusPerGoalBar", { label: `${goalWord} ${goal.number}`, parts: statusRows.map((row) => part(row.name, row.count)).join(", ") }),
          },
          bars: [{ label: `${goalWord} ${goal.number}`, segments: statusRows.map((row) => ({ label: row.name, colour: row.colour, value: row.count })) }],
        };

    // Per reporting organisation, in the workspace's order; its activities in the plan's order.
    const organisations: OrganisationSection[] = [];
    for (const organisation of graph.organisations) {
      const own = now.filter((r) => r.organisationId === organisation.id);
      if (own.length === 0) continue;
      const orgReport = own[0]!.organisationReport;
      own.sort((x, y) => compareMeasureNumbers(activityById.get(x.activityId)?.number ?? null, activityById.get(y.activityId)?.number ?? null));
      organisations.push({
        organisationId: organisation.id,
        name: organisation.name,
        accepted: orgReport.state === "accepted",
        mark: markOf(orgReport.state),
        activities: own.map((r) => {
          const activity = activityById.get(r.activityId)!;
          return {
            id: activity.id,
            number: activity.number,
            heading: activity.number ? `${measureWord} ${activity.number}: ${activity.title}` : activity.title,
            title: activity.title,
            status: statusRef(r.statusId),
            narrative: r.narrative,
            nextSteps: r.nextSteps,
            figures: r.figures.map((f) => figureEntry(f, locale, t)),
          };
        }),
      });
    }
    return {
      id: goal.id, number: goal.number, heading, title: goal.title, description: goal.text,
      activityCount: activities.length, reportCount: now.length, withoutStatus: now.filter((r) => !r.statusId).length,
      statusRows, organisationsInvolved: organisationsInvolved(graph, activities).map((o) => o.name), chart, organisations,
    };
  });

  const covered = graph.activities.filter(
    (a) => goalSections.some((g) => g.id === a.goalId) && (!orgFilter || [...a.responsibleIds, ...a.coResponsibleIds].some((id) => orgFilter.has(id))),
  );
  const charts = collectOverviewCharts({
    graph, goals: goalSections, activities: covered, orgFilter, roundName: round.name,
    words: { goalOne: goalWord, measureOther: measureWords }, locale, t,
  });

  const summaries: SummaryEntry[] = graph.organisations
    .map((o) => ({ o, r: orgReports.find((r) => r.organisationId === o.id) }))
    .filter((x) => x.r)
    .map(({ o, r }) => ({ organisationId: o.id, name: o.name, accepted: r!.state === "accepted", mark: markOf(r!.state), summary: r!.summary }));

  const goalIdsShown = new Set(goals.map((g) => g.id));
  const goalNumber = new Map(goals.map((g) => [g.id, g.number]));
  const appendix: AppendixRow[] = graph.activities
    .filter((a) => goalIdsShown.has(a.goalId) && (!orgFilter || [...a.responsibleIds, ...a.coResponsibleIds].some((id) => orgFilter.has(id))))
    .map((a) => {
      const own = reports.filter((r) => r.activityId === a.id);
      const main = own.find((r) => a.responsibleIds.includes(r.organisationId)) ?? own[0];
      const status = main ? statusRef(main.statusId) : null;
      return {
        number: a.number,
        title: a.title,
        goal: goalNumber.get(a.goalId) ?? "",
        responsible: a.responsibleIds.map((id) => orgName.get(id) ?? "").filter(Boolean).join(", "),
        status: status ? status.name : main ? t("compiled.noStatus") : "–",
      };
    });

  return {
    locale,
    t,
    words: { goalOne: goalWord, goalOther: goalWords, measureOne: measureWord, measureOther: measureWords },
    cover: {
      title: t("compiled.title"),
      planName: plan.name,
      roundName: round.name,
      period: t("date.range", { from: formatDate(round.periodStart, locale), to: formatDate(round.periodEnd, locale) }),
      municipality: workspace.name,
      date: formatDate(input.today ?? localDate(), locale),
    },
    planSlug: plan.slug,
    roundSlug: round.slug,
    authoredLang: workspace.defaultLocale && workspace.defaultLocale !== locale ? workspace.defaultLocale : undefined,
    // The coordinator writes one per round (the round's settings); without it, the plan's introduction.
    introduction: round.introduction.trim() ? round.introduction : plan.introduction,
    includeDrafts: options.includeDrafts,
    empty: orgReports.length === 0,
    previousRoundName: previous?.name ?? null,
    overview: { charts },
    goals: goalSections,
    summaries,
    gaps: {
      sections: gapAnalysis.sections.map((section) => ({ heading: section.heading, rule: section.rule, unavailable: section.unavailable, lines: section.lines })),
      total: gapAnalysis.total,
      activityRule: gapAnalysis.activityRule,
    },
    appendix,
    choices: {
      goals: graph.goals.map((g) => ({ id: g.id, label: `${goalWord} ${g.number}: ${g.title}` })),
      organisations: graph.organisations.filter((o) => askedIds.has(o.id) || graph.organisationReports.some((r) => r.roundId === round.id && r.organisationId === o.id)).map((o) => ({ id: o.id, name: o.name })),
    },
  };
}

/** The download's file name: "uppfoljning-2024-fri-fran-vald.docx". */
export function compiledFileName(report: Pick<CompiledReport, "planSlug" | "roundSlug">, extension: "docx" | "pdf" | "html"): string {
  return `${report.roundSlug}-${report.planSlug}.${extension}`;
}
