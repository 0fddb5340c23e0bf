// How the history pages and the audit log name what happened in the follow-up cycle, and the fields it changed;
// spread into the catalogs in ../sv.ts and ../en.ts.
const actionsSv = {
  "activityReport.saved": "Sparade rapporten om en åtgärd",
  "activityReport.partAdded": "Lade till sin del som medansvarig",
  "organisationReport.summarySaved": "Sparade sammanfattningen",
  "organisationReport.submitted": "Lämnade in rapporten",
  "organisationReport.approvalRecorded": "Godkände (fler godkännanden behövs)",
  "organisationReport.approved": "Godkände rapporten",
  "organisationReport.declined": "Skickade tillbaka rapporten till redaktörerna",
  "organisationReport.accepted": "Accepterade rapporten",
  "organisationReport.returned": "Skickade tillbaka rapporten med kommentar",
  "organisationReport.reopened": "Öppnade rapporten igen",
  "followUpRound.updated": "Ändrade uppföljningens inställningar",
  "followUpRound.closed": "Stängde uppföljningen",
} as const;
const actionsEn: Record<keyof typeof actionsSv, string> = {
  "activityReport.saved": "Saved the report on a measure",
  "activityReport.partAdded": "Added its part as co-responsible",
  "organisationReport.summarySaved": "Saved the summary",
  "organisationReport.submitted": "Submitted the report",
  "organisationReport.approvalRecorded": "Approved (more approvals needed)",
  "organisationReport.approved": "Approved the report",
  "organisationReport.declined": "Sent the report back to the editors",
  "organisationReport.accepted": "Accepted the report",
  "organisationReport.returned": "Returned the report with a comment",
  "organisationReport.reopened": "Reopened the report",
  "followUpRound.updated": "Changed the round's settings",
  "followUpRound.closed": "Closed the round",
};
const fieldsSv = {
  state: "Läge", notStartedConfirmed: "Ej påbörjade, inlämnade ändå", anchoredIn: "Förankrad i", anchoredOn: "Förankrad den", returnComment: "Kommentar",
  reopened: "Öppnad igen i", approvals: "Godkännanden", status: "Status", narrative: "Så har arbetet gått", nextSteps: "Nästa steg",
  statusComment: "Kommentar till statusen", figures: "Siffror", summary: "Sammanfattning", howMade: "Så har rapporten tagits fram", activity: "Åtgärd",
  deadline: "Sista dag", reminderOffsets: "Påminnelser (dagar före)", approvalMode: "Godkännande", requireDifferentApprover: "Annan godkännare krävs",
  asks: "Efterfrågas", organisations: "Organisationer", activityReports: "Åtgärdsrapporter",
} as const;
const fieldsEn: Record<keyof typeof fieldsSv, string> = {
  state: "State", notStartedConfirmed: "Not started, submitted anyway", anchoredIn: "Anchored in", anchoredOn: "Anchored on", returnComment: "Comment",
  reopened: "Reopened in", approvals: "Approvals", status: "Status", narrative: "How the work went", nextSteps: "Next steps",
  statusComment: "Comment on the status", figures: "Figures", summary: "Summary", howMade: "How the report was made", activity: "Measure",
  deadline: "Deadline", reminderOffsets: "Reminders (days before)", approvalMode: "Approval", requireDifferentApprover: "Another approver required",
  asks: "Asked", organisations: "Organisations", activityReports: "Measure reports",
};
const typesSv = { follow_up_round: "Uppföljning", organisation_report: "Organisationens rapport", activity_report: "Rapport om en åtgärd" } as const;
const typesEn: Record<keyof typeof typesSv, string> = { follow_up_round: "Follow-up round", organisation_report: "Organisation's report", activity_report: "Report on a measure" };

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}${K}`]: string };
function prefixed<P extends string, T extends Record<string, string>>(prefix: P, entries: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [`${prefix}${k}`, v])) as Prefixed<P, T>;
}

export const followUpHistorySv = {
  ...prefixed("history.action.", actionsSv), ...prefixed("audit.action.", actionsSv), ...prefixed("admin.log.field.", fieldsSv), ...prefixed("admin.log.type.", typesSv),
};
export const followUpHistoryEn: Record<keyof typeof followUpHistorySv, string> = {
  ...prefixed("history.action.", actionsEn), ...prefixed("audit.action.", actionsEn), ...prefixed("admin.log.field.", fieldsEn), ...prefixed("admin.log.type.", typesEn),
};
