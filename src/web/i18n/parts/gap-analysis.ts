// Messages of gap-analysis, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const gapAnalysisSv = {
} as const;

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : { one: string; other: string } };

export const gapAnalysisEn: Catalog<typeof gapAnalysisSv> = {
};
