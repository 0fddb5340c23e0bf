// Exempelby: a small invented municipality whose plan speaks of "Fokusområde" and "Åtgärd" numbered "1:1", and
// lists what needs to be in place per focus area. It shows that the vocabulary is data, not code.
import { goalPrerequisites, goals, plans, strategies, workspaces, wheelCategories } from "../schema/index.ts";
import { defaultCategoryRows } from "../../wheel/default-categories.ts";
import type { PlanVocabulary } from "../../domain/vocabulary.ts";
import { addActionPlan, type ActivitySpec, type Bag, Lookup, type PlanRefs, uid } from "./builder.ts";
import { addOrganisations, addStatuses, addTaxonomies } from "./common.ts";

export const EXEMPELBY_SLUG = "exempelby";

const VOCABULARY: PlanVocabulary = {
  goal: { sv: { one: "Fokusområde", other: "Fokusområden" }, en: { one: "Focus area", other: "Focus areas" } },
  measure: { sv: { one: "Åtgärd", other: "Åtgärder" }, en: { one: "Measure", other: "Measures" } },
  numbering: "{goal}:{n}",
  strategyIntro: { sv: "Så här arbetar vi", en: "How we work" },
  prerequisites: { sv: "Detta behöver finnas på plats", en: "What needs to be in place" },
};

const FOCUS_AREAS: Array<{ title: string; text: string; strategies: Array<[string, string]>; prerequisites: string[] }> = [
  {
    title: "Förebygga våld innan det sker",
    text: "Kommunen vill nå barn, unga och vuxna med kunskap om relationer, gränser och vart man vänder sig.",
    strategies: [["Kunskap i skolan", "Alla elever möter undervisning om relationer och samtycke."]],
    prerequisites: ["En utsedd samordnare i varje förvaltning", "Gemensamt utbildningsmaterial"],
  },
  {
    title: "Upptäcka och agera tidigt",
    text: "Den som möter invånare i sitt arbete ska känna igen tecken på våld och veta vad hen ska göra.",
    strategies: [["Rutiner för att fråga", "Verksamheterna har rutiner för att ställa frågor om våld."]],
    prerequisites: ["Rutiner som är kända av alla chefer"],
  },
  {
    title: "Stöd och skydd",
    text: "Den som utsatts för våld får samordnat stöd, och den som utövar våld erbjuds hjälp att sluta.",
    strategies: [["Samordnat stöd", "Socialtjänsten samordnar insatserna kring den enskilde."]],
    prerequisites: ["Avtal om skyddat boende", "Behandlingsinsats för våldsutövare"],
  },
];

const MEASURES: ActivitySpec[] = [
  {
    number: "1:1", goal: "1", phase: "ongoing", title: "Undervisning om samtycke i årskurs 8",
    description: "Skolsköterskor och lärare håller i lektionerna tillsammans.", strategies: ["Kunskap i skolan"],
    terms: { prevention_level: ["universell"] }, responsible: ["barn-och-utbildningsnamnden"],
    coResponsible: ["socialnamnden"], childRights: "Eleverna får säga sitt om lektionernas innehåll.",
  },
  {
    number: "1:2", goal: "1", phase: "planned", title: "Informationskampanj om stöd till våldsutsatta",
    terms: { prevention_level: ["universell"] }, responsible: ["socialnamnden", "kommunstyrelsen"], partners: ["polisen"],
    childRights: "Materialet görs även i en version för barn.",
  },
  {
    number: "2:1", goal: "2", phase: "under_development", title: "Rutin för frågor om våld i socialtjänstens alla ärenden",
    strategies: ["Rutiner för att fråga"], terms: { prevention_level: ["selektiv", "indikerad"] }, responsible: ["socialnamnden"],
    childRights: "Barn i familjen uppmärksammas när en vuxen berättar om våld.",
  },
  {
    number: "3:1", goal: "3", phase: "ongoing", title: "Samordnare för stöd till våldsutsatta",
    strategies: ["Samordnat stöd"], terms: { prevention_level: ["indikerad"] }, responsible: ["socialnamnden"],
    coResponsible: ["exempelby-bostader"], childRights: "Barnens behov bedöms separat från den vuxnes.",
  },
];

export function addExempelby(bag: Bag): string {
  const ws = uid();
  bag.add(workspaces, { id: ws, slug: EXEMPELBY_SLUG, name: "Exempelby kommun" });
  bag.add(wheelCategories, ...defaultCategoryRows(ws));
  const orgs = addOrganisations(bag, ws, [
    { slug: "kommunstyrelsen", name: "Kommunstyrelsen", type: "board", servedBy: "kommunledningskontoret" },
    { slug: "kommunledningskontoret", name: "Kommunledningskontoret", type: "administration" },
    { slug: "socialnamnden", name: "Socialnämnden", type: "board", servedBy: "socialforvaltningen" },
    { slug: "barn-och-utbildningsnamnden", name: "Barn- och utbildningsnämnden", type: "board", servedBy: "utbildningsforvaltningen" },
    { slug: "socialforvaltningen", name: "Socialförvaltningen", type: "administration", contactRole: "Utvecklingsledare" },
    { slug: "utbildningsforvaltningen", name: "Utbildningsförvaltningen", type: "administration" },
    { slug: "exempelby-bostader", name: "Exempelby Bostäder AB", type: "company" },
    { slug: "polisen", name: "Lokalpolisområde Exempelby", type: "external" },
  ]);
  const planId = uid();
  const refs: PlanRefs = {
    ws, planId, orgs, goals: new Lookup("goal"), strategies: new Lookup("strategy"), terms: new Lookup("term"),
    statuses: addStatuses(bag, ws, planId),
  };
  addTaxonomies(bag, ws, planId, [{
    key: "prevention_level", name: "Preventionsnivåer", nameEn: "Prevention levels",
    terms: [["universell", "Universell", "Universal"], ["selektiv", "Selektiv", "Selective"], ["indikerad", "Indikerad", "Indicated"]],
  }], refs.terms);
  bag.add(plans, {
    id: planId, workspaceId: ws, slug: "tryggare-exempelby", name: "Tryggare Exempelby 2025–2028",
    vision: "Alla i Exempelby kan leva ett liv fritt från våld.",
    introduction: "Planen är ett exempel på hur en mindre kommun kan beskriva sitt arbete med egna ord.",
    periodStart: "2025-01-01", periodEnd: "2028-12-31", adoptedBy: "Kommunfullmäktige", adoptedOn: "2024-11-25",
    coordinatingOrganisationId: orgs.get("kommunledningskontoret"), followUpEveryMonths: 24, vocabulary: VOCABULARY,
    published: true,
  });
  FOCUS_AREAS.forEach((f, i) => {
    const number = String(i + 1);
    const goalId = refs.goals.set(number, uid());
    bag.add(goals, { id: goalId, workspaceId: ws, planId, number, position: i + 1, title: f.title, text: f.text });
    f.strategies.forEach(([title, text], j) =>
      bag.add(strategies, { id: refs.strategies.set(`${number}|${title}`, uid()), workspaceId: ws, goalId, position: j + 1, title, text }),
    );
    f.prerequisites.forEach((text, j) => bag.add(goalPrerequisites, { workspaceId: ws, goalId, position: j + 1, text }));
  });
  addActionPlan(bag, refs, {
    organisation: "socialforvaltningen", title: "Socialförvaltningens åtgärder 2025–2026", periodStart: "2025-01-01",
    periodEnd: "2026-12-31", state: "adopted", adoptedOn: "2025-02-12", adoptedBy: "Socialnämnden",
    introduction: "Förvaltningens åtgärder inom planens tre fokusområden.",
    howMade: "Åtgärderna togs fram av förvaltningens ledningsgrupp.", steeringGroup: "Förvaltningens ledningsgrupp.",
  }, MEASURES);
  return ws;
}
