// Addresses of the dialogue meeting pages and their forms.
const base = (ws: string, plan: string) => `/${ws}/planer/${plan}/dialogmoten`;

export const dialogueLinks = {
  list: base,
  create: (ws: string, plan: string, org?: string) => `${base(ws, plan)}/ny${org ? `?organisation=${encodeURIComponent(org)}` : ""}`,
  meeting: (ws: string, plan: string, id: string) => `${base(ws, plan)}/${id}`,
  areas: (ws: string, plan: string, id: string) => `${base(ws, plan)}/${id}/utvecklingsomraden`,
  areaToNeed: (ws: string, plan: string, id: string, area: string) => `${base(ws, plan)}/${id}/utvecklingsomraden/${area}/till-behov`,
  areaRemove: (ws: string, plan: string, id: string, area: string) => `${base(ws, plan)}/${id}/utvecklingsomraden/${area}/ta-bort`,
};
