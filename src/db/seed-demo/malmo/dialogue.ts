// Malmö's dialogue meetings: one with the labour-market and social services administration in 2023, and one in 2025
// with it and the health, care and welfare administration together, each with the development areas agreed there.
// One of the 2023 areas later became a need. Every sentence is written for the demo; participants are roles only.
import { developmentAreas, dialogueMeetingOrganisations, dialogueMeetings } from "../../schema/index.ts";
import { type Bag, type Lookup, type PlanRefs, uid } from "../builder.ts";

interface MeetingSpec {
  title: string;
  heldOn: string;
  organisations: string[];
  participants: string;
  notes: string;
  /** Text, and the title of the need it became (if it did). */
  areas: Array<{ text: string; need?: string }>;
}

const MEETINGS: MeetingSpec[] = [
  {
    title: "Dialogmöte med arbetsmarknads- och socialförvaltningen 2023",
    heldOn: "2023-04-18",
    organisations: ["asf"],
    participants: "Planens samordnare, förvaltningens samordnare mot våld i nära relation, avdelningschefen för insatser, en enhetschef från Kompetenscentrum",
    notes:
      "Förvaltningen berättade hur arbetet med den nya handlingsplanen har kommit i gång. Flera aktiviteter ligger redan nära förvaltningens uppdrag, men det finns en risk att de blir ett sidospår om de inte följs i den vanliga styrningen.\n\n" +
      "Samtalet handlade också om unga som använder våld i sina första relationer: socialtjänsten möter dem, men det saknas ett stöd som är anpassat för deras ålder.",
    areas: [
      { text: "Bygga in handlingsplanens aktiviteter i avdelningarnas verksamhetsplaner så att de följs upp i den vanliga styrningen" },
      {
        text: "Ta fram ett stöd för unga under 18 år som använder våld i en partnerrelation",
        need: "Stöd till unga som använder våld i sina första relationer",
      },
    ],
  },
  {
    title: "Dialogmöte om våld mot äldre och personer med omsorgsbehov",
    heldOn: "2025-03-18",
    organisations: ["asf", "halsa-vard-och-omsorgsforvaltningen"],
    participants:
      "Planens samordnare, samordnarna mot våld i nära relation från båda förvaltningarna, en avdelningschef för hemtjänst, en avdelningschef för insatser",
    notes:
      "Mötet gick igenom de två förvaltningarnas uppföljning av 2024. Båda ser att äldre och personer som är beroende av andras omsorg sällan själva berättar om våld, och att skyddade boenden sällan är anpassade för dem.\n\n" +
      "- Arbetsgruppen för skyddat boende fortsätter och bjuder in funktionsstödsförvaltningen.\n" +
      "- Rutinen för att fråga om våld prövas i hemsjukvården innan den sprids vidare.",
    areas: [
      { text: "Ta fram en gemensam lösning för skyddat boende för personer med omfattande omvårdnadsbehov" },
      { text: "Pröva rutinen för att fråga om våld i hemsjukvården och dela erfarenheterna med socialtjänstens äldreärenden" },
    ],
  },
];

export function addMalmoDialogue(bag: Bag, refs: PlanRefs, needIds: Lookup): void {
  for (const m of MEETINGS) {
    const id = uid();
    bag.add(dialogueMeetings, {
      id, workspaceId: refs.ws, planId: refs.planId, title: m.title, heldOn: m.heldOn, participants: m.participants, notes: m.notes,
    });
    for (const slug of m.organisations) {
      bag.add(dialogueMeetingOrganisations, { workspaceId: refs.ws, dialogueMeetingId: id, organisationId: refs.orgs.get(slug) });
    }
    m.areas.forEach((a, i) =>
      bag.add(developmentAreas, {
        workspaceId: refs.ws, dialogueMeetingId: id, position: i + 1, text: a.text, needId: a.need ? needIds.get(a.need) : null,
      }),
    );
  }
}
