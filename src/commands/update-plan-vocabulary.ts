// Saves a plan's own words: what a goal and a measure are called (singular and plural, Swedish and optionally
// English), how measures are numbered, the words before a goal's strategies and the heading of what needs to be
// in place. The plan row's version protects it; one audit event lists each changed word.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { plans, type FieldChange } from "../db/schema/index.ts";
import type { Viewer } from "../domain/roles.ts";
import { planVocabularySchema, type PlanVocabulary } from "../domain/vocabulary.ts";
import { MAX_PATTERN_LENGTH, NUMBERING_PRESETS, numberingPatternProblem } from "../domain/numbering-pattern.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems, type Problems } from "./support/checks.ts";
import { planForShaping } from "./support/plan-structure.ts";
import { bumpContentVersion, checkVersion } from "./support/rows.ts";

/** The vocabulary form's fields, as typed. */
export interface VocabularyValues {
  goalOne: string;
  goalOther: string;
  goalOneEn: string;
  goalOtherEn: string;
  measureOne: string;
  measureOther: string;
  measureOneEn: string;
  measureOtherEn: string;
  /** One of the presets, or "other" (then `numberingOther` holds the pattern). */
  numbering: string;
  numberingOther: string;
  strategyIntro: string;
  strategyIntroEn: string;
  prerequisites: string;
  prerequisitesEn: string;
}

export interface UpdateVocabularyInput extends VocabularyValues {
  planId: string;
  version: number;
  confirmedPersonalData: boolean;
}

export const OTHER_NUMBERING = "other";
const WORD_MAX = 60;

export function vocabularyValuesOf(v: PlanVocabulary): VocabularyValues {
  const preset = (NUMBERING_PRESETS as readonly string[]).includes(v.numbering);
  return {
    goalOne: v.goal.sv.one, goalOther: v.goal.sv.other, goalOneEn: v.goal.en?.one ?? "", goalOtherEn: v.goal.en?.other ?? "",
    measureOne: v.measure.sv.one, measureOther: v.measure.sv.other, measureOneEn: v.measure.en?.one ?? "", measureOtherEn: v.measure.en?.other ?? "",
    numbering: preset ? v.numbering : OTHER_NUMBERING, numberingOther: preset ? "" : v.numbering,
    strategyIntro: v.strategyIntro.sv, strategyIntroEn: v.strategyIntro.en ?? "", prerequisites: v.prerequisites.sv, prerequisitesEn: v.prerequisites.en ?? "",
  };
}

/** The words as stored, flattened for the audit: "goal.sv.one" → "Inriktningsmål". */
function flatten(v: PlanVocabulary): Record<string, string | null> {
  return {
    "goal.sv.one": v.goal.sv.one, "goal.sv.other": v.goal.sv.other, "goal.en.one": v.goal.en?.one ?? null, "goal.en.other": v.goal.en?.other ?? null,
    "measure.sv.one": v.measure.sv.one, "measure.sv.other": v.measure.sv.other,
    "measure.en.one": v.measure.en?.one ?? null, "measure.en.other": v.measure.en?.other ?? null,
    numbering: v.numbering, "strategyIntro.sv": v.strategyIntro.sv, "strategyIntro.en": v.strategyIntro.en ?? null,
    "prerequisites.sv": v.prerequisites.sv, "prerequisites.en": v.prerequisites.en ?? null,
  };
}

/** An English pair is both words or neither: the missing one of a half-filled pair gets the problem. */
function checkEnglishPair(problems: Problems, one: { field: string; value: string }, other: { field: string; value: string }) {
  if (one.value.trim() && !other.value.trim()) problems[other.field] ??= { key: "ps.vocab.enPairIncomplete" };
  if (other.value.trim() && !one.value.trim()) problems[one.field] ??= { key: "ps.vocab.enPairIncomplete" };
}

/** The vocabulary to store, or every problem with the words (personal data included: labels are free text too). */
export function vocabularyFrom(input: VocabularyValues, confirmedPersonalData: boolean): { vocabulary: PlanVocabulary | null; problems: Problems } {
  const word = (field: keyof VocabularyValues, required: boolean, max = WORD_MAX) => ({ field, value: input[field], max, required });
  const problems = checkTexts(
    [
      word("goalOne", true), word("goalOther", true), word("goalOneEn", false), word("goalOtherEn", false),
      word("measureOne", true), word("measureOther", true), word("measureOneEn", false), word("measureOtherEn", false),
      word("strategyIntro", true), word("strategyIntroEn", false), word("prerequisites", true, 80), word("prerequisitesEn", false, 80),
    ],
    confirmedPersonalData,
  );
  checkEnglishPair(problems, { field: "goalOneEn", value: input.goalOneEn }, { field: "goalOtherEn", value: input.goalOtherEn });
  checkEnglishPair(problems, { field: "measureOneEn", value: input.measureOneEn }, { field: "measureOtherEn", value: input.measureOtherEn });

  let numbering = input.numbering;
  if (input.numbering === OTHER_NUMBERING) {
    numbering = input.numberingOther.trim();
    const problem = numberingPatternProblem(numbering);
    if (problem === "tooLong") problems.numberingOther = { key: "form.tooLong", params: { max: MAX_PATTERN_LENGTH } };
    else if (problem === "empty") problems.numberingOther = { key: "ps.vocab.patternMissing" };
    else if (problem === "missingN") problems.numberingOther = { key: "ps.vocab.patternWithoutN" };
    else if (problem === "unknownPlaceholder") problems.numberingOther = { key: "ps.vocab.patternUnknownPlaceholder" };
  } else if (!(NUMBERING_PRESETS as readonly string[]).includes(input.numbering)) problems.numbering = { key: "form.unknownChoice" };
  if (Object.keys(problems).length > 0) return { vocabulary: null, problems };

  const pair = (one: string, other: string) => ({ one: one.trim(), other: other.trim() });
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const vocabulary: PlanVocabulary = {
    goal: { sv: pair(input.goalOne, input.goalOther), ...(input.goalOneEn.trim() ? { en: pair(input.goalOneEn, input.goalOtherEn) } : {}) },
    measure: { sv: pair(input.measureOne, input.measureOther), ...(input.measureOneEn.trim() ? { en: pair(input.measureOneEn, input.measureOtherEn) } : {}) },
    numbering,
    strategyIntro: { sv: input.strategyIntro.trim(), ...(optional(input.strategyIntroEn) ? { en: optional(input.strategyIntroEn) } : {}) },
    prerequisites: { sv: input.prerequisites.trim(), ...(optional(input.prerequisitesEn) ? { en: optional(input.prerequisitesEn) } : {}) },
  };
  // The stored shape's own rules are the last word (they match the checks above).
  return { vocabulary: planVocabularySchema.parse(vocabulary), problems };
}

export async function updatePlanVocabulary(db: Db, viewer: Viewer | null, input: UpdateVocabularyInput): Promise<{ version: number; changed: boolean }> {
  const { vocabulary, problems } = vocabularyFrom(input, input.confirmedPersonalData);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const plan = await planForShaping(t, viewer, input.planId);
    checkVersion(plan.version, input.version, () => vocabularyValuesOf(plan.vocabulary));
    throwIfProblems(problems);
    const before = flatten(plan.vocabulary);
    const after = flatten(vocabulary!);
    const changes: FieldChange[] = Object.keys(after)
      .filter((field) => before[field] !== after[field])
      .map((field) => ({ field: `vocabulary.${field}`, before: before[field] ?? null, after: after[field] ?? null }));
    if (changes.length === 0) return { version: plan.version, changed: false };
    const version = plan.version + 1;
    await t.update(plans).set({ vocabulary: vocabulary!, version, updatedAt: new Date() }).where(eq(plans.id, plan.id));
    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer!.userId, via: "web", action: "plan.vocabularyUpdated", subjectType: "plan", subjectId: plan.id, changes,
    });
    return { version, changed: true };
  });
}
