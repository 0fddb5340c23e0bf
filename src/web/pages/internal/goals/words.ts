// The plan's own words for the shaping pages: what it calls a goal and a measure (as a heading and mid-sentence),
// the words that introduce strategies and the heading of what needs to be in place.
import type { PageContext } from "../../../context.ts";
import { vocabularyLabel, type PlanVocabulary } from "../../../../domain/vocabulary.ts";

export interface PlanWords {
  /** "Fokusområde" */
  goal: string;
  /** "Fokusområden" */
  goals: string;
  /** "fokusområde", for the middle of a sentence ("Lägg till fokusområde"). */
  goalLower: string;
  goalsLower: string;
  /** "Aktiviteter" */
  measures: string;
  /** "aktivitet" / "aktiviteter" mid-sentence. */
  measureLower: string;
  measuresLower: string;
  /** "Genom att" */
  strategyIntro: string;
  /** "Detta behöver finnas på plats" */
  prerequisites: string;
}

export function planWords(ctx: PageContext, vocabulary: PlanVocabulary): PlanWords {
  const lower = (s: string) => s.toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");
  const word = (which: "goal" | "measure", count: "one" | "other") => vocabularyLabel(vocabulary, which, ctx.locale, count);
  const pick = (entry: { sv: string; en?: string | undefined }) => (ctx.locale === "en" ? entry.en || entry.sv : entry.sv);
  return {
    goal: word("goal", "one"),
    goals: word("goal", "other"),
    goalLower: lower(word("goal", "one")),
    goalsLower: lower(word("goal", "other")),
    measures: word("measure", "other"),
    measureLower: lower(word("measure", "one")),
    measuresLower: lower(word("measure", "other")),
    strategyIntro: pick(vocabulary.strategyIntro) || ctx.t("goalsAdmin.strategies.fallbackHeading"),
    prerequisites: pick(vocabulary.prerequisites) || ctx.t("goalsAdmin.prerequisites.fallbackHeading"),
  };
}

/** "Fokusområde 1" */
export const goalName = (words: PlanWords, goal: { number: string }) => `${words.goal} ${goal.number}`;
