// The gap analysis of a plan (and one of its follow-up rounds): what has no activity (goals, strategies, the terms of
// each taxonomy), organisations without an action plan or without a handed-in report in the round, activities with a
// blank child-rights perspective, and activities whose status has not moved between the last two rounds. Internal:
// it reads the internal read model (draft action plans and reports not yet accepted count). Each line says what it
// is, its number and name, and links to the thing. Collected once; the page, the CSV and the compiled report render it.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { vocabularyLabel, type Locale } from "../../domain/vocabulary.ts";
import { translator, type MessageKey } from "../../web/i18n/index.ts";
import { loadPlanGraph, type ActivityView, type Organisation, type Plan, type PlanGraph, type ReportView, type Round, type Workspace } from "../../queries/plan-graph.ts";
import { statusName, termName } from "../../queries/plan-stats.ts";
import { links } from "../../web/pages/public/links.ts";
import { actionPlanLinks } from "../../web/pages/internal/action-plans/links.ts";
import { followUpLinks } from "../../web/pages/internal/follow-up/overview-links.ts";
import { psLinks } from "../../web/pages/internal/plan-structure/links.ts";

export type GapSectionKey = "goals" | "strategies" | "terms" | "noActionPlan" | "noReport" | "childRights" | "statusStill";

export interface GapLine {
  /** What it is, in the plan's words: "Inriktningsmål", "Strategi", "Målgrupp", "Organisation", "Aktivitet". */
  kind: string;
  /** Its number as written ("3", "2.1"), or a short name; "" when it has none. */
  number: string;
  name: string;
  /** A remark: the report's state, the unchanged status, the goal a strategy belongs to. */
  detail: string;
  /** The address of the thing (a path in this app). */
  href: string;
}

export interface GapSection {
  key: GapSectionKey;
  /** For the terms sections: the taxonomy's key. */
  taxonomyKey?: string;
  heading: string;
  /** A sentence on how the section counts, when it needs one. */
  rule?: string;
  /** Why the section cannot be worked out (no round, no earlier round); then it has no lines. */
  unavailable?: string;
  lines: GapLine[];
}

export interface GapAnalysis {
  workspace: Workspace;
  plan: Plan;
  locale: Locale;
  /** The round the reporting sections are about; null when the plan has no round that is not a draft. */
  round: Round | null;
  /** The round before it, for the status comparison. */
  previousRound: Round | null;
  /** The plan's rounds that are not drafts, newest first (for choosing another). */
  rounds: Round[];
  sections: GapSection[];
  total: number;
  /** How the activity sections count (archived and cancelled activities do not), said once. */
  activityRule: string;
}

/** Reports that count as handed in. */
const HANDED_IN = new Set(["submitted", "approved", "accepted"]);
/** Statuses whose meaning is final: staying there is not standing still. */
const FINAL_MEANINGS = new Set(["done", "cancelled"]);

const lower = (text: string, locale: Locale) => text.toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB");

/**
 * The gap analysis for a plan. `round`: a round (or its slug) of the plan; by default the latest that is not a draft.
 * A slug that names no such round gives `round: null` — callers that take it from a URL check first.
 */
export async function collectGapAnalysis(db: Db, workspace: Workspace, plan: Plan, round: Round | string | null | undefined, locale: Locale): Promise<GapAnalysis> {
  const graph = await loadPlanGraph(db, workspace, plan, { includeUnaccepted: true });
  const chosen = round === undefined || round === null ? graph.rounds[0] ?? null : graph.rounds.find((r) => (typeof round === "string" ? r.slug === round : r.id === round.id)) ?? null;
  const asked = chosen
    ? (await db.select({ organisationId: s.roundOrganisations.organisationId }).from(s.roundOrganisations).where(eq(s.roundOrganisations.roundId, chosen.id))).map((r) => r.organisationId)
    : [];
  return gapAnalysisOf(graph, chosen, asked, locale);
}

/** The analysis from a loaded internal read model: `askedIds` are the organisations the round asks to report. */
export function gapAnalysisOf(graph: PlanGraph, round: Round | null, askedIds: readonly string[], locale: Locale): GapAnalysis {
  const t = translator(locale);
  const { workspace, plan } = graph;
  const ws = workspace.slug;
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", locale);
  const goalsWord = vocabularyLabel(plan.vocabulary, "goal", locale, "other");
  const measureWord = vocabularyLabel(plan.vocabulary, "measure", locale);
  const measuresWord = vocabularyLabel(plan.vocabulary, "measure", locale, "other");
  const measuresLower = lower(measuresWord, locale);
  const activityRule = t("gap.rule.activities", { measures: measuresLower });
  const sections: GapSection[] = [];

  // What has no activity: archived activities are not in the read model; cancelled ones do not count either.
  const live = graph.activities.filter((a) => a.phase !== "cancelled");
  const goalsWith = new Set(live.map((a) => a.goalId));
  const strategiesWith = new Set(live.flatMap((a) => a.strategyIds));
  const termsWith = new Set(live.flatMap((a) => a.termIds));
  const goalById = new Map(graph.goals.map((g) => [g.id, g]));
  const activityLine = (a: ActivityView, detail: string): GapLine => ({
    kind: measureWord, number: a.number ?? "", name: a.title, detail, href: links.activity(ws, plan.slug, a.id),
  });

  sections.push({
    key: "goals",
    heading: t("gap.section.goals", { goals: goalsWord, measures: measuresLower }),
    lines: graph.goals
      .filter((g) => !goalsWith.has(g.id))
      .map((g) => ({ kind: goalWord, number: g.number, name: g.title, detail: "", href: links.goal(ws, plan.slug, g.number) })),
  });

  sections.push({
    key: "strategies",
    heading: t("gap.section.strategies", { measures: measuresLower }),
    lines: graph.strategies
      .filter((st) => !strategiesWith.has(st.id))
      .flatMap((st) => {
        const goal = goalById.get(st.goalId);
        if (!goal) return [];
        return [{
          kind: t("gap.kind.strategy"), number: "", name: st.title,
          detail: t("gap.detail.underGoal", { goal: goalWord, number: goal.number }),
          href: links.goal(ws, plan.slug, goal.number),
        }];
      }),
  });

  for (const taxonomy of graph.taxonomies) {
    const taxonomyName = locale === "en" ? taxonomy.nameEn ?? taxonomy.name : taxonomy.name;
    sections.push({
      key: "terms",
      taxonomyKey: taxonomy.key,
      heading: t("gap.section.terms", { taxonomy: taxonomyName, measures: measuresLower }),
        lines: graph.terms
        .filter((term) => term.taxonomyId === taxonomy.id && !termsWith.has(term.id))
        .map((term) => ({
          kind: taxonomyName, number: "", name: termName(term, locale), detail: "",
          href: `${psLinks.taxonomies(ws, plan.slug)}/${taxonomy.id}/termer/${term.id}`,
        })),
    });
  }

  // Organisations without an action plan: not external, not archived. A board is covered by the administration that
  // serves it, a department by an organisation above it that has one.
  const orgById = new Map(graph.organisations.map((o) => [o.id, o]));
  const withPlan = new Set(graph.actionPlans.map((p) => p.organisationId));
  const covered = (o: Organisation): boolean => {
    const seen = new Set<string>();
    for (let at: Organisation | undefined = o; at && !seen.has(at.id); at = at.parentId ? orgById.get(at.parentId) : undefined) {
      seen.add(at.id);
      if (withPlan.has(at.id) || (at.servedById && withPlan.has(at.servedById))) return true;
    }
    return false;
  };
  const current = graph.organisations.filter((o) => !o.archivedAt);
  const orgKind = t("gap.kind.organisation");
  sections.push({
    key: "noActionPlan",
    heading: t("gap.section.noActionPlan"),
    rule: t("gap.rule.noActionPlan"),
    lines: current
      .filter((o) => o.type !== "external" && !covered(o))
      .map((o) => ({
        kind: orgKind, number: "", name: o.name, detail: t(`org.type.${o.type}` as MessageKey),
        href: actionPlanLinks.list(ws, plan.slug),
      })),
  });

  // Organisations the round asked that have not handed in (submitted, approved or accepted).
  if (round) {
    const reportOf = new Map(graph.organisationReports.filter((r) => r.roundId === round.id).map((r) => [r.organisationId, r]));
    const askedSet = new Set(askedIds);
    sections.push({
      key: "noReport",
      heading: t("gap.section.noReport", { round: round.name }),
      lines: current
        .filter((o) => askedSet.has(o.id) && !HANDED_IN.has(reportOf.get(o.id)?.state ?? "not_started"))
        .map((o) => {
          const report = reportOf.get(o.id);
          return {
            kind: orgKind, number: "", name: o.name,
            detail: report ? t("gap.detail.state", { state: t(`report.state.${report.state}` as MessageKey) }) : t("gap.detail.noReport"),
            // An organisation that has not started has no report page yet: the round's overview lists it.
            href: report ? followUpLinks.report(ws, plan.slug, round.slug, o.slug) : followUpLinks.overview(ws, plan.slug, round.slug),
          };
        }),
    });
  } else {
    sections.push({ key: "noReport", heading: t("gap.section.noReportNoRound"), unavailable: t("gap.noRound"), lines: [] });
  }

  sections.push({
    key: "childRights",
    heading: t("gap.section.childRights", { measures: measuresWord }),
    lines: live.filter((a) => a.childRights.trim() === "").map((a) => activityLine(a, "")),
  });

  // Status standing still: the same status in the round and the one before it.
  const index = round ? graph.rounds.findIndex((r) => r.id === round.id) : -1;
  const previousRound = index >= 0 ? graph.rounds[index + 1] ?? null : null;
  if (round && previousRound) {
    const statusIn = statusesIn(graph, round.id);
    const statusBefore = statusesIn(graph, previousRound.id);
    const statusById = new Map(graph.statuses.map((st) => [st.id, st]));
    sections.push({
      key: "statusStill",
      heading: t("gap.section.statusStill", { measures: measuresWord, previous: previousRound.name }),
      rule: t("gap.rule.statusStill"),
      lines: live.flatMap((a) => {
        const now = statusIn.get(a.id);
        if (!now || now !== statusBefore.get(a.id)) return [];
        const status = statusById.get(now);
        if (!status || FINAL_MEANINGS.has(status.meaning)) return [];
        return [activityLine(a, t("gap.detail.status", { status: statusName(status, locale) }))];
      }),
    });
  } else {
    sections.push({
      key: "statusStill",
      heading: t("gap.section.statusStillNoRound", { measures: measuresWord }),
      unavailable: round ? t("gap.statusStillNeedsTwo") : t("gap.noRound"),
      lines: [],
    });
  }

  return {
    workspace, plan, locale, round, previousRound, rounds: graph.rounds, sections, activityRule,
    total: sections.reduce((n, section) => n + section.lines.length, 0),
  };
}

/**
 * Each activity's status in a round: the responsible organisation's report when it has one with a status, else the
 * first other report with a status.
 */
function statusesIn(graph: PlanGraph, roundId: string): Map<string, string> {
  const byActivity = new Map<string, ReportView[]>();
  for (const report of graph.reports) {
    if (report.roundId !== roundId || !report.statusId) continue;
    const list = byActivity.get(report.activityId);
    if (list) list.push(report);
    else byActivity.set(report.activityId, [report]);
  }
  const result = new Map<string, string>();
  for (const activity of graph.activities) {
    const reports = byActivity.get(activity.id);
    if (!reports) continue;
    const chosen = reports.find((r) => activity.responsibleIds.includes(r.organisationId)) ?? reports[0]!;
    result.set(activity.id, chosen.statusId!);
  }
  return result;
}
