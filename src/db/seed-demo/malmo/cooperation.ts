// How Malmö works together around the plan: the groups, the årshjul and one indicator (dialogue meetings: dialogue.ts).
// The structure follows the organisation slides; every sentence is written for the demo.
import {
  groupMembers, groups, indicators, indicatorValues, meetings, wheelCategories, wheelEvents,
} from "../../schema/index.ts";
import { type Bag, Lookup, type PlanRefs, uid } from "../builder.ts";

function addGroups(bag: Bag, refs: PlanRefs): void {
  const specs: Array<{ slug: string; name: string; kind: string; description: string; members: Array<[string, string]> }> = [
    {
      slug: "styrgrupp", name: "Styrgrupp", kind: "steering",
      description: "Förvaltningsdirektörer som beslutar om inriktningen och tar emot uppföljningen innan den går till nämnden.",
      members: [["stadskontoret", "Stadsdirektör (ordförande)"], ["asf", "Förvaltningsdirektör"], ["grundskoleforvaltningen", "Förvaltningsdirektör"]],
    },
    {
      slug: "samordningsgrupp", name: "Samordningsgrupp", kind: "coordination",
      description: "En representant per förvaltning och bolag. Gruppen träffas fyra till sex gånger om året.",
      members: [
        ["asf", "Samordnare mot våld i nära relation"], ["grundskoleforvaltningen", "Förvaltningens representant"],
        ["halsa-vard-och-omsorgsforvaltningen", "Förvaltningens representant"], ["mkb", "Hållbarhetsstrateg"],
      ],
    },
    {
      slug: "stadsovergripande-natverk", name: "Stadsövergripande nätverk", kind: "network",
      description: "Öppet nätverk för medarbetare som arbetar med frågorna i sin vardag.",
      members: [["asf-kompetenscentrum", "Enhetschef"]],
    },
  ];
  const groupIds = new Lookup("group");
  for (const g of specs) {
    const id = groupIds.set(g.slug, uid());
    bag.add(groups, { id, workspaceId: refs.ws, slug: g.slug, name: g.name, kind: g.kind, description: g.description });
    g.members.forEach(([org, roleTitle], i) =>
      bag.add(groupMembers, { workspaceId: refs.ws, groupId: id, organisationId: refs.orgs.get(org), roleTitle, position: i + 1 }),
    );
  }
  bag.add(meetings, {
    workspaceId: refs.ws, groupId: groupIds.get("samordningsgrupp"), title: "Samordningsgruppen",
    startsAt: new Date("2026-02-10T08:30:00Z"), endsAt: new Date("2026-02-10T10:30:00Z"), place: "Stadshuset, rum 4",
    agenda: "Läget i uppföljningen. Planering av kampanjveckan.", rrule: "FREQ=MONTHLY;INTERVAL=2;COUNT=6",
  });
}

function addWheel(bag: Bag, refs: PlanRefs): void {
  const categories: Array<[string, string, string, string]> = [
    ["meetings", "Möten", "Meetings", "#0072b2"],
    ["training", "Utbildning", "Training", "#e69f00"],
    ["campaigns", "Kampanjer", "Campaigns", "#cc79a7"],
    ["follow_up", "Uppföljning", "Follow-up", "#009e73"],
    ["reporting", "Rapportering", "Reporting", "#d55e00"],
    ["revision", "Revidering", "Revision", "#56b4e9"],
  ];
  const ids = new Lookup("wheel category");
  categories.forEach(([key, name, nameEn, colour], i) => {
    bag.add(wheelCategories, { id: ids.set(key, uid()), workspaceId: refs.ws, key, name, nameEn, colour, position: i + 1 });
  });
  const events: Array<{ category: string; title: string; startsOn?: string; month?: number; rrule?: string }> = [
    { category: "training", title: "Grundutbildning om våld", startsOn: "2026-03-15", rrule: "FREQ=YEARLY;BYMONTH=3,9" },
    { category: "campaigns", title: "Kampanjvecka mot våld", month: 11 },
    { category: "follow_up", title: "Uppföljningen öppnar", month: 11 },
    { category: "reporting", title: "Rapport till kommunstyrelsen", month: 4 },
    { category: "revision", title: "Revidering av rutiner", month: 9, rrule: "FREQ=YEARLY;BYMONTH=9" },
  ];
  for (const e of events) {
    bag.add(wheelEvents, {
      workspaceId: refs.ws, categoryId: ids.get(e.category), title: e.title, startsOn: e.startsOn ?? null, month: e.month ?? null,
      rrule: e.rrule ?? null,
    });
  }
}

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
  addGroups(bag, refs);
  addWheel(bag, refs);
  addIndicator(bag, refs);
}
