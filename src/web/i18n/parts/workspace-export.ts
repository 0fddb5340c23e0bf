// Messages of workspace-export, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const workspaceExportSv = {
  // The importing install's own audit event (samverka import-workspace); shown in the workspace's history.
  "history.action.workspace.imported": "Importerade arbetsytan från en exportfil",
  "audit.action.workspace.imported": "Importerade arbetsytan från en exportfil",
} as const;

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : { one: string; other: string } };

export const workspaceExportEn: Catalog<typeof workspaceExportSv> = {
  "history.action.workspace.imported": "Imported the workspace from an export file",
  "audit.action.workspace.imported": "Imported the workspace from an export file",
};
