// Messages of the organisations action plans pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const organisationsActionPlansSv = {
} as const;

export const organisationsActionPlansEn: Record<keyof typeof organisationsActionPlansSv, string> = {
};
