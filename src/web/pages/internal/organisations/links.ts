// Addresses of the organisation management pages.
export const organisationLinks = {
  manage: (ws: string) => `/${ws}/organisationer/hantera`,
  create: (ws: string) => `/${ws}/organisationer/hantera/ny`,
  edit: (ws: string, org: string) => `/${ws}/organisationer/${org}/andra`,
  move: (ws: string, org: string) => `/${ws}/organisationer/${org}/flytta`,
  archive: (ws: string, org: string) => `/${ws}/organisationer/${org}/arkivera`,
  restore: (ws: string, org: string) => `/${ws}/organisationer/${org}/aterstall`,
  workspaceManage: (ws: string) => `/${ws}/hantera`,
};
