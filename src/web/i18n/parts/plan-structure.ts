// Messages of the plan structure pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const planStructureSv = {
} as const;

export const planStructureEn: Record<keyof typeof planStructureSv, string> = {
};
