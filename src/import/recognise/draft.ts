// What the recogniser makes of a document: the plan shape it found, in the form `samverka import --dry-run --format
// json` prints (the issue's published shape), before anything is matched to a workspace or written.

/** Where a piece came from in the document: the page (PDF) and the line or block number. */
export interface Where {
  page?: number;
  line?: number;
}

export interface DraftStrategy {
  title: string;
  text: string;
}

export interface DraftGoal {
  /** The goal's number as the document gives it ("3"), or its place in the document when it gives none. */
  number: string;
  title: string;
  text: string;
  strategies: DraftStrategy[];
  /** "What needs to be in place" under the goal. */
  prerequisites: string[];
  where: Where;
}

export interface DraftFigure {
  name: string;
  value: number;
  unit: string | null;
  /** "approx" ("ca 20"), "at_least" ("minst 5", "över 10"), "at_most" ("högst 3") or null (exact). */
  qualifier: string | null;
  baseline: number | null;
  target: number | null;
  year: number | null;
  /** The words the figure was read from, for the preview. */
  phrase: string;
}

/** The kinds an action plan groups its measures in. */
export type MeasureKind = "stadsövergripande" | "i samverkan" | "verksamhetsspecifik";

/** What the status words of a follow-up suggest, as the status meanings every plan's statuses carry. */
export type StatusMeaning = "not_started" | "planning" | "ongoing" | "completed" | "cancelled";

export interface DraftMeasure {
  /** As written: "1.1", "1:4", "2"; null when the document gives none. */
  number: string | null;
  /** The goal's number the measure sits under ("1"), or null when no goal came before it. */
  goal: string | null;
  title: string;
  description: string;
  kind: MeasureKind | null;
  responsible: string[];
  coResponsible: string[];
  preventionLevels: string[];
  targetGroups: string[];
  period: string | null;
  /** A suggestion, from a "Status:" field or from the wording of the follow-up text; the user confirms it. */
  status: StatusMeaning | null;
  /** The words the status was suggested from. */
  statusPhrase: string | null;
  followUp: string | null;
  /** Suggestions read from phrases like "från 68 till 85"; the user confirms them. */
  figures: DraftFigure[];
  where: Where;
}

export interface Unrecognised {
  text: string;
  where: Where;
}

export interface Repair {
  from: string;
  to: string;
  where: Where;
}

export interface Warning {
  message: string;
  where: Where;
}

export type DraftKind = "plan" | "action-plan" | "follow-up";

export interface ImportDraft {
  kind: DraftKind;
  /** The document's title when it has one (its first heading). */
  title: string | null;
  vision: string | null;
  goals: DraftGoal[];
  measures: DraftMeasure[];
  /** Text that was not understood: kept, never dropped, so the user can place it. */
  unrecognised: Unrecognised[];
  repairs: Repair[];
  warnings: Warning[];
}
