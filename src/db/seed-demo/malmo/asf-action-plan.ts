// ASF's action plan 2023–2026 with its 27 activities, and the financing of three of them.
import { financings } from "../../schema/index.ts";
import { addActionPlan, type Bag, type PlanRefs } from "../builder.ts";
import { ASF_ACTIVITIES } from "./asf-activities.ts";

export function addAsfActionPlan(bag: Bag, refs: PlanRefs) {
  const plan = addActionPlan(
    bag,
    refs,
    {
      organisation: "asf",
      title: "Handlingsplan Fri från våld – en gemensam angelägenhet 2023–2026",
      periodStart: "2023-01-01",
      periodEnd: "2026-12-31",
      introduction:
        "Handlingsplanen visar hur arbetsmarknads- och socialförvaltningen bidrar till stadens plan Fri från våld under 2023–2026. " +
        "Förvaltningen arbetar för både arbetsmarknads- och socialnämnden och överförmyndarnämnden och har aktiviteter under alla sex inriktningsmålen, " +
        "med tyngdpunkt på att förhindra upprepat våld, upptäcka våld och ge stöd utifrån den enskildes behov. " +
        "De flesta aktiviteterna handlar om att utveckla kompetens och metoder, medan några frågor först behöver kartläggas.",
      howMade:
        "Aktiviteterna växte fram ur intervjuer med chefer och medarbetare på förvaltningens avdelningar, där även enheten för överförmyndarärenden fanns med, " +
        "och ur en genomgång av befintliga resurser, pågående utveckling och behov. " +
        "Vid en workshop fick medarbetare och fackliga företrädare prioritera de mest angelägna insatserna. " +
        "Kvinnojourernas synpunkter och rapporter om socialtjänstens arbete med frågorna har också vägts in.",
      steeringGroup:
        "Styrgruppen består av förvaltningens samtliga avdelningschefer. " +
        "Den bestämmer tillsammans med verksamheterna hur och när aktiviteterna ska genomföras, och aktiviteterna följs upp i den årliga måluppföljningen.",
      state: "adopted",
      adoptedOn: "2023-02-28",
      adoptedBy: "Arbetsmarknads- och socialnämnden",
    },
    ASF_ACTIVITIES,
  );

  const ids = plan.activityIds;
  const ws = refs.ws;
  bag.add(
    financings,
    {
      workspaceId: ws, activityId: ids.get("1.2"), source: "Statsbidrag för kommunövergripande föräldraskapsstöd",
      decision: "granted", note: "Beviljat hösten 2023; ledde till ett gemensamt uppdrag för flera förvaltningar. Belopp ej angivet.",
    },
    {
      workspaceId: ws, activityId: ids.get("1.2"), source: "Myndigheten för familjerätt och föräldraskapsstöd",
      decision: "pending", note: "Ansökan om ytterligare medel för en långsiktig organisering av föräldraskapsstödet.",
    },
    {
      workspaceId: ws, activityId: ids.get("2.1"), source: "Jämställdhetsmyndigheten", decision: "pending",
      note: "Ansökan skickad hösten 2024; besked väntas i början av 2025.",
    },
    {
      workspaceId: ws, activityId: ids.get("4.2"), source: "Länsstyrelsen Skåne", decision: "granted",
      note: "Medel beviljade för Resurscentrum Heder Skåne. Belopp ej angivet.",
    },
    {
      workspaceId: ws, activityId: ids.get("4.2"), source: "Jämställdhetsmyndigheten", decision: "pending",
      note: "Besked väntas i början av 2025.",
    },
  );
  return plan;
}
