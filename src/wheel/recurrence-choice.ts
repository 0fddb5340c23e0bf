// Recurrence as a form offers it: a few named patterns ("every other month", "yearly in March and September"), an
// optional last date, or a rule of one's own; turned into an RRULE and back, and described in words.
import { normaliseRule, untilValue, type RuleProblem } from "./recurrence.ts";

export const REPEATS = ["none", "weekly", "biweekly", "monthly", "bimonthly", "quarterly", "yearly", "custom"] as const;
export type Repeat = (typeof REPEATS)[number];

const PRESETS: Record<Exclude<Repeat, "none" | "custom" | "yearly">, string> = {
  weekly: "FREQ=WEEKLY",
  biweekly: "FREQ=WEEKLY;INTERVAL=2",
  monthly: "FREQ=MONTHLY",
  bimonthly: "FREQ=MONTHLY;INTERVAL=2",
  quarterly: "FREQ=MONTHLY;INTERVAL=3",
};

export interface RecurrenceChoice {
  repeat: Repeat;
  /** For "yearly": the months (1–12) it happens in; empty means the start's month. */
  months: number[];
  /** yyyy-mm-dd, the last day it may happen, or "". */
  until: string;
  /** For "custom": the rule as written. */
  rule: string;
}

export const NO_RECURRENCE: RecurrenceChoice = { repeat: "none", months: [], until: "", rule: "" };

export type ChoiceProblem = { field: "rule" | "until" | "repeat"; key: RuleProblem | "form.dateInvalid" | "form.unknownChoice" };

/** The RRULE for a choice (null: does not repeat), or the field that is wrong. */
export function ruleFromChoice(choice: RecurrenceChoice, timed: boolean): { rule: string | null } | { problem: ChoiceProblem } {
  if (!REPEATS.includes(choice.repeat)) return { problem: { field: "repeat", key: "form.unknownChoice" } };
  if (choice.repeat === "none") return { rule: null };
  if (choice.until !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(choice.until)) return { problem: { field: "until", key: "form.dateInvalid" } };
  let text: string;
  if (choice.repeat === "custom") text = choice.rule;
  else if (choice.repeat === "yearly") {
    const months = [...new Set(choice.months.filter((m) => Number.isInteger(m) && m >= 1 && m <= 12))].sort((a, b) => a - b);
    text = months.length ? `FREQ=YEARLY;BYMONTH=${months.join(",")}` : "FREQ=YEARLY";
  } else text = PRESETS[choice.repeat];
  if (choice.until !== "" && choice.repeat !== "custom") text += `;UNTIL=${untilValue(choice.until, timed)}`;
  const checked = normaliseRule(text);
  if ("problem" in checked) return { problem: { field: "rule", key: checked.problem } };
  return { rule: checked.rule };
}

function untilDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : "";
}

/** The form's choice for a stored rule: a named pattern when it is one, else the rule itself as "custom". */
export function choiceFromRule(rule: string | null): RecurrenceChoice {
  if (!rule) return NO_RECURRENCE;
  const parts = rule.split(";");
  const until = parts.find((p) => p.startsWith("UNTIL="));
  const rest = parts.filter((p) => !p.startsWith("UNTIL=")).join(";");
  const untilText = until ? untilDate(until.slice(6)) : "";
  for (const [repeat, preset] of Object.entries(PRESETS)) {
    if (rest === preset) return { repeat: repeat as Repeat, months: [], until: untilText, rule: "" };
  }
  const yearly = /^FREQ=YEARLY(?:;BYMONTH=([\d,]+))?$/.exec(rest);
  if (yearly) return { repeat: "yearly", months: yearly[1] ? yearly[1].split(",").map(Number) : [], until: untilText, rule: "" };
  return { repeat: "custom", months: [], until: "", rule };
}

export interface RecurrenceWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  monthNames: readonly string[];
  formatDate: (date: string) => string;
}

/** "Varannan månad", "Varje år i mars och september till och med 31 december 2028", or the rule itself. */
export function describeRule(rule: string | null, words: RecurrenceWords): string {
  if (!rule) return words.t("recurrence.once");
  const choice = choiceFromRule(rule);
  let text: string;
  const everyOtherYear = /^FREQ=YEARLY;INTERVAL=2(?:;UNTIL=\w+)?$/.test(rule);
  if (everyOtherYear) return words.t("recurrence.everyOtherYear");
  if (choice.repeat === "custom") return words.t("recurrence.customRule", { rule });
  if (choice.repeat === "yearly" && choice.months.length) {
    const names = choice.months.map((m) => words.monthNames[m - 1] ?? String(m));
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} ${words.t("recurrence.and")} ${names.at(-1)}`;
    text = words.t("recurrence.yearlyIn", { months: list });
  } else text = words.t(`recurrence.${choice.repeat}`);
  if (choice.until) text += ` ${words.t("recurrence.until", { date: words.formatDate(choice.until) })}`;
  return text;
}
