// The numbering pattern of a plan's measures: "{goal}.{n}" (2.3), "{goal}:{n}" (2:3), "free" (written by hand), or
// the plan's own pattern. A pattern must say where the running number goes ({n}); {goal} is the goal's number.

export const NUMBERING_PRESETS = ["{goal}.{n}", "{goal}:{n}", "free"] as const;
export const FREE_NUMBERING = "free";
export const MAX_PATTERN_LENGTH = 40;

export type PatternProblem = "empty" | "tooLong" | "missingN" | "unknownPlaceholder";

/** What is wrong with a pattern, or null when it can be used. "free" is always fine. */
export function numberingPatternProblem(pattern: string): PatternProblem | null {
  if (pattern === FREE_NUMBERING) return null;
  if (!pattern.trim()) return "empty";
  if (pattern.length > MAX_PATTERN_LENGTH) return "tooLong";
  const placeholders = pattern.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.some((p) => p !== "{n}" && p !== "{goal}") || /[{}]/.test(pattern.replace(/\{n\}|\{goal\}/g, ""))) return "unknownPlaceholder";
  if (!pattern.includes("{n}")) return "missingN";
  return null;
}

/** The number the pattern gives the third measure under goal 2 ("2:3"); null for free numbering. */
export function numberingExample(pattern: string, goalNumber = "2", n = 3): string | null {
  if (pattern === FREE_NUMBERING || !pattern.includes("{n}")) return null;
  return pattern.replaceAll("{goal}", goalNumber).replaceAll("{n}", String(n));
}
