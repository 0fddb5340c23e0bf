// When an activity report counts as reported ("x of y done"): it has a status and a narrative. One rule, used by the
// reminders, the overview and the to-do list, in code (isReported) and in SQL (reportedSql, for counting).
import { and, isNotNull, sql, type SQL } from "drizzle-orm";
import { activityReports } from "../db/schema/index.ts";

export interface ReportedFields {
  statusId: string | null;
  narrative: string;
}

/** The report has a status and a narrative that is more than blanks. */
export function isReported(report: ReportedFields): boolean {
  return report.statusId !== null && report.narrative.trim() !== "";
}

/** The same rule as a condition on activity_report, e.g. `count(*) filter (where ${reportedSql})`. */
export const reportedSql: SQL = and(isNotNull(activityReports.statusId), sql`${activityReports.narrative} ~ '[^[:space:]]'`)!;

/** `count(*) filter (where …)::int` of reported activity reports, for a select. */
export const reportedCount = (): SQL<number> => sql<number>`(count(*) filter (where ${reportedSql}))::int`;
