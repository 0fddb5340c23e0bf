// Messages of workspace-export, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const workspaceExportSv = {
} as const;

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : { one: string; other: string } };

export const workspaceExportEn: Catalog<typeof workspaceExportSv> = {
};
