// An organisation's documents (its action plan, its follow-up report for a round) collected as a plain outline: a
// cover, then headed sections of blocks. Every word is already in the reader's language, so the same data renders as
// Word and as PDF (./render-docx.ts, ./render-pdf.ts), in this thread or in a render worker.
import type { Locale } from "../../domain/vocabulary.ts";

export interface OutlineCell {
  text: string;
  align?: "right";
  colour?: string;
}

export type OutlineBlock =
  /** Text written in the app: paragraphs and bullet lines. */
  | { kind: "prose"; text: string }
  /** Something the document says about itself: "Ingen inledning är skriven." */
  | { kind: "note"; text: string }
  /** A warning that stands out: a draft, a report not accepted. */
  | { kind: "mark"; text: string }
  /** A bold lead-in for what follows: "Uppföljning", "Genom att:". */
  | { kind: "label"; text: string }
  | { kind: "bullets"; items: string[] }
  /** Label–value lines: "Ansvarig: …", "Preventionsnivå: …". A coloured square before a value that has a colour. */
  | { kind: "facts"; rows: Array<{ label: string; value: string; colour?: string }> }
  /** A table; `shares` are the columns' relative widths. */
  | { kind: "table"; header: string[]; rows: OutlineCell[][]; shares: number[] };

export interface OutlineSection {
  level: 1 | 2 | 3;
  heading: string;
  /** Start on a new page (goals do). */
  newPage?: boolean;
  blocks: OutlineBlock[];
}

export interface OutlineDocument {
  locale: Locale;
  /** The download's name: "handlingsplan-fri-fran-vald-arbetsmarknads-och-socialforvaltningen". */
  fileStem: string;
  /** The document's title in its properties, and the footer's text. */
  title: string;
  author: string;
  cover: {
    eyebrow: string;
    title: string;
    subtitle: string;
    facts: Array<[string, string]>;
    mark: string | null;
  };
  words: { contents: string; page: string; of: string };
  sections: OutlineSection[];
}
