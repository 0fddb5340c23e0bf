// An activity's status and figures across the plan's follow-up rounds, oldest first: one row per round and reporting
// organisation, and one series per figure name for the chart. Built from the plan's read model, so it shows what the
// viewer may see: the public only reports the coordinator has accepted; internal readers also the others, marked.
import type { Figure, PlanGraph, Round, Status } from "./plan-graph.ts";

export interface OverTimeRow {
  round: Round;
  /** What the chart's axis says: the year the round covers, or its name when two rounds end in the same year. */
  label: string;
  organisationId: string;
  status: Status | null;
  /** The organisation report has been accepted by the coordinator (false only for internal readers' rows). */
  accepted: boolean;
  /** The report's figures by name (the first of a name when a report repeats one). */
  figures: Map<string, Figure>;
}

export interface OverTimePoint {
  /** Index into `rows`. */
  row: number;
  label: string;
  value: number;
  figure: Figure;
  accepted: boolean;
}

export interface OverTimeSeries {
  /** The figure's name; with the organisation's when several organisations report the activity. */
  key: string;
  name: string;
  organisationId: string | null;
  unit: string;
  points: OverTimePoint[];
  /** From the latest report that gives one. */
  baseline: number | null;
  target: number | null;
}

export interface ActivityOverTime {
  rows: OverTimeRow[];
  /** Every figure name reported, in the order they first appear. */
  figureNames: string[];
  /** More than one organisation reports the activity (rows and series then name it). */
  severalOrganisations: boolean;
  series: OverTimeSeries[];
}

export function activityOverTime(graph: PlanGraph, activityId: string, options: { includeUnaccepted: boolean }): ActivityOverTime {
  const rounds = [...graph.rounds].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.deadline.localeCompare(b.deadline));
  const years = rounds.map((r) => r.periodEnd.slice(0, 4));
  const yearsAreUnique = new Set(years).size === years.length;
  const orgOrder = new Map(graph.organisations.map((o, i) => [o.id, i]));

  const rows: OverTimeRow[] = [];
  rounds.forEach((round, i) => {
    const reports = graph.reports
      .filter((r) => r.roundId === round.id && r.activityId === activityId)
      .filter((r) => options.includeUnaccepted || r.organisationReport.state === "accepted")
      .sort((a, b) => (orgOrder.get(a.organisationId) ?? 0) - (orgOrder.get(b.organisationId) ?? 0));
    for (const report of reports) {
      const figures = new Map<string, Figure>();
      for (const f of report.figures) if (!figures.has(f.name)) figures.set(f.name, f);
      rows.push({
        round, label: yearsAreUnique ? years[i]! : round.name, organisationId: report.organisationId,
        status: graph.statuses.find((s) => s.id === report.statusId) ?? null, accepted: report.organisationReport.state === "accepted", figures,
      });
    }
  });

  const figureNames = [...new Set(rows.flatMap((r) => [...r.figures.keys()]))];
  const organisations = [...new Set(rows.map((r) => r.organisationId))];
  const severalOrganisations = organisations.length > 1;
  const series: OverTimeSeries[] = [];
  for (const name of figureNames) {
    for (const organisationId of severalOrganisations ? organisations : [null]) {
      const points: OverTimePoint[] = [];
      let latest: Figure | undefined;
      rows.forEach((row, index) => {
        if (organisationId && row.organisationId !== organisationId) return;
        const figure = row.figures.get(name);
        if (!figure) return;
        latest = figure;
        if (figure.value !== null) points.push({ row: index, label: row.label, value: figure.value, figure, accepted: row.accepted });
      });
      if (!latest) continue;
      const withBaseline = [...rows].reverse().map((r) => (organisationId && r.organisationId !== organisationId ? undefined : r.figures.get(name)))
        .find((f) => f && f.baseline !== null);
      const withTarget = [...rows].reverse().map((r) => (organisationId && r.organisationId !== organisationId ? undefined : r.figures.get(name)))
        .find((f) => f && f.target !== null);
      const orgName = organisationId ? graph.organisations.find((o) => o.id === organisationId)?.name : undefined;
      series.push({
        key: orgName ? `${name} – ${orgName}` : name, name, organisationId, unit: latest.unit, points,
        baseline: withBaseline?.baseline ?? null, target: withTarget?.target ?? null,
      });
    }
  }
  return { rows, figureNames, severalOrganisations, series };
}
