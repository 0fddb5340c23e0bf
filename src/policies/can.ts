// The one question every route asks: may this viewer do this action on this subject? Each resource states its
// rules in its own file; this file joins them so `can(viewer, action, subject)` reads the same everywhere.
import type { Viewer } from "../domain/roles.ts";
import { activityPolicy, type ActivitySubject } from "./activity.ts";
import { planPolicy, type PlanSubject } from "./plan.ts";
import { workspacePolicy, type WorkspaceSubject } from "./workspace.ts";
import { actionPlanPolicy, type ActionPlanSubject } from "./action-plan.ts";
import { needPolicy, type NeedSubject } from "./need.ts";
import { followUpPolicy, type FollowUpSubject } from "./follow-up.ts";
import { yearPolicy, type YearSubject } from "./year.ts";

const policies = { plan: planPolicy, activity: activityPolicy, workspace: workspacePolicy, actionPlan: actionPlanPolicy, need: needPolicy, followUp: followUpPolicy, year: yearPolicy };
type Policies = typeof policies;

export type Subject = PlanSubject | ActivitySubject | WorkspaceSubject | ActionPlanSubject | NeedSubject | FollowUpSubject | YearSubject;
/** The actions a subject's policy knows, e.g. "update" for an activity. */
export type ActionOn<S extends Subject> = keyof Policies[S["type"]] & string;

export function can<S extends Subject>(viewer: Viewer | null, action: ActionOn<S>, subject: S): boolean {
  const rules = policies[subject.type] as unknown as Record<string, ((viewer: Viewer | null, subject: S) => boolean) | undefined>;
  const rule = rules[action];
  if (!rule) throw new Error(`no policy for ${subject.type}.${action}`);
  return rule(viewer, subject);
}
