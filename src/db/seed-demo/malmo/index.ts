// The Malmö demo workspace: the city-wide plan, ASF's action plan and follow-up, four more organisations and the
// cooperation around them, and the year: the annual wheel, the groups and their meetings.
import { workspaces } from "../../schema/index.ts";
import { type Bag, uid } from "../builder.ts";
import { addDemoMemberships } from "../demo-accounts.ts";
import { addAsfActionPlan } from "./asf-action-plan.ts";
import { addAsfReport2024, addRound2024 } from "./asf-follow-up-2024.ts";
import { addMalmoCooperation } from "./cooperation.ts";
import { addMalmoDialogue } from "./dialogue.ts";
import { addMalmoNeeds } from "./needs.ts";
import { addMalmoOrganisations } from "./organisations.ts";
import { addOtherActionPlans, MALMO_ORGANISATIONS_WITH_ACTION_PLANS } from "./other-action-plans.ts";
import { addMalmoPlan } from "./plan.ts";
import { addMalmoYear } from "./year.ts";

export const MALMO_SLUG = "malmo";

/** Adds every row of the Malmö workspace to the bag; returns the workspace id. */
export function addMalmo(bag: Bag, demoUserIds: Map<string, string>): string {
  const ws = uid();
  bag.add(workspaces, { id: ws, slug: MALMO_SLUG, name: "Malmö stad" });
  const orgs = addMalmoOrganisations(bag, ws);
  addDemoMemberships(bag, ws, orgs, demoUserIds);
  const refs = addMalmoPlan(bag, ws, orgs);
  const asf = addAsfActionPlan(bag, refs);
  const roundId = addRound2024(bag, refs, MALMO_ORGANISATIONS_WITH_ACTION_PLANS);
  addAsfReport2024(bag, refs, roundId, asf.activityIds);
  addOtherActionPlans(bag, refs, roundId);
  const needIds = addMalmoNeeds(bag, refs);
  addMalmoCooperation(bag, refs);
  addMalmoDialogue(bag, refs, needIds);
  addMalmoYear(bag, refs, demoUserIds);
  return ws;
}
