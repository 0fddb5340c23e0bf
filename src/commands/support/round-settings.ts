// The settings a round is opened with and may later change: the deadline, when reminders go out, how the
// organisation approves, and what is asked. Checked the same way at opening and on the settings page.
import { localDate } from "../../domain/local-date.ts";
import { isIsoDate, type Problems } from "./checks.ts";

export const APPROVAL_MODES = ["one", "any", "all"] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export const ASKS = ["status", "narrative", "figures", "nextSteps", "summary"] as const;
export type Asks = Record<(typeof ASKS)[number], boolean>;
export const DEFAULT_REMINDER_OFFSETS = [14, 3, -1];

export interface RoundSettingsFields {
  deadline: string;
  /** The coordinator's introduction to the compiled report; empty: the plan's. */
  introduction?: string;
  /** Days before the deadline, comma-separated; a negative number is days after it: "14, 3, -1". */
  reminderOffsets: string;
  approvalMode: string;
  requireDifferentApprover: boolean;
  /** Which of ASKS are asked; empty means all. */
  asks: string[];
}

export interface ResolvedRoundSettings {
  deadline: string;
  reminderOffsets: number[];
  approvalMode: ApprovalMode;
  requireDifferentApprover: boolean;
  asks: Asks;
}

/** "14, 3, -1" → [14, 3, -1] (distinct, latest reminder last); "" → []; undefined when a part is not a whole number. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.some((p) => !/^[-−]?\d{1,3}$/.test(p))) return undefined;
  const numbers = [...new Set(parts.map((p) => Number(p.replace("−", "-"))))];
  if (numbers.some((n) => n > 365 || n < -60)) return undefined;
  return numbers.sort((a, b) => b - a);
}

export function formatOffsets(offsets: readonly number[]): string {
  return offsets.join(", ");
}

/** Checks the settings; `previousDeadline` lets a round keep a deadline that has already passed. */
export function resolveRoundSettings(input: RoundSettingsFields, problems: Problems, options: { today?: string; previousDeadline?: string } = {}): ResolvedRoundSettings {
  const today = options.today ?? localDate();
  if (!input.deadline) problems.deadline ??= { key: "form.dateRequired" };
  else if (!isIsoDate(input.deadline)) problems.deadline ??= { key: "form.dateInvalid" };
  else if (input.deadline < today && input.deadline !== options.previousDeadline) problems.deadline ??= { key: "round.deadlinePast", params: { today } };
  const offsets = parseOffsets(input.reminderOffsets);
  if (!offsets) problems.reminderOffsets ??= { key: "round.offsetsInvalid" };
  const mode = (APPROVAL_MODES as readonly string[]).includes(input.approvalMode) ? (input.approvalMode as ApprovalMode) : undefined;
  if (!mode) problems.approvalMode ??= { key: "form.unknownChoice" };
  if (input.asks.some((a) => !(ASKS as readonly string[]).includes(a))) problems.asks ??= { key: "form.unknownChoice" };
  const asked = new Set(input.asks.length ? input.asks : ASKS);
  return {
    deadline: input.deadline, reminderOffsets: offsets ?? [], approvalMode: mode ?? "one", requireDifferentApprover: input.requireDifferentApprover,
    asks: Object.fromEntries(ASKS.map((a) => [a, asked.has(a)])) as Asks,
  };
}
