// Addresses of the internal action plan pages, and of helper D's activity pages they link to.
const base = (ws: string, plan: string) => `/${ws}/planer/${plan}/handlingsplaner`;

export const actionPlanLinks = {
  list: base,
  create: (ws: string, plan: string, org?: string) => `${base(ws, plan)}/ny${org ? `?organisation=${encodeURIComponent(org)}` : ""}`,
  page: (ws: string, plan: string, org: string) => `${base(ws, plan)}/${org}`,
  edit: (ws: string, plan: string, org: string) => `${base(ws, plan)}/${org}/andra`,
  adopt: (ws: string, plan: string, org: string) => `${base(ws, plan)}/${org}/anta`,
  revisions: (ws: string, plan: string, org: string) => `${base(ws, plan)}/${org}/revisioner`,
  revision: (ws: string, plan: string, org: string, n: number) => `${base(ws, plan)}/${org}/revisioner/${n}`,
  compare: (ws: string, plan: string, org: string, from?: number, to?: number) =>
    `${base(ws, plan)}/${org}/revisioner/jamfor${from !== undefined && to !== undefined ? `?fran=${from}&till=${to}` : ""}`,
  history: (ws: string, plan: string, org: string) => `${base(ws, plan)}/${org}/historik`,
  document: (ws: string, plan: string, org: string, format: "docx" | "pdf") => `${base(ws, plan)}/${org}/dokument?format=${format}`,
  newActivity: (ws: string, plan: string, org: string, goalId: string) =>
    `/${ws}/planer/${plan}/aktiviteter/ny?handlingsplan=${encodeURIComponent(org)}&mal=${encodeURIComponent(goalId)}`,
  planManage: (ws: string, plan: string) => `/${ws}/planer/${plan}/hantera`,
};
