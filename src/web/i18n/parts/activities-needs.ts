// Messages of the activities needs pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const activitiesNeedsSv = {
} as const;

export const activitiesNeedsEn: Record<keyof typeof activitiesNeedsSv, string> = {
};
