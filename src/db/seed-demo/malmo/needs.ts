// Needs (behov av insats) per goal, as the organisation slides list them; one became an activity. Wording is ours.
import { needs, needTerms } from "../../schema/index.ts";
import { type Bag, Lookup, type PlanRefs, uid } from "../builder.ts";

interface NeedSpec {
  goal: string;
  title: string;
  description: string;
  organisation?: string;
  boardNote?: string;
  terms?: string[];
}

const NEEDS: NeedSpec[] = [
  {
    goal: "1", title: "Gemensamt material om våldsförebyggande arbete för fritidsgårdar",
    description: "Personalen efterfrågar ett samlat material som går att använda i samtal med unga om relationer och gränser.",
    organisation: "fritidsforvaltningen", terms: ["prevention_level|universell", "target_group|unga"],
  },
  {
    goal: "2", title: "Stöd till unga som använder våld i sina första relationer",
    description: "Det saknas ett anpassat stöd för unga under 18 år som utövar våld i en partnerrelation.",
    terms: ["target_group|unga", "target_group|valdsutovare", "prevention_level|indikerad"],
  },
  {
    goal: "3", title: "Rutin för att fråga om våld i hemsjukvården",
    description: "Flera förvaltningar saknar en gemensam rutin för när och hur personal ställer frågor om våld.",
    boardNote: "Behöver komma in i årshjulet", terms: ["target_group|aldre", "prevention_level|selektiv"],
  },
  {
    goal: "4", title: "Skyddat boende för personer med omfattande omvårdnadsbehov",
    description: "Skyddade boenden är sällan anpassade för den som behöver hjälp i vardagen, till exempel äldre eller personer med funktionsnedsättning.",
    terms: ["target_group|aldre", "target_group|funktionsnedsattning", "prevention_level|indikerad"],
  },
  {
    goal: "5", title: "Gemensamma mått för att följa utvecklingen över tid",
    description: "Förvaltningarna redovisar siffror på olika sätt, vilket gör det svårt att jämföra mellan år.",
  },
  {
    goal: "6", title: "Tydligare vägar in till civilsamhällets stödverksamheter",
    description: "Medarbetare vet inte alltid vilka ideella organisationer som kan ta emot en hänvisning.",
    terms: ["prevention_level|selektiv"],
  },
];

/** Adds the needs; returns their ids by title (a dialogue meeting's development area points at one). */
export function addMalmoNeeds(bag: Bag, refs: PlanRefs): Lookup {
  const ids = new Lookup("need");
  NEEDS.forEach((n, i) => {
    const id = ids.set(n.title, uid());
    bag.add(needs, {
      id, workspaceId: refs.ws, planId: refs.planId, goalId: refs.goals.get(n.goal), title: n.title, description: n.description,
      organisationId: n.organisation ? refs.orgs.get(n.organisation) : null, boardNote: n.boardNote ?? null, position: i + 1,
    });
    for (const key of n.terms ?? []) bag.add(needTerms, { workspaceId: refs.ws, needId: id, termId: refs.terms.get(key) });
  });
  return ids;
}
