// Messages of the goals taxonomies pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const goalsTaxonomiesSv = {
} as const;

export const goalsTaxonomiesEn: Record<keyof typeof goalsTaxonomiesSv, string> = {
};
