// Messages of the admin pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const adminSv = {} as const;

export const adminEn: Record<keyof typeof adminSv, string> = {};
