// Saves one activity's report in a round as a draft: status, narrative, next steps, a comment on the status, and its
// figure rows (kept, changed, added, removed). Only while the organisation may still write its report; every problem
// at once; the version the form was opened at; audited with before and after; one transaction.
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { resolveFigures, type FigureFields, type ResolvedFigure } from "./support/figure-input.ts";
import { markStarted, writableActivityReport } from "./support/report-access.ts";
import { bumpContentVersion, changesBetween, checkVersion } from "./support/rows.ts";

export const ACTIVITY_REPORT_LIMITS = { narrative: 20_000, nextSteps: 10_000, statusComment: 2_000 } as const;

export interface ActivityReportFields {
  statusId: string;
  narrative: string;
  nextSteps: string;
  statusComment: string;
  figures: FigureFields[];
}

export interface SaveActivityReportInput extends ActivityReportFields {
  activityReportId: string;
  version: number;
  confirmedPersonalData: boolean;
}

type FigureRow = typeof s.figures.$inferSelect;
const text = (n: number | null) => (n === null ? "" : String(n));

/** A figure row as the form shows it. */
export function figureFields(f: FigureRow): FigureFields {
  return {
    id: f.id, name: f.name, value: text(f.value), unit: f.unit, qualifier: f.qualifier, qualifierText: f.qualifierText ?? "",
    asOf: f.asOf ?? "", baseline: text(f.baseline), target: text(f.target), year: f.year === null ? "" : String(f.year),
  };
}

/** Everything a figure row says, to tell whether the rows changed (qualifier text and date included). */
const figureShape = (f: Omit<ResolvedFigure, "id" | "qualifier"> & { qualifier: string }) =>
  JSON.stringify([f.name, f.value, f.unit, f.qualifier, f.qualifierText ?? null, f.asOf ?? null, f.baseline, f.target, f.year]);

/** One line per figure for the audit: "Föräldrakurser: 85 kurser (68 → 90, 2025)". */
function describeFigures(figures: Array<Pick<ResolvedFigure, "name" | "value" | "unit" | "baseline" | "target" | "year">>): string {
  return figures.map((f) => `${f.name}: ${f.value ?? "–"}${f.unit ? ` ${f.unit}` : ""} (${f.baseline ?? "–"} → ${f.target ?? "–"}${f.year ? `, ${f.year}` : ""})`).join("; ");
}

export async function saveActivityReport(db: Db, viewer: Viewer | null, input: SaveActivityReportInput): Promise<{ version: number; changed: boolean }> {
  const problems = checkTexts([
    { field: "narrative", value: input.narrative, max: ACTIVITY_REPORT_LIMITS.narrative },
    { field: "nextSteps", value: input.nextSteps, max: ACTIVITY_REPORT_LIMITS.nextSteps },
    { field: "statusComment", value: input.statusComment, max: ACTIVITY_REPORT_LIMITS.statusComment },
  ], input.confirmedPersonalData);
  const figures = resolveFigures(input.figures, input.confirmedPersonalData, problems);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { activityReport: ar, report, round } = await writableActivityReport(t, viewer, input.activityReportId);
    if (input.statusId) {
      const [status] = await t.select({ id: s.followUpStatuses.id }).from(s.followUpStatuses)
        .where(and(eq(s.followUpStatuses.id, input.statusId), eq(s.followUpStatuses.planId, round.planId), isNull(s.followUpStatuses.archivedAt)));
      if (!status) problems.statusId ??= { key: "form.unknownChoice" };
    }
    const existing = await t.select().from(s.figures).where(eq(s.figures.activityReportId, ar.id)).orderBy(asc(s.figures.position));
    const known = new Map(existing.map((f) => [f.id, f]));
    figures.forEach((f, i) => {
      if (f.id && !known.has(f.id)) problems[`figures.${i}.name`] ??= { key: "form.unknownChoice" };
    });
    throwIfProblems(problems);
    checkVersion(ar.version, input.version, () => ({
      statusId: ar.statusId ?? "", narrative: ar.narrative, nextSteps: ar.nextSteps, statusComment: ar.statusComment, figures: existing.map(figureFields),
    }));

    const statuses = await t.select({ id: s.followUpStatuses.id, name: s.followUpStatuses.name }).from(s.followUpStatuses).where(eq(s.followUpStatuses.planId, round.planId));
    const statusName = (id: string | null) => statuses.find((x) => x.id === id)?.name ?? null;
    const before = {
      status: statusName(ar.statusId), narrative: ar.narrative, nextSteps: ar.nextSteps, statusComment: ar.statusComment,
      figures: describeFigures(existing),
    };
    const after = {
      status: statusName(input.statusId || null), narrative: input.narrative, nextSteps: input.nextSteps, statusComment: input.statusComment,
      figures: describeFigures(figures),
    };
    const changes = changesBetween(before, after, ["status", "narrative", "nextSteps", "statusComment", "figures"]);
    const figuresChanged = existing.map(figureShape).join("\n") !== figures.map(figureShape).join("\n");
    if (changes.length === 0 && !figuresChanged) return { version: ar.version, changed: false };

    const version = ar.version + 1;
    await t.update(s.activityReports).set({
      statusId: input.statusId || null, narrative: input.narrative, nextSteps: input.nextSteps, statusComment: input.statusComment, version, updatedAt: new Date(),
    }).where(eq(s.activityReports.id, ar.id));
    const keptIds = figures.flatMap((f) => (f.id ? [f.id] : []));
    await t.delete(s.figures).where(keptIds.length ? and(eq(s.figures.activityReportId, ar.id), notInArray(s.figures.id, keptIds)) : eq(s.figures.activityReportId, ar.id));
    for (const [i, f] of figures.entries()) {
      const values = {
        position: i + 1, name: f.name, value: f.value, unit: f.unit, qualifier: f.qualifier, qualifierText: f.qualifierText, asOf: f.asOf,
        baseline: f.baseline, target: f.target, year: f.year,
      };
      if (f.id) await t.update(s.figures).set({ ...values, updatedAt: new Date() }).where(and(eq(s.figures.id, f.id), inArray(s.figures.activityReportId, [ar.id])));
      else await t.insert(s.figures).values({ ...values, workspaceId: ar.workspaceId, activityReportId: ar.id });
    }
    await markStarted(t, report);
    await bumpContentVersion(t, ar.workspaceId);
    if (changes.length === 0) changes.push({ field: "figures", before: before.figures, after: after.figures });
    await recordAudit(t, {
      workspaceId: ar.workspaceId, actorUserId: viewer!.userId, via: "web", action: "activityReport.saved", subjectType: "activity_report", subjectId: ar.id,
      organisationId: ar.organisationId, changes,
    });
    return { version, changed: true };
  });
}
