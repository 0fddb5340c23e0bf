// Every area's rows of the route × role table, joined.
import type { Row } from "./rows.ts";
import { planStructureRows } from "./plan-structure.ts";
import { goalsTaxonomiesRows } from "./goals-taxonomies.ts";
import { organisationsActionPlansRows } from "./organisations-action-plans.ts";
import { activitiesNeedsRows } from "./activities-needs.ts";
import { boardSearchRows } from "./board-search.ts";
import { followUpRows } from "./follow-up.ts";
import { roundOverviewRows } from "./round-overview.ts";
import { remindersRows } from "./reminders.ts";
import { attachmentsRows } from "./attachments.ts";
import { dialogueRows } from "./dialogue.ts";
import { compiledReportRows } from "./compiled-report.ts";
import { exportsRows } from "./exports.ts";
import { gapAnalysisRows } from "./gap-analysis.ts";
import { yearRows } from "./year.ts";

export const areaRows: Record<string, Row> = {
  ...planStructureRows,
  ...goalsTaxonomiesRows,
  ...organisationsActionPlansRows,
  ...activitiesNeedsRows,
  ...boardSearchRows,
  ...followUpRows,
  ...roundOverviewRows,
  ...remindersRows,
  ...attachmentsRows,
  ...dialogueRows,
  ...compiledReportRows,
  ...exportsRows,
  ...gapAnalysisRows,
  ...yearRows,
};
