// Messages of exports, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const exportsSv = {
} as const;

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : { one: string; other: string } };

export const exportsEn: Catalog<typeof exportsSv> = {
};
