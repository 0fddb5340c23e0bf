// The checks a financing row's form goes through (create-financing, update-financing): a source, real dates with
// the decision not before the application, amounts in whole kronor, an amount granted only with a decision that
// grants something; and the row as the audit records it.
import { checkDateRange, checkTexts, type Problems } from "./checks.ts";

export const DECISIONS = ["pending", "granted", "partly_granted", "rejected"] as const;
export type Decision = (typeof DECISIONS)[number];
export const FINANCING_LIMITS = { source: 300, note: 2000 } as const;
/** A trillion kronor: far above any grant, well inside a bigint. */
const MAX_AMOUNT = 1_000_000_000_000;

export interface FinancingFields {
  source: string;
  /** yyyy-mm-dd or empty. */
  appliedOn: string;
  /** Whole kronor as typed ("250 000", "250000 kr"), or empty. */
  amountApplied: string;
  decision: string;
  decidedOn: string;
  amountGranted: string;
  note: string;
}

export interface ResolvedFinancing {
  source: string;
  appliedOn: string | null;
  amountApplied: number | null;
  decision: Decision;
  decidedOn: string | null;
  amountGranted: number | null;
  note: string;
}

/** "250 000", "250000 kr" → 250000; "" → null; anything else → undefined (not a whole, non-negative amount). */
export function parseKronor(value: string): number | null | undefined {
  const text = value.replace(/[\s\u00a0\u202f]/g, "").replace(/kr\.?$/i, "").replace(/:-$/, "");
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return undefined;
  const amount = Number(text);
  return amount <= MAX_AMOUNT ? amount : undefined;
}

export function financingProblems(input: FinancingFields, confirmedPersonalData: boolean): { problems: Problems; resolved: ResolvedFinancing } {
  const problems = checkTexts(
    [
      { field: "source", value: input.source, max: FINANCING_LIMITS.source, required: true, requiredKey: "financing.form.sourceMissing" },
      { field: "note", value: input.note, max: FINANCING_LIMITS.note },
    ],
    confirmedPersonalData,
  );
  checkDateRange(problems, { field: "appliedOn", value: input.appliedOn.trim() }, { field: "decidedOn", value: input.decidedOn.trim() });
  if (problems.decidedOn?.key === "form.endBeforeStart") problems.decidedOn = { key: "financing.form.decidedBeforeApplied" };
  const amountApplied = parseKronor(input.amountApplied);
  if (amountApplied === undefined) problems.amountApplied = { key: "financing.form.amountInvalid" };
  const amountGranted = parseKronor(input.amountGranted);
  if (amountGranted === undefined) problems.amountGranted = { key: "financing.form.amountInvalid" };
  const decision = (DECISIONS as readonly string[]).includes(input.decision) ? (input.decision as Decision) : null;
  if (!decision) problems.decision = { key: "form.unknownChoice" };
  else if (amountGranted !== null && amountGranted !== undefined && decision !== "granted" && decision !== "partly_granted") {
    problems.amountGranted = { key: "financing.form.grantedNeedsDecision" };
  }
  return {
    problems,
    resolved: {
      source: input.source.trim(), appliedOn: input.appliedOn.trim() || null, amountApplied: amountApplied ?? null, decision: decision ?? "pending",
      decidedOn: input.decidedOn.trim() || null, amountGranted: amountGranted ?? null, note: input.note.trim(),
    },
  };
}

export const AUDITED_FINANCING_FIELDS = [
  "financingSource", "financingAppliedOn", "financingAmountApplied", "financingDecision", "financingDecidedOn", "financingAmountGranted", "financingNote",
] as const;

/** The row as the activity's history shows it (the financing's own fields, prefixed so they read apart from the activity's). */
export function financingAuditView(f: ResolvedFinancing | null): Record<(typeof AUDITED_FINANCING_FIELDS)[number], string | null> {
  return {
    financingSource: f?.source ?? null,
    financingAppliedOn: f?.appliedOn ?? null,
    financingAmountApplied: f?.amountApplied != null ? String(f.amountApplied) : null,
    financingDecision: f?.decision ?? null,
    financingDecidedOn: f?.decidedOn ?? null,
    financingAmountGranted: f?.amountGranted != null ? String(f.amountGranted) : null,
    financingNote: f?.note || null,
  };
}
