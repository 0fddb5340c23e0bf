// Messages of the follow-up cycle (rounds, reports), Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const followUpSv = {
  "report.state.not_started": "Inte påbörjad",
  "report.state.draft": "Utkast",
  "report.state.submitted": "Inlämnad",
  "report.state.approved": "Godkänd (förankrad)",
  "report.state.accepted": "Accepterad",
  "report.state.returned": "Återsänd",
  "report.roundClosed": "Uppföljningen {round} är stängd. Samordnaren kan öppna er rapport igen.",
  "report.notWritable": "Rapporten är inlämnad och kan inte ändras nu.",
  "round.state.draft": "Utkast",
  "round.state.open": "Öppen",
  "round.state.closed": "Stängd",
  "round.slugTaken": "Adressen {slug} används redan av en annan uppföljning i planen. Välj en annan.",
  "audit.action.followUpRound.opened": "Öppnade en uppföljning",
} as const;

export const followUpEn: Record<keyof typeof followUpSv, string> = {
  "report.state.not_started": "Not started",
  "report.state.draft": "Draft",
  "report.state.submitted": "Submitted",
  "report.state.approved": "Approved (anchored)",
  "report.state.accepted": "Accepted",
  "report.state.returned": "Returned",
  "report.roundClosed": "The follow-up round {round} is closed. The coordinator can reopen your report.",
  "report.notWritable": "The report has been submitted and cannot be changed now.",
  "round.state.draft": "Draft",
  "round.state.open": "Open",
  "round.state.closed": "Closed",
  "round.slugTaken": "The address {slug} is already used by another follow-up round of the plan. Choose another.",
  "audit.action.followUpRound.opened": "Opened a follow-up round",
};
