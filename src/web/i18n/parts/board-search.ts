// Messages of the board search pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const boardSearchSv = {
} as const;

export const boardSearchEn: Record<keyof typeof boardSearchSv, string> = {
};
