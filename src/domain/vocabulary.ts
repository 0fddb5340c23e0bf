// A plan's own words: what it calls a goal and a measure, and how it numbers measures. Data, not code.
import { z } from "zod";

const labelPair = z.object({ one: z.string().min(1).max(60), other: z.string().min(1).max(60) });

export const planVocabularySchema = z.object({
  goal: z.object({ sv: labelPair, en: labelPair.optional() }),
  measure: z.object({ sv: labelPair, en: labelPair.optional() }),
  /** "{goal}.{n}", "{goal}:{n}" or "free". */
  numbering: z.string().min(1).max(40),
  /** The words that introduce a goal's strategies: "Genom att". */
  strategyIntro: z.object({ sv: z.string().max(60), en: z.string().max(60).optional() }),
  /** The heading for what needs to be in place for a goal: "Detta behöver finnas på plats". */
  prerequisites: z.object({ sv: z.string().max(80), en: z.string().max(80).optional() }),
});

export type PlanVocabulary = z.infer<typeof planVocabularySchema>;
export type Locale = "sv" | "en";

export function vocabularyLabel(
  vocabulary: PlanVocabulary,
  which: "goal" | "measure",
  locale: Locale,
  count: "one" | "other" = "one",
): string {
  const entry = vocabulary[which];
  return (locale === "en" ? entry.en ?? entry.sv : entry.sv)[count];
}

/** The next number for a measure under a goal, from the plan's pattern; null for free numbering. */
export function suggestMeasureNumber(pattern: string, goalNumber: string, existing: readonly string[]): string | null {
  if (!pattern.includes("{n}")) return null;
  const taken = new Set(existing);
  for (let n = 1; n < 10_000; n++) {
    const candidate = pattern.replaceAll("{goal}", goalNumber).replaceAll("{n}", String(n));
    if (!taken.has(candidate)) return candidate;
  }
  return null;
}

/** Sorts "1.2" before "1.10" and "2:1" after "1:9"; unnumbered last. */
export function compareMeasureNumbers(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "sv", { numeric: true });
}
