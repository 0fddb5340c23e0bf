// The general Swedish plan conventions the recogniser looks for, matched on folded text (./fold.ts) so OCR's lost
// letters ("Inriktningsmal", "Uppf6ljning") still match. Nothing here names one municipality; the target plan's own
// words (its vocabulary) are added by the caller.
import type { MeasureKind } from "./draft.ts";
import { fold, squash } from "./fold.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Words that name a goal, folded: the general ones and the plan's own. */
export function goalWords(extra: readonly string[] = []): string[] {
  return [...new Set(["inriktningsmal", "inriktning mal", "fokusomrade", "malomrade", "delmal", "mal", ...extra.map(fold)])];
}

/** Words that name a measure, folded. */
export function measureWords(extra: readonly string[] = []): string[] {
  return [...new Set(["aktivitet", "atgard", "insats", ...extra.map(fold)])];
}

export interface NumberedLine {
  number: string;
  /** What follows the number (the title), from the original text. */
  rest: string;
}

const SEPARATOR = String.raw`\s*[:.\-–—)]?\s*`;

function numbered(text: string, words: readonly string[], numberPattern: string): NumberedLine | null {
  const folded = fold(text);
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, "\\s*"));
  const match = new RegExp(String.raw`^\s*(?:${alternatives.join("|")})\s*(${numberPattern})(?![\d.:]\d)${SEPARATOR}`, "u").exec(folded);
  if (!match) return null;
  return { number: match[1]!.replace(/\s+/g, ""), rest: squash(text.slice(match[0].length)) };
}

/** "Inriktningsmål 3 – Title", "Fokusområde 2: Title", "Mål 4. Title". */
export function goalLine(text: string, words: readonly string[]): NumberedLine | null {
  return numbered(text, words, String.raw`\d{1,2}`);
}

/** "Aktivitet 1.1: Title", "Åtgärd 1:4 Title", "Insats 2 – Title". */
export function measureLine(text: string, words: readonly string[]): NumberedLine | null {
  if (kindLine(text)) return null;
  return numbered(text, words, String.raw`\d{1,2}(?:\s*[.:]\s*\d{1,3}){0,2}`);
}

/** A bare number at the start of a block: "1.1 Title", "1:4 Title". */
export function bareMeasureLine(text: string): NumberedLine | null {
  const match = /^\s*(\d{1,2}[.:]\d{1,3})(?![\d.:]\d)\.?\s+(?=\S)/u.exec(text);
  if (!match) return null;
  return { number: match[1]!, rest: squash(text.slice(match[0].length)) };
}

/** "1. Title" or "2 Title" as a heading: a numbered heading. */
export function numberedHeading(text: string): NumberedLine | null {
  const match = /^\s*(\d{1,2})[.)]?\s+(?=\p{Lu})/u.exec(text);
  if (!match) return null;
  return { number: match[1]!, rest: squash(text.slice(match[0].length)) };
}

/**
 * The group headings of an action plan's measures. OCR reads "Aktiviteter i samverkan" as "Aktivitet 1 samverkan":
 * that is a group, not measure number 1.
 */
export function kindLine(text: string): { kind: MeasureKind; length: number } | null {
  const folded = fold(text);
  const patterns: Array<[RegExp, MeasureKind]> = [
    [/^\s*stadsovergripande(\s+aktivitet(er)?|\s+atgard(er)?|\s+insats(er)?)?\s*:?/u, "stadsövergripande"],
    [/^\s*(aktivitet(er)?|atgard(er)?|insats(er)?)\s+[i1l|]\s+samverkan(\s+med\s+andra\s+akt\S{0,3}r(er)?)?\s*[:.]?/u, "i samverkan"],
    [/^\s*verksamhetsspecifik[a]?(\s+aktivitet(er)?|\s+atgard(er)?|\s+insats(er)?)?\s*:?/u, "verksamhetsspecifik"],
  ];
  for (const [pattern, kind] of patterns) {
    const match = pattern.exec(folded);
    if (match) return { kind, length: match[0].length };
  }
  return null;
}

export type FieldName = "description" | "followUp" | "responsible" | "coResponsible" | "preventionLevels" | "targetGroups" | "period" | "status";

const FIELD_LABELS: Array<[RegExp, FieldName]> = [
  [/^beskrivning(ar)?$/u, "description"],
  [/^(uppfoljning|uppfoljning och resultat|resultat|redovisning)$/u, "followUp"],
  [/^(ansvarig(a)?( namnd(er)?| forvaltning(ar)?| styrelse| verksamhet)?|huvudansvarig)$/u, "responsible"],
  [/^(medansvarig(a)?( namnd(er)?| forvaltning(ar)?)?|samverkanspart(er)?|i samverkan med)$/u, "coResponsible"],
  [/^preventionsniva(er)?$/u, "preventionLevels"],
  [/^malgrupp(er)?$/u, "targetGroups"],
  [/^(tidsplan|tidsperiod|period|tid)$/u, "period"],
  [/^(status|lage)$/u, "status"],
];

/** A field's label: "Ansvarig nämnd" → "responsible". */
export function fieldOf(label: string): FieldName | null {
  const key = squash(fold(label).replace(/[:*_]/g, " "));
  for (const [pattern, field] of FIELD_LABELS) if (pattern.test(key)) return field;
  return null;
}

/** "Label: value" at the start of a block, when the label is a known field. */
export function labelledField(text: string): { field: FieldName; value: string } | null {
  const match = /^\s*([\p{L}0-9 ]{3,40}?)\s*:\s*(.*)$/su.exec(text);
  if (!match) return null;
  const field = fieldOf(match[1]!);
  return field ? { field, value: match[2]!.trim() } : null;
}

/** "Genom att:" (or the plan's own lead-in, "Så här arbetar vi") opens a goal's strategies. */
export function strategiesIntro(text: string, own: readonly string[] = []): boolean {
  const folded = squash(fold(text)).replace(/\s*:$/, "");
  return folded === "genom att" || own.some((o) => squash(fold(o)).replace(/\s*:$/, "") === folded);
}

/** "Planens inriktningsmål är:", "Våra fokusområden:": a list of the plan's goals follows. */
export function goalListIntro(text: string, words: readonly string[]): boolean {
  const folded = fold(squash(text));
  if (folded.length > 120) return false;
  const plural = words.map((w) => escape(w).replace(/ /g, "\\s*")).join("|");
  return new RegExp(String.raw`^(planens|vara|stadens|kommunens)?\s*(${plural})(en|er|erna|na|et)?\b[^.]*?(\bar|:)\s*:?\s*$`, "u").test(folded);
}

/** A heading or lead-in for what needs to be in place under a goal. */
export function prerequisitesIntro(text: string, own: readonly string[] = []): boolean {
  const folded = fold(squash(text));
  if (own.some((o) => squash(fold(o)).replace(/\s*:$/, "") === folded.replace(/\s*:$/, ""))) return true;
  return folded.length < 160 && /(behover (finnas )?(pa plats|vara pa plats)|ska finnas pa plats|forutsattningar|detta behover finnas)/u.test(folded);
}

/** A contents line: text, dot leaders, a page number. */
export function contentsLine(text: string): boolean {
  return /(\.\s*){4,}\s*\d{1,3}\s*$/u.test(text) || /\t\s*\d{1,3}\s*$/u.test(text) && /\.{3,}/u.test(text);
}

/** A heading that opens the table of contents. */
export function contentsHeading(text: string): boolean {
  return /^\s*(innehall(sforteckning)?|innehall)\s*$/u.test(fold(text));
}

/** OCR's and Word's bullet marks at the start of a line ("e ", "« ", "• ", "- "). */
export function stripBullet(text: string): { bulleted: boolean; text: string } {
  const match = /^\s*(?:[•·▪◦‣∙*«»o-]|e(?=\s+\p{Lu}))\s+/u.exec(text);
  return match ? { bulleted: true, text: text.slice(match[0].length) } : { bulleted: false, text };
}
