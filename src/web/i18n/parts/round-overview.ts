// Messages of round-overview, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const roundOverviewSv = {
} as const;

export const roundOverviewEn: Record<keyof typeof roundOverviewSv, string> = {
};
