// Messages of the follow-up cycle (rounds, reports), Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const followUpSv = {
  "round.slugTaken": "Adressen {slug} används redan av en annan uppföljning i planen. Välj en annan.",
  "audit.action.followUpRound.opened": "Öppnade en uppföljning",
} as const;

export const followUpEn: Record<keyof typeof followUpSv, string> = {
  "round.slugTaken": "The address {slug} is already used by another follow-up round of the plan. Choose another.",
  "audit.action.followUpRound.opened": "Opened a follow-up round",
};
