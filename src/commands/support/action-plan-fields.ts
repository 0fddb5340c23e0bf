// What creating and editing an action plan share: its texts, their limits, and the check of its own period.
import { checkDateRange, checkTexts, type Problems } from "./checks.ts";

export const ACTION_PLAN_TEXT_FIELDS = ["title", "periodStart", "periodEnd", "introduction", "howMade", "steeringGroup"] as const;
export type ActionPlanTexts = Record<(typeof ACTION_PLAN_TEXT_FIELDS)[number], string>;

export const ACTION_PLAN_LIMITS = { title: 300, introduction: 20000, howMade: 20000, steeringGroup: 20000, adoptedBy: 300 } as const;

/** The title an action plan gets when none is written (in the plan's language, which is the workspace's). */
export const defaultActionPlanTitle = (organisationName: string) => `Handlingsplan för ${organisationName}`;

/**
 * Lengths, the personal-data guard and the period (both dates real, the end not before the start). The period may
 * reach outside the plan's own: an organisation may adopt its plan a year late and let it run a year longer.
 */
export function checkActionPlanTexts(input: ActionPlanTexts, confirmedPersonalData: boolean, options: { titleRequired: boolean }): Problems {
  const problems = checkTexts(
    [
      { field: "title", value: input.title, max: ACTION_PLAN_LIMITS.title, required: options.titleRequired },
      { field: "introduction", value: input.introduction, max: ACTION_PLAN_LIMITS.introduction },
      { field: "howMade", value: input.howMade, max: ACTION_PLAN_LIMITS.howMade },
      { field: "steeringGroup", value: input.steeringGroup, max: ACTION_PLAN_LIMITS.steeringGroup },
    ],
    confirmedPersonalData,
  );
  checkDateRange(problems, { field: "periodStart", value: input.periodStart.trim(), required: true }, { field: "periodEnd", value: input.periodEnd.trim(), required: true });
  return problems;
}
