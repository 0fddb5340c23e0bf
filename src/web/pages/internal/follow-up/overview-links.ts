// Addresses of the follow-up pages the overview and the to-do list link to (see the URL map of issue 6).
const plan = (ws: string, planSlug: string) => `/${ws}/planer/${planSlug}`;
const round = (ws: string, planSlug: string, roundSlug: string) => `${plan(ws, planSlug)}/uppfoljning/${roundSlug}`;

export const followUpLinks = {
  rounds: (ws: string, planSlug: string) => `${plan(ws, planSlug)}/uppfoljning`,
  overview: (ws: string, planSlug: string, roundSlug: string) => `${round(ws, planSlug, roundSlug)}/oversikt`,
  report: (ws: string, planSlug: string, roundSlug: string, orgSlug: string) => `${round(ws, planSlug, roundSlug)}/${orgSlug}`,
  settings: (ws: string, planSlug: string, roundSlug: string) => `${round(ws, planSlug, roundSlug)}/installningar`,
  close: (ws: string, planSlug: string, roundSlug: string) => `${round(ws, planSlug, roundSlug)}/stang`,
  remind: (ws: string, planSlug: string, roundSlug: string) => `${round(ws, planSlug, roundSlug)}/paminn`,
  toDo: (ws: string) => `/${ws}/att-gora`,
};
