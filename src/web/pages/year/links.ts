// Addresses of the annual wheel (årshjul), its events and categories, the groups, their meetings and calendar feeds.
const wheelBase = (ws: string) => `/${ws}/arshjul`;
const groupBase = (ws: string, group: string) => `/${ws}/grupper/${group}`;
const meetingBase = (ws: string, group: string, id: string) => `${groupBase(ws, group)}/moten/${id}`;

/** A wheel address with the year and the chosen categories kept. */
function withQuery(path: string, year?: number, categories?: readonly string[]): string {
  const query = new URLSearchParams();
  if (year) query.set("ar", String(year));
  for (const c of categories ?? []) query.append("kategori", c);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** "2027-02-10T10:00" → "2027-02-10T10-00": an occurrence's local start as an address part. */
export const occurrencePart = (date: string, time: string) => `${date}T${time.replace(":", "-")}`;

export const yearLinks = {
  wheel: (ws: string, year?: number, categories?: readonly string[]) => withQuery(wheelBase(ws), year, categories),
  list: (ws: string, year?: number, categories?: readonly string[]) => withQuery(`${wheelBase(ws)}/lista`, year, categories),
  wheelPng: (ws: string, year: number, categories?: readonly string[]) => withQuery(`${wheelBase(ws)}/arshjul.png`, year, categories),
  wheelPdf: (ws: string, year: number, categories?: readonly string[]) => withQuery(`${wheelBase(ws)}/arshjul.pdf`, year, categories),
  feed: (ws: string) => `${wheelBase(ws)}/kalender.ics`,
  newEvent: (ws: string) => `${wheelBase(ws)}/handelser/ny`,
  event: (ws: string, id: string) => `${wheelBase(ws)}/handelser/${id}`,
  eventArchive: (ws: string, id: string) => `${wheelBase(ws)}/handelser/${id}/ta-bort`,
  eventIcs: (ws: string, id: string) => `${wheelBase(ws)}/handelser/${id}/kalender.ics`,
  categories: (ws: string) => `${wheelBase(ws)}/kategorier`,
  category: (ws: string, id: string) => `${wheelBase(ws)}/kategorier/${id}`,
  categoryRemove: (ws: string, id: string) => `${wheelBase(ws)}/kategorier/${id}/ta-bort`,
  categoryRestore: (ws: string, id: string) => `${wheelBase(ws)}/kategorier/${id}/aterstall`,
  groups: (ws: string) => `/${ws}/grupper`,
  newGroup: (ws: string) => `/${ws}/grupper/ny`,
  group: groupBase,
  groupMembers: (ws: string, group: string) => `${groupBase(ws, group)}/medlemmar`,
  memberRemove: (ws: string, group: string, id: string) => `${groupBase(ws, group)}/medlemmar/${id}/ta-bort`,
  renewFeed: (ws: string, group: string) => `${groupBase(ws, group)}/kalender/ny-adress`,
  groupFeed: (ws: string, group: string, token: string) => `${groupBase(ws, group)}/kalender/${token}.ics`,
  newMeeting: (ws: string, group: string) => `${groupBase(ws, group)}/moten/ny`,
  meeting: meetingBase,
  occurrence: (ws: string, group: string, id: string, date: string, time: string) => `${meetingBase(ws, group, id)}/tillfallen/${occurrencePart(date, time)}`,
  minutes: (ws: string, group: string, id: string) => `${meetingBase(ws, group, id)}/protokoll`,
  cancel: (ws: string, group: string, id: string) => `${meetingBase(ws, group, id)}/stall-in`,
  minutesDocx: (ws: string, group: string, id: string) => `${meetingBase(ws, group, id)}/minnesanteckningar.docx`,
  meetingIcs: (ws: string, group: string, id: string) => `${meetingBase(ws, group, id)}/kalender.ics`,
  items: (ws: string, group: string, id: string) => `${meetingBase(ws, group, id)}/atgarder`,
  itemDone: (ws: string, group: string, id: string, item: string) => `${meetingBase(ws, group, id)}/atgarder/${item}/klar`,
};
