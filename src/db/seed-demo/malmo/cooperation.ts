// One indicator Malmö follows over the years (the groups and the årshjul: year.ts; dialogue meetings: dialogue.ts).
// Every sentence is written for the demo.
import { indicators, indicatorValues } from "../../schema/index.ts";
import { type Bag, type PlanRefs, uid } from "../builder.ts";

function addIndicator(bag: Bag, refs: PlanRefs): void {
  const id = uid();
  bag.add(indicators, {
    id, workspaceId: refs.ws, planId: refs.planId, goalId: refs.goals.get("1"), organisationId: refs.orgs.get("asf"),
    name: "Föräldrakurser under året", unit: "kurser", source: "own", direction: "up",
  });
  bag.add(
    indicatorValues,
    { workspaceId: refs.ws, indicatorId: id, year: 2023, value: 68 },
    { workspaceId: refs.ws, indicatorId: id, year: 2024, value: 85 },
  );
}

export function addMalmoCooperation(bag: Bag, refs: PlanRefs): void {
  addIndicator(bag, refs);
}
