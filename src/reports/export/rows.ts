// The rows of each export kind (activities, reports, figures, organisations), collected once from a plan's read
// model and written by csv.ts and xlsx.ts. Headers and words in cells come from the message catalog; the plan's own
// words (what a goal and a measure are called) from its vocabulary. The read model decides what is visible: the
// public one holds accepted reports and adopted action plans only; the internal one everything, and the reports
// sheet then says of each report whether it is accepted.
import { translator, type MessageKey } from "../../web/i18n/index.ts";
import { vocabularyLabel, type Locale } from "../../domain/vocabulary.ts";
import type { ActivityView, PlanGraph } from "../../queries/plan-graph.ts";
import { activityMatches, NO_FILTER, statusName, termName, type BoardFilter } from "../../queries/plan-stats.ts";

export type ExportKind = "activities" | "reports" | "figures" | "organisations";
export const EXPORT_KINDS: readonly ExportKind[] = ["activities", "reports", "figures", "organisations"];

/** text: a string; number: a number (or empty); date: an ISO date "2024-12-31" (or empty). */
export type ColumnType = "text" | "number" | "date";
export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** A sensible width in characters for the spreadsheet. */
  width: number;
}

export interface ExportTable {
  kind: ExportKind;
  /** The sheet's name, also the CSV file's base name in the reader's language. */
  sheetName: string;
  fileName: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

export interface ExportOptions {
  locale: Locale;
  /** The board filter: one organisation (responsible or co-responsible) and/or terms the activities must carry. */
  filter?: BoardFilter;
}

/** Several names in one cell. */
const JOIN = "; ";

const SHEET_KEYS: Record<ExportKind, { sheet: MessageKey; file: MessageKey }> = {
  activities: { sheet: "export.sheet.activities", file: "export.file.activities" },
  reports: { sheet: "export.sheet.reports", file: "export.file.reports" },
  figures: { sheet: "export.sheet.figures", file: "export.file.figures" },
  organisations: { sheet: "export.sheet.organisations", file: "export.file.organisations" },
};

function filterActive(filter: BoardFilter): boolean {
  return filter.organisationId !== null || filter.termIds.length > 0;
}

/** All four tables of a plan as the given read model shows it, after the filter. */
export function exportTables(graph: PlanGraph, options: ExportOptions): Record<ExportKind, ExportTable> {
  const { locale } = options;
  const filter = options.filter ?? NO_FILTER;
  const t = translator(locale);
  const goalWord = vocabularyLabel(graph.plan.vocabulary, "goal", locale);
  const measureWord = vocabularyLabel(graph.plan.vocabulary, "measure", locale);
  const orgName = new Map(graph.organisations.map((o) => [o.id, o.name]));
  const names = (ids: readonly string[]) => ids.map((id) => orgName.get(id) ?? "").filter(Boolean).join(JOIN);
  const goalById = new Map(graph.goals.map((g) => [g.id, g]));
  const actionPlanById = new Map(graph.actionPlans.map((p) => [p.id, p]));
  const roundById = new Map(graph.rounds.map((r) => [r.id, r]));
  const statusById = new Map(graph.statuses.map((s) => [s.id, s]));
  const yesNo = (value: boolean) => t(value ? "export.yes" : "export.no");
  const table = (kind: ExportKind, columns: ExportColumn[], rows: Cell[][]): ExportTable => ({
    kind, sheetName: t(SHEET_KEYS[kind].sheet), fileName: t(SHEET_KEYS[kind].file), columns, rows,
  });
  const col = (header: string, type: ColumnType, width: number): ExportColumn => ({ header, type, width });

  const activities = graph.activities.filter((a) => activityMatches(a, filter));
  const activityById = new Map<string, ActivityView>(activities.map((a) => [a.id, a]));

  // Activities: one column per taxonomy, in the plan's order.
  const taxonomyColumns = graph.taxonomies.map((taxonomy) => ({
    taxonomy,
    terms: graph.terms.filter((term) => term.taxonomyId === taxonomy.id),
  }));
  const activityTable = table(
    "activities",
    [
      col(t("export.col.number"), "text", 10),
      col(t("export.col.title"), "text", 60),
      col(goalWord, "text", 40),
      col(t("export.col.actionPlan"), "text", 30),
      col(t("export.col.responsible"), "text", 30),
      col(t("export.col.coResponsible"), "text", 30),
      col(t("export.col.phase"), "text", 16),
      ...taxonomyColumns.map(({ taxonomy }) => col(locale === "en" ? taxonomy.nameEn ?? taxonomy.name : taxonomy.name, "text", 30)),
      col(t("export.col.start"), "date", 12),
      col(t("export.col.end"), "date", 12),
    ],
    activities.map((a) => {
      const goal = goalById.get(a.goalId);
      const actionPlan = a.actionPlanId ? actionPlanById.get(a.actionPlanId) : undefined;
      return [
        a.number ?? "",
        a.title,
        goal ? `${goal.number}: ${goal.title}` : "",
        actionPlan ? orgName.get(actionPlan.organisationId) ?? "" : "",
        names(a.responsibleIds),
        names(a.coResponsibleIds),
        t(`phase.${a.phase}` as MessageKey),
        ...taxonomyColumns.map(({ terms }) => terms.filter((term) => a.termIds.includes(term.id)).map((term) => termName(term, locale)).join(JOIN)),
        a.plannedStart,
        a.plannedEnd,
      ];
    }),
  );

  // Reports of the filtered activities, newest round first, then in the activities' order.
  const activityOrder = new Map(activities.map((a, i) => [a.id, i]));
  const roundOrder = new Map(graph.rounds.map((r, i) => [r.id, i]));
  const reports = graph.reports
    .filter((r) => activityById.has(r.activityId) && roundById.has(r.roundId))
    .sort(
      (x, y) =>
        (roundOrder.get(x.roundId) ?? 0) - (roundOrder.get(y.roundId) ?? 0) ||
        (activityOrder.get(x.activityId) ?? 0) - (activityOrder.get(y.activityId) ?? 0) ||
        (orgName.get(x.organisationId) ?? "").localeCompare(orgName.get(y.organisationId) ?? "", "sv"),
    );
  const reportTable = table(
    "reports",
    [
      col(t("export.col.round"), "text", 20),
      col(t("export.col.organisation"), "text", 30),
      col(t("export.col.number"), "text", 10),
      col(measureWord, "text", 50),
      col(t("export.col.state"), "text", 18),
      col(t("export.col.accepted"), "text", 11),
      col(t("export.col.status"), "text", 22),
      col(t("export.col.narrative"), "text", 80),
      col(t("export.col.nextSteps"), "text", 60),
    ],
    reports.map((r) => {
      const activity = activityById.get(r.activityId)!;
      const status = r.statusId ? statusById.get(r.statusId) : undefined;
      return [
        roundById.get(r.roundId)?.name ?? "",
        orgName.get(r.organisationId) ?? "",
        activity.number ?? "",
        activity.title,
        t(`report.state.${r.organisationReport.state}` as MessageKey),
        yesNo(r.organisationReport.state === "accepted"),
        status ? statusName(status, locale) : "",
        r.narrative,
        r.nextSteps,
      ];
    }),
  );

  const figureTable = table(
    "figures",
    [
      col(t("export.col.round"), "text", 20),
      col(t("export.col.organisation"), "text", 30),
      col(t("export.col.number"), "text", 10),
      col(measureWord, "text", 50),
      col(t("export.col.name"), "text", 30),
      col(t("export.col.value"), "number", 10),
      col(t("export.col.qualifier"), "text", 12),
      col(t("export.col.unit"), "text", 14),
      col(t("export.col.asOf"), "date", 12),
      col(t("export.col.baseline"), "number", 12),
      col(t("export.col.target"), "number", 10),
      col(t("export.col.year"), "number", 8),
      col(t("export.col.accepted"), "text", 11),
    ],
    reports.flatMap((r) => {
      const activity = activityById.get(r.activityId)!;
      return r.figures.map((f): Cell[] => [
        roundById.get(r.roundId)?.name ?? "",
        orgName.get(r.organisationId) ?? "",
        activity.number ?? "",
        activity.title,
        f.name,
        f.value,
        f.qualifierText ?? t(`figure.qualifier.${f.qualifier}` as MessageKey),
        f.unit,
        f.asOf,
        f.baseline,
        f.target,
        f.year,
        yesNo(r.organisationReport.state === "accepted"),
      ]);
    }),
  );

  // Organisations: all that are not archived; with a filter, those the filtered activities involve (and the
  // filtered organisation itself).
  const involved = new Set(activities.flatMap((a) => [...a.responsibleIds, ...a.coResponsibleIds]));
  if (filter.organisationId) involved.add(filter.organisationId);
  const withActionPlan = new Set(graph.actionPlans.map((p) => p.organisationId));
  const organisations = graph.organisations.filter((o) => !o.archivedAt && (!filterActive(filter) || involved.has(o.id)));
  const organisationTable = table(
    "organisations",
    [
      col(t("export.col.name"), "text", 40),
      col(t("export.col.shortName"), "text", 12),
      col(t("export.col.type"), "text", 16),
      col(t("export.col.parent"), "text", 40),
      col(t("export.col.hasActionPlan"), "text", 18),
    ],
    organisations.map((o) => [
      o.name,
      o.shortName ?? "",
      t(`org.type.${o.type}` as MessageKey),
      o.parentId ? orgName.get(o.parentId) ?? "" : "",
      yesNo(withActionPlan.has(o.id)),
    ]),
  );

  return { activities: activityTable, reports: reportTable, figures: figureTable, organisations: organisationTable };
}
