// Field checks every command shares: required texts, length limits, dates in order, and the personal-data guard.
// Commands collect problems per field and throw one Invalid, so the form shows every error at once.
import { Invalid } from "../../domain/errors.ts";
import { guardTexts, type FieldProblem } from "../guard-texts.ts";

export type Problems = Record<string, FieldProblem>;

export interface TextRule {
  field: string;
  value: string;
  /** Characters; a longer text gets "form.tooLong". */
  max: number;
  required?: boolean;
  /** Message key when a required text is empty (default "form.required"). */
  requiredKey?: string;
  /** Free text people write (not codes or numbers): checked for personal data. Default true. */
  guarded?: boolean;
}

/** Required, length and personal-data problems of texts; the first problem per field wins. */
export function checkTexts(rules: readonly TextRule[], confirmedPersonalData: boolean): Problems {
  const problems: Problems = {};
  for (const rule of rules) {
    if (rule.required && !rule.value.trim()) problems[rule.field] = { key: rule.requiredKey ?? "form.required" };
    else if (rule.value.length > rule.max) problems[rule.field] = { key: "form.tooLong", params: { max: rule.max } };
  }
  const guarded = rules.filter((r) => r.guarded !== false && !problems[r.field]).map((r) => ({ field: r.field, value: r.value }));
  return { ...guardTexts(guarded, confirmedPersonalData), ...problems };
}

/** An ISO date (yyyy-mm-dd) that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Checks an optional date pair: each must be a real date, and the end may not come before the start.
 * Problems are put on the fields named; an empty string means "no date".
 */
export function checkDateRange(problems: Problems, start: { field: string; value: string; required?: boolean }, end: { field: string; value: string; required?: boolean }): void {
  for (const d of [start, end]) {
    if (!d.value) {
      if (d.required) problems[d.field] ??= { key: "form.dateRequired" };
    } else if (!isIsoDate(d.value)) problems[d.field] ??= { key: "form.dateInvalid" };
  }
  if (start.value && end.value && isIsoDate(start.value) && isIsoDate(end.value) && end.value < start.value) {
    problems[end.field] ??= { key: "form.endBeforeStart" };
  }
}

export function throwIfProblems(problems: Problems): void {
  if (Object.keys(problems).length > 0) throw new Invalid(problems);
}
