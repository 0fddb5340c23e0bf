// URLs of the pages, built in one place.
export const links = {
  start: () => "/",
  plan: (ws: string, plan: string) => `/${ws}/planer/${plan}`,
  goal: (ws: string, plan: string, goal: string) => `/${ws}/planer/${plan}/mal/${encodeURIComponent(goal)}`,
  activity: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/aktiviteter/${id}`,
  activityEdit: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/redigera`,
  activityHistory: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/aktiviteter/${id}/historik`,
  planHistory: (ws: string, plan: string) => `/${ws}/planer/${plan}/historik`,
  actionPlanHistory: (ws: string, plan: string, org: string) => `/${ws}/planer/${plan}/handlingsplaner/${org}/historik`,
  reportHistory: (ws: string, plan: string, round: string, org: string) => `/${ws}/planer/${plan}/uppfoljning/${round}/${org}/historik`,
  round: (ws: string, plan: string, round: string) => `/${ws}/planer/${plan}/uppfoljning/${round}`,
  organisations: (ws: string) => `/${ws}/organisationer`,
  organisation: (ws: string, org: string) => `/${ws}/organisationer/${org}`,
};
