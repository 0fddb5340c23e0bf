// Malmö's city-wide plan: vision, six goals with their "Genom att" strategies, follow-up statuses and taxonomies.
// Titles are quoted facts from the plan; every paragraph is written afresh for the demo.
import { goals, plans, strategies } from "../../schema/index.ts";
import type { PlanVocabulary } from "../../../domain/vocabulary.ts";
import { type Bag, Lookup, type PlanRefs, uid } from "../builder.ts";
import { addStatuses, addTaxonomies, type TaxonomySpec } from "../common.ts";

const VOCABULARY: PlanVocabulary = {
  goal: { sv: { one: "Inriktningsmål", other: "Inriktningsmål" }, en: { one: "Goal", other: "Goals" } },
  measure: { sv: { one: "Aktivitet", other: "Aktiviteter" }, en: { one: "Activity", other: "Activities" } },
  numbering: "{goal}.{n}",
  strategyIntro: { sv: "Genom att", en: "By" },
  prerequisites: { sv: "Detta behöver finnas på plats", en: "What needs to be in place" },
};

interface GoalSpec {
  title: string;
  text: string;
  /** [title, paragraph] */
  strategies: Array<[string, string]>;
}

export const MALMO_GOALS: GoalSpec[] = [
  {
    title: "Staden bedriver ett verkningsfullt våldsförebyggande arbete",
    text: "Våldet ska helst stoppas innan det uppstår. Staden arbetar brett, från insatser som förbättrar alla barns uppväxtvillkor till stöd som riktas till grupper med förhöjd risk, och tar hjälp av både myndigheters och civilsamhällets resurser.",
    strategies: [
      ["Stärka barns rättigheter", "Varje barn ska få växa upp tryggt, utan våld och förtryck och med tillgång till skola, vård och fritid. Bättre uppväxtvillkor minskar både risken att barn utsätts och risken att de senare själva tar till våld. Barn vars närstående utsätts har egna behov som ska synliggöras."],
      ["Utmana normer", "Föreställningar som ursäktar våld, kontroll och ojämställdhet ska ifrågasättas, både i mötet med Malmöborna och på stadens egna arbetsplatser. Det gäller bland annat snäva ideal om manlighet och kvinnlighet, hedersnormer och homofobi. Pojkar och män behöver bli mer delaktiga i arbetet mot våld."],
      ["Utveckla det våldsförebyggande arbetet", "Våld i nära relation, hedersrelaterat våld, sexuellt våld och människohandel ska vävas in i det lokala brotts- och drogförebyggande arbetet. Frågorna ska också kopplas till arbetet med psykisk hälsa och andra risk- och skyddsfaktorer."],
      ["Stärka det tidiga stödet", "Kunskap om rättigheter, skyldigheter och vart man kan vända sig ska vara lätt att hitta, och grupper med särskilda behov ska nås med anpassad information. Föräldrar ska kunna få stöd under hela barnets uppväxt, inte minst den som själv vuxit upp med våld eller hedersnormer."],
      ["Skapa en trygg och inkluderande arbetsmiljö", "Ingen som arbetar i staden ska behöva utsättas för sexuella trakasserier, våld eller andra kränkningar. Chefer och medarbetare delar ansvaret för att arbetsplatsen är trygg."],
    ],
  },
  {
    title: "Staden arbetar aktivt med att förhindra att våld upprepas",
    text: "Den som en gång utsatts för våld löper stor risk att utsättas igen. Staden ska därför reagera tidigt på kränkningar, nå fler av dem som använder våld och se till att det i första hand är våldsutövaren som får flytta.",
    strategies: [
      ["Agera mot kränkningar", "Medarbetare som ser eller hör kränkningar eller våld ska säga ifrån och ingripa. De ska känna sig säkra på hur situationen hanteras och kunna uppmuntra den som berörs att söka hjälp."],
      ["Nå fler som använder våld", "Arbetet med att få personer som hotat, slagit eller köpt sex att ändra sitt beteende ska trappas upp. Vuxna som utsätter barn för våld eller låter barn se det, liksom unga män med våldsamt beteende, är särskilt viktiga att nå. Stödet ska vara lätt att få och anpassas efter individen."],
      ["Flytta på våldsutövaren", "När det är säkert för den utsatta ska den som använder våld förmås att flytta. Delar parterna arbetsplats, skola eller boende är det våldsutövaren som ska byta, så långt lagen medger."],
    ],
  },
  {
    title: "Verksamma i staden ska upptäcka våld och kunna agera",
    text: "Alla som möter Malmöbor i sitt arbete ska kunna känna igen tecken på våld och veta vad de ska göra. Det kräver kunskap, tydliga rutiner och chefer som ger stöd när en anmälan behöver göras.",
    strategies: [
      ["Uppmärksamma fler barn som lever med våld", "Medarbetare ska vara vaksamma på barn som lever med våld och känna till sin anmälningsskyldighet. Rutiner och ansvar ska vara välkända, och den som anmäler ska få stöd om ärendet går vidare till polis och domstol."],
      ["Systematiskt arbeta med att upptäcka våld", "Den som möter Malmöbor ska våga fråga om våld, känna igen riskfaktorer och veta vart personen kan hänvisas. Som arbetsgivare ansvarar staden för att medarbetarna har den kompetens som behövs."],
      ["Uppmärksamma flickor och unga kvinnor", "Flickor och unga kvinnor drabbas särskilt ofta av partnervåld, hedersförtryck, sexuellt våld och sexuell exploatering, till exempel genom så kallad sugardejting. Staden ska arbeta metodiskt för att upptäcka deras utsatthet tidigt."],
      ["Bedriva tillsyn i olika riskmiljöer", "Genom planerad och återkommande tillsyn kan staden hitta personer som utnyttjas i människohandel, sex mot ersättning eller koppleri. Tillsynen är också ett sätt att upptäcka våld som sker utanför nära relationer."],
    ],
  },
  {
    title: "Staden erbjuder stöd utifrån den enskildes behov",
    text: "Stöd och skydd ska utgå från den enskilda personens situation, vem hen än är. Barn som upplevt våld ska prioriteras, och stödet ska räcka ända fram till ett självständigt liv utan våld.",
    strategies: [
      ["Prioritera barn som upplevt våld", "Barn som upplevt våld ska få hjälp snabbt och utformad efter just deras behov. De ska få information som de förstår, vara med och påverka insatserna och kunna få stöd under lång tid."],
      ["Utveckla stöd- och skyddsinsatserna", "Skydd och stöd ska finnas för alla våldsutsatta Malmöbor oavsett kön, identitet, sexualitet, ursprung, religion, ålder eller funktionsförmåga. Insatserna formas kring personen och inte kring organisationens gränser."],
      ["Stärka det långsiktiga stödet till våldsutsatta", "Den som lämnar en våldsam situation behöver ofta hjälp länge efteråt, med bostad, studier, arbete, vardagen och bearbetning av trauman. Staden ska kunna ge ett sådant sammanhållet stöd."],
      ["Ge stöd till utsatta medarbetare", "Staden ska kunna stötta en medarbetare som utsätts för våld. Chefer och HR behöver veta hur våld tar sig uttryck och vilka vägar till stöd som finns."],
    ],
  },
  {
    title: "Stadens arbete bygger på aktuell kunskap och forskning",
    text: "Insatserna ska vila på kunskap om hur vanligt våldet är och om vad som faktiskt hjälper. Staden samlar underlag, delar kunskap mellan verksamheter och deltar i forskning och metodutveckling.",
    strategies: [
      ["Samla kunskap om omfattningen av våld", "För att kunna bedöma behov och följa upp insatser måste förekomsten av våld mot barn och vuxna bli synlig. Frågor om våld från närstående, sexuellt våld, sexköp och människohandel bör finnas med i stadens enkäter och kartläggningar."],
      ["Stödja yrkesverksamma i att utveckla sitt arbete", "Olika yrkesgrupper ska regelbundet få fördjupad kunskap om våldets former och hur de hänger ihop. Förvaltningar och andra aktörer ska gå samman i kunskapsallianser och sprida det de lär sig."],
      ["Utveckla nya metoder", "Staden ska ta initiativ till och delta i forskning, både lokalt och nationellt. Chefer och medarbetare ska få utrymme att pröva och utveckla nya arbetssätt."],
    ],
  },
  {
    title: "Stadens arbete sker i samverkan med myndigheter, civilsamhälle och andra relevanta aktörer",
    text: "Ingen aktör kan ensam stoppa våldet. Staden samarbetar med myndigheter, regionen och den idéburna sektorn, både i det förebyggande arbetet och kring enskilda barn och vuxna.",
    strategies: [
      ["Samverkan ska ske inom planens samtliga mål", "Våld och förtryck berör många delar av samhället, och staden ska ta initiativ till samarbete med myndigheter, idéburna organisationer och övriga civilsamhället. Deras kunskap och erfarenhet ska tas till vara när arbetet utvecklas."],
      ["Utveckla samverkan kring enskilda barn och vuxna", "Den som utsätts för eller utövar våld har ofta kontakt med flera myndigheter samtidigt. Staden ska samordna sig med övriga berörda kring varje barn, vuxen och familj för att ge bästa möjliga resultat."],
      ["Stödja den idéburna sektorn", "Idéburna organisationer kompletterar stadens arbete, från förebyggande insatser till stöd åt enskilda. Samarbetet ska breddas och stödet till sektorn göras långsiktigt."],
    ],
  },
];

const TAXONOMIES: TaxonomySpec[] = [
  {
    key: "focus_area", name: "Fokusområden", nameEn: "Focus areas",
    terms: [
      ["vald-i-nara-relation", "Våld i nära relation", "Intimate partner and family violence"],
      ["hedersrelaterat-vald", "Hedersrelaterat våld och förtryck", "Honour-related violence and oppression"],
      ["sexuellt-vald", "Sexuellt våld", "Sexual violence"],
      ["sex-mot-ersattning", "Sex mot ersättning", "Sex in exchange for payment"],
      ["manniskohandel", "Människohandel", "Human trafficking"],
      ["sexuell-exploatering-av-barn", "Sexuell exploatering av barn", "Sexual exploitation of children"],
    ],
  },
  {
    key: "violence_form", name: "Våldsformer", nameEn: "Forms of violence",
    terms: [
      ["fysiskt", "Fysiskt våld", "Physical violence"],
      ["psykiskt", "Psykiskt våld", "Psychological violence"],
      ["sexuellt", "Sexuellt våld", "Sexual violence"],
      ["ekonomiskt", "Ekonomiskt och materiellt våld", "Economic and material violence"],
      ["latent", "Latent våld", "Latent violence"],
      ["forsummelse", "Försummelse", "Neglect"],
      ["digitalt", "Digitalt våld", "Digital violence"],
    ],
  },
  {
    key: "target_group", name: "Målgrupper", nameEn: "Target groups",
    terms: [
      ["barn", "Barn", "Children"],
      ["unga", "Unga", "Young people"],
      ["aldre", "Äldre", "Older people"],
      ["funktionsnedsattning", "Personer med funktionsnedsättning", "People with disabilities"],
      ["hbtqi", "Hbtqi-personer", "LGBTQI people"],
      ["kvinnor-med-missbruk", "Kvinnor med missbruk", "Women with substance abuse"],
      ["utan-uppehallstillstand", "Personer utan permanent uppehållstillstånd", "People without permanent residence permit"],
      ["valdsutovare", "Våldsutövare", "Perpetrators of violence"],
      ["medarbetare", "Medarbetare", "Staff"],
    ],
  },
  {
    key: "prevention_level", name: "Preventionsnivåer", nameEn: "Prevention levels",
    terms: [
      ["framjande", "Främjande", "Promotive"],
      ["universell", "Universell", "Universal"],
      ["selektiv", "Selektiv", "Selective"],
      ["indikerad", "Indikerad", "Indicated"],
    ],
  },
  {
    key: "activity_kind", name: "Typ av aktivitet", nameEn: "Kind of activity", multiple: false,
    terms: [
      ["stadsovergripande", "Stadsövergripande aktiviteter", "City-wide activities"],
      ["i_samverkan", "Aktiviteter i samverkan", "Activities in partnership"],
      ["verksamhetsspecifik", "Verksamhetsspecifika aktiviteter", "Activities of the organisation's own"],
    ],
  },
  {
    key: "audience", name: "Riktas till", nameEn: "Aimed at", multiple: false,
    terms: [
      ["for_staff", "För medarbetare", "For staff"],
      ["for_target_group", "För målgruppen", "For the target group"],
    ],
  },
];

/** Adds the plan with goals, strategies, statuses and taxonomies; returns the references later parts link to. */
export function addMalmoPlan(bag: Bag, ws: string, orgs: Lookup): PlanRefs {
  const planId = uid();
  const refs: PlanRefs = {
    ws, planId, orgs,
    goals: new Lookup("goal"), strategies: new Lookup("strategy"), terms: new Lookup("term"), statuses: new Lookup("status"),
  };
  // Taxonomies first (in the bag), so the board-split taxonomy id is known when the plan row is written.
  const taxonomyIds = addTaxonomies(bag, ws, planId, TAXONOMIES, refs.terms);
  bag.add(plans, {
    id: planId, workspaceId: ws, slug: "fri-fran-vald", name: "Fri från våld – en gemensam angelägenhet 2022–2026",
    vision: "I Malmö blir ingen utsatt för våld och alla får själva bestämma över sitt liv och sin kropp.",
    introduction:
      "Planen samlar Malmö stads arbete mot våld i nära relation, hedersrelaterat våld och förtryck, sexuellt våld, sex mot ersättning och människohandel. " +
      "Den gäller alla nämnder och bolag, som var och en tar fram en egen handlingsplan utifrån sitt uppdrag. " +
      "Arbetsmarknads- och socialnämnden håller ihop arbetet och följer upp hur staden gemensamt rör sig mot målen.",
    periodStart: "2022-01-01", periodEnd: "2026-12-31", adoptedBy: "Kommunfullmäktige", adoptedOn: "2022-03-31",
    coordinatingOrganisationId: orgs.get("asf"), followUpEveryMonths: 12, dialogueEveryMonths: 24, vocabulary: VOCABULARY,
    boardSplitTaxonomyId: taxonomyIds.get("audience"), published: true,
  });
  MALMO_GOALS.forEach((g, i) => {
    const number = String(i + 1);
    const goalId = refs.goals.set(number, uid());
    bag.add(goals, { id: goalId, workspaceId: ws, planId, number, position: i + 1, title: g.title, text: g.text });
    g.strategies.forEach(([title, text], j) => {
      const id = refs.strategies.set(`${number}|${title}`, uid());
      bag.add(strategies, { id, workspaceId: ws, goalId, position: j + 1, title, text });
    });
  });
  const statuses = addStatuses(bag, ws, planId);
  return { ...refs, statuses };
}
