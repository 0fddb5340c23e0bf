// The annual wheel's categories every workspace starts with (one ring each). The colours are the Okabe–Ito palette,
// told apart also with colour-vision deficiencies. Meetings and follow-up are filled by the wheel itself.
export const DEFAULT_WHEEL_CATEGORIES = [
  { key: "meetings", name: "Möten", nameEn: "Meetings", colour: "#0072b2" },
  { key: "training", name: "Utbildning", nameEn: "Training", colour: "#e69f00" },
  { key: "campaigns", name: "Kampanjer", nameEn: "Campaigns", colour: "#cc79a7" },
  { key: "follow-up", name: "Uppföljning", nameEn: "Follow-up", colour: "#009e73" },
  { key: "reporting", name: "Rapportering", nameEn: "Reporting", colour: "#d55e00" },
  { key: "revision", name: "Revidering", nameEn: "Revision", colour: "#56b4e9" },
] as const;

export type DefaultCategoryKey = (typeof DEFAULT_WHEEL_CATEGORIES)[number]["key"];

/** The rows for a new workspace. */
export function defaultCategoryRows(workspaceId: string) {
  return DEFAULT_WHEEL_CATEGORIES.map((c, position) => ({ workspaceId, key: c.key, name: c.name, nameEn: c.nameEn, colour: c.colour, position }));
}
