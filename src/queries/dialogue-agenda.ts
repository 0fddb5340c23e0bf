// The agenda of a dialogue meeting, drawn from each organisation's latest report: the round's activities grouped by
// status, the figures, and the organisation's summary. Only rounds opened by the meeting's date count (an old
// meeting shows what was on the table then); an accepted report is preferred to a newer one not yet accepted.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { localDate } from "../domain/local-date.ts";
import type { MeetingOrganisation } from "./dialogue-meetings.ts";
import type { Figure, Status } from "./plan-graph.ts";

export interface AgendaActivity {
  id: string;
  number: string | null;
  title: string;
}

export interface AgendaStatusGroup {
  /** null: reported without a status. */
  status: Status | null;
  activities: AgendaActivity[];
}

export interface AgendaReport {
  round: { id: string; slug: string; name: string };
  report: { id: string; state: string; summary: string };
  accepted: boolean;
  groups: AgendaStatusGroup[];
  figures: Array<{ activity: AgendaActivity; figure: Figure }>;
}

export interface AgendaEntry {
  organisation: MeetingOrganisation;
  /** null: no report in a round opened by the meeting's date. */
  report: AgendaReport | null;
}

const none = ["00000000-0000-0000-0000-000000000000"];
const byNumber = (a: AgendaActivity, b: AgendaActivity) =>
  (a.number ?? "\uffff").localeCompare(b.number ?? "\uffff", "sv", { numeric: true }) || a.title.localeCompare(b.title, "sv");

export async function dialogueAgenda(db: Db, planId: string, organisations: readonly MeetingOrganisation[], heldOn: string): Promise<AgendaEntry[]> {
  const rounds = (await db.select().from(s.followUpRounds).where(eq(s.followUpRounds.planId, planId)))
    .filter((r) => r.state !== "draft" && r.openedAt && localDate(r.openedAt) <= heldOn)
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || (b.openedAt?.getTime() ?? 0) - (a.openedAt?.getTime() ?? 0));
  const roundOrder = new Map(rounds.map((r, i) => [r.id, i]));
  const organisationIds = organisations.map((o) => o.id);
  const reports = rounds.length && organisationIds.length
    ? await db
      .select()
      .from(s.organisationReports)
      .where(and(inArray(s.organisationReports.roundId, rounds.map((r) => r.id)), inArray(s.organisationReports.organisationId, organisationIds)))
    : [];
  reports.sort((a, b) => (roundOrder.get(a.roundId) ?? 0) - (roundOrder.get(b.roundId) ?? 0));

  // Per organisation: its latest accepted report, else its latest one that has been started.
  const chosen = new Map<string, (typeof reports)[number]>();
  for (const o of organisations) {
    const own = reports.filter((r) => r.organisationId === o.id);
    const pick = own.find((r) => r.state === "accepted") ?? own.find((r) => r.state !== "not_started");
    if (pick) chosen.set(o.id, pick);
  }
  const reportIds = [...chosen.values()].map((r) => r.id);
  const activityRows = reportIds.length
    ? await db
      .select({
        reportId: s.activityReports.id, organisationReportId: s.activityReports.organisationReportId, status: s.followUpStatuses,
        activity: { id: s.activities.id, number: s.activities.number, title: s.activities.title },
      })
      .from(s.activityReports)
      .innerJoin(s.activities, eq(s.activities.id, s.activityReports.activityId))
      .leftJoin(s.followUpStatuses, eq(s.followUpStatuses.id, s.activityReports.statusId))
      .where(inArray(s.activityReports.organisationReportId, reportIds))
    : [];
  const figureRows = activityRows.length
    ? await db
      .select()
      .from(s.figures)
      .where(inArray(s.figures.activityReportId, activityRows.length ? activityRows.map((r) => r.reportId) : none))
      .orderBy(asc(s.figures.position), asc(s.figures.createdAt))
    : [];
  const byActivityReport = new Map(activityRows.map((r) => [r.reportId, r]));

  return organisations.map((organisation) => {
    const report = chosen.get(organisation.id);
    if (!report) return { organisation, report: null };
    const round = rounds.find((r) => r.id === report.roundId)!;
    const rows = activityRows.filter((r) => r.organisationReportId === report.id);
    const groups = new Map<string, AgendaStatusGroup>();
    for (const row of rows) {
      const key = row.status?.id ?? "";
      const group = groups.get(key) ?? { status: row.status, activities: [] };
      group.activities.push(row.activity);
      groups.set(key, group);
    }
    for (const g of groups.values()) g.activities.sort(byNumber);
    const figures = figureRows
      .filter((f) => byActivityReport.get(f.activityReportId)?.organisationReportId === report.id)
      .map((figure) => ({ activity: byActivityReport.get(figure.activityReportId)!.activity, figure }))
      .sort((a, b) => byNumber(a.activity, b.activity) || a.figure.position - b.figure.position);
    return {
      organisation,
      report: {
        round: { id: round.id, slug: round.slug, name: round.name },
        report: { id: report.id, state: report.state, summary: report.summary },
        accepted: report.state === "accepted",
        groups: [...groups.values()].sort((a, b) => (a.status?.position ?? Number.MAX_SAFE_INTEGER) - (b.status?.position ?? Number.MAX_SAFE_INTEGER)),
        figures,
      },
    };
  });
}
