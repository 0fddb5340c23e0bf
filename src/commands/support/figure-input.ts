// The figure rows of an activity report as a form sends them: every value a text, checked and turned into numbers.
// A row left wholly blank is dropped; a row with only carried-over parts (name, unit, baseline, target) is kept,
// so last round's figures stay for next time even when this year's value is not known yet.
import { checkTexts, isIsoDate, type Problems } from "./checks.ts";

export const QUALIFIERS = ["exact", "about", "at_least", "at_most"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const FIGURE_LIMITS = { name: 300, unit: 100, qualifierText: 100, rows: 50 } as const;
const MAX_ABS = 1e12;

export interface FigureFields {
  /** Empty for a new row. */
  id: string;
  name: string;
  value: string;
  unit: string;
  qualifier: string;
  qualifierText: string;
  asOf: string;
  baseline: string;
  target: string;
  year: string;
}

export interface ResolvedFigure {
  id: string | null;
  name: string;
  value: number | null;
  unit: string;
  qualifier: Qualifier;
  qualifierText: string | null;
  asOf: string | null;
  baseline: number | null;
  target: number | null;
  year: number | null;
}

/** "1 234,5", "85", "-3" → number; "" → null; anything else → undefined. */
export function parseDecimal(value: string): number | null | undefined {
  const text = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (text === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Math.abs(n) <= MAX_ABS ? n : undefined;
}

const isBlank = (f: FigureFields) => [f.name, f.value, f.unit, f.qualifierText, f.asOf, f.baseline, f.target, f.year].every((v) => v.trim() === "");

/** Checks every row (problems under `figures.<i>.<field>`), returns the rows to keep in order. */
export function resolveFigures(rows: FigureFields[], confirmedPersonalData: boolean, problems: Problems): ResolvedFigure[] {
  const kept: ResolvedFigure[] = [];
  rows.forEach((row, i) => {
    if (isBlank(row)) return;
    const at = (field: string) => `figures.${i}.${field}`;
    Object.assign(problems, checkTexts([
      { field: at("name"), value: row.name, max: FIGURE_LIMITS.name, required: true, requiredKey: "figure.nameRequired" },
      { field: at("unit"), value: row.unit, max: FIGURE_LIMITS.unit },
      { field: at("qualifierText"), value: row.qualifierText, max: FIGURE_LIMITS.qualifierText },
    ], confirmedPersonalData));
    const number = (field: "value" | "baseline" | "target") => {
      const n = parseDecimal(row[field]);
      if (n === undefined) problems[at(field)] ??= { key: "figure.notANumber", params: { value: row[field].slice(0, 40) } };
      return n ?? null;
    };
    const value = number("value");
    const baseline = number("baseline");
    const target = number("target");
    let year: number | null = null;
    if (row.year.trim()) {
      year = /^\d{4}$/.test(row.year.trim()) ? Number(row.year.trim()) : NaN;
      if (!Number.isInteger(year) || year < 1900 || year > 2200) problems[at("year")] ??= { key: "figure.yearInvalid" };
    }
    if (row.asOf && !isIsoDate(row.asOf)) problems[at("asOf")] ??= { key: "form.dateInvalid" };
    const qualifier = (QUALIFIERS as readonly string[]).includes(row.qualifier) ? (row.qualifier as Qualifier) : undefined;
    if (!qualifier) problems[at("qualifier")] ??= { key: "form.unknownChoice" };
    kept.push({
      id: row.id || null, name: row.name.trim(), value, unit: row.unit.trim(), qualifier: qualifier ?? "exact",
      qualifierText: row.qualifierText.trim() || null, asOf: row.asOf || null, baseline, target, year: Number.isInteger(year) ? year : null,
    });
  });
  if (kept.length > FIGURE_LIMITS.rows) problems.figures ??= { key: "figure.tooMany", params: { max: FIGURE_LIMITS.rows } };
  return kept;
}
