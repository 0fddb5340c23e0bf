// The annual wheel's shapes, shared by the query that expands the year, the SVG wheel, the list view, the documents
// and the calendar feeds.

/** A category of the wheel: one ring on the circle, one filter in the list. */
export interface WheelCategoryView {
  id: string;
  /** Stable key: "meetings", "training", "campaigns", "follow-up", "reporting", "revision" or one of the workspace's own. */
  key: string;
  name: string;
  /** #rrggbb */
  colour: string;
  position: number;
}

/** One occurrence on the year: a wheel event's date, a meeting, a follow-up round's deadline. */
export interface WheelOccurrence {
  /** Unique within the year's occurrences; safe for an HTML id ([a-z0-9-]). */
  key: string;
  source: "event" | "meeting" | "round";
  title: string;
  categoryKey: string;
  /** yyyy-mm-dd, or null when only the month is known ("sometime in March"). */
  date: string | null;
  /** 1–12 */
  month: number;
  /** The last day of a span (a campaign week), yyyy-mm-dd, or null. */
  endDate: string | null;
  /** Local time "HH:MM" for meetings, else null. */
  time: string | null;
  /** One line more: the group, the round's plan, "varje år i mars och september". */
  detail: string;
  /** The page with its details (meeting, event, round), or null. */
  href: string | null;
}

/** A year of the wheel as the views draw it. */
export interface WheelYear {
  year: number;
  /** yyyy-mm-dd when today falls in the year, else null. */
  today: string | null;
  categories: WheelCategoryView[];
  /** Sorted by date (month-only ones at the month's start), then title. */
  occurrences: WheelOccurrence[];
  /** Events whose recurrence had more occurrences in the year than are shown (capped). */
  capped: string[];
}
