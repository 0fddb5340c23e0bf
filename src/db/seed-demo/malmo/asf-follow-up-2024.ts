// The closed round "Uppföljning 2024" and ASF's accepted report: one activity report per numbered activity.
// Statuses and figures are facts from ASF's follow-up; every narrative is our own summary.
import { followUpRounds, roundOrganisations } from "../../schema/index.ts";
import { type ActivityReportSpec, addOrganisationReport, type Bag, type Lookup, type PlanRefs, uid } from "../builder.ts";

/** Adds the round and asks the given organisations to report in it; returns the round id. */
export function addRound2024(bag: Bag, refs: PlanRefs, organisationSlugs: string[]): string {
  const id = uid();
  bag.add(followUpRounds, {
    id, workspaceId: refs.ws, planId: refs.planId, slug: "uppfoljning-2024", name: "Uppföljning 2024",
    periodStart: "2024-01-01", periodEnd: "2024-12-31", deadline: "2025-01-31", state: "closed",
    openedAt: new Date("2024-11-04T08:00:00Z"), closedAt: new Date("2025-02-28T15:00:00Z"),
  });
  for (const slug of organisationSlugs) {
    bag.add(roundOrganisations, { workspaceId: refs.ws, roundId: id, organisationId: refs.orgs.get(slug) });
  }
  return id;
}

const ASF_REPORTS: ActivityReportSpec[] = [
  {
    activity: "1.1", status: "planning",
    narrative: "Forum för mänskliga rättigheter har kartlagt förvaltningens våldsförebyggande arbete och arbetet med könsnormer. Med kartläggningen som grund har en arbetsgrupp tagit fram ett internt stödmaterial om hur könsnormer påverkar verksamheterna. En mer detaljerad bild av insatser som riktas till killar, unga män och pappor ska också tas fram, så att förvaltningen får en gemensam syn på vad våldsförebyggande arbete är.",
    nextSteps: "Stödmaterialet införs i alla verksamhetsavdelningar under 2025.",
  },
  {
    activity: "1.2", status: "ongoing",
    narrative: "Ett statsbidrag hösten 2023 blev starten för ett gemensamt uppdrag om föräldraskapsstöd mellan flera av stadens förvaltningar. Under 2024 ökade antalet föräldrakurser från 68 till 85, och kursen ABC tonår kom i gång med handledare även från andra förvaltningar. Fler kurser har getts på kvällstid och på arabiska och somaliska, och samarbetet med civilsamhället har fördjupats.",
    nextSteps: "Den gemensamma processplanen färdigställs och mer medel har sökts för att organisera stödet långsiktigt.",
    figures: [{ name: "Föräldrakurser", value: 85, unit: "kurser", baseline: 68, year: 2024, qualifier: "exact" }],
  },
  {
    activity: "1.3", status: "ongoing",
    narrative: "Planens fokusområden har varit en prioriterad fråga för kommunikationsavdelningen under året, och ett årshjul för kommunikationsinsatser finns nu på plats. Bland insatserna märks en kampanj i sociala medier mot att unga förs utomlands, en digital handbok om hedersförtryck för familjecentraler, informationsblad på flera språk till våldsutövare och en film för barn som ska besöka Barnahus.",
    nextSteps: "Årshjulet för kommunikation vidareutvecklas under 2025.",
  },
  {
    activity: "2.1", status: "ongoing",
    narrative: "Projektet Trygg relation – fri från våld går enligt plan. Flödestester under året har visat att socialtjänst, polis och frivård klarar att ta emot fler ärenden, och 83 personer eller par där partnervåld förekommer har ingått i projektet. Ett tjugotal misstänkta som tidigare inte sökt hjälp har efter uppsökande samtal tackat ja till behandling.",
    nextSteps: "Projektet skalas upp under 2025 så att Malmö universitet kan genomföra en effektstudie.",
    figures: [
      { name: "Personer/par i projektet", value: 83, unit: "personer/par", year: 2024, qualifier: "exact" },
      { name: "Misstänkta som tackat ja till insats", value: 20, unit: "personer", year: 2024, qualifier: "about", qualifierText: "ett 20-tal" },
    ],
  },
  {
    activity: "2.2", status: "planning",
    narrative: "Hösten 2024 bildades en arbetsgrupp som ska utreda när det är lämpligt och säkert att flytta den som använder våld. Gruppen har inlett arbetet med en mindre genomgång av forskning och tidigare utredningar.",
    nextSteps: "Utredningen fortsätter och prövar även om nämndens boendealternativ kan användas.",
  },
  {
    activity: "3.1", status: "planning",
    narrative: "En projektgrupp har gått igenom forskningen och kartlagt både målgruppens behov och de stödinsatser som redan finns. På den grunden har en projektplan skrivits, och workshops har hållits med sommarpraktikanter och med de verksamheter som ska delta.",
    nextSteps: "Medarbetarna i de deltagande verksamheterna utbildas i januari 2025 och det operativa arbetet startar under våren.",
  },
  {
    activity: "3.2", status: "planning",
    narrative: "Förvaltningens HR-medarbetare har gått Kompetenscentrums utbildning om våld i nära relationer. En rutin för hur förvaltningen hanterar medarbetare med skyddade personuppgifter har tagits fram.",
    nextSteps: "Rutinen publiceras på Komin i början av 2025 och sprids sedan till övriga förvaltningar.",
  },
  {
    activity: "3.3", status: "completed",
    narrative: "Rutinen om våld i nära relation och hedersförtryck infördes våren 2023 tillsammans med film och stödmaterial för chefer. Vid årsskiftet 2023/2024 följdes den upp, bland annat med en enkät, och alla sektioner gick igenom rutinen på nytt. Uppföljningen ledde till mindre justeringar, till exempel att unga som utsätts för våld i nära relation nu nämns som målgrupp.",
    nextSteps: "Rutinen finns i förvaltningens årshjul och ses över varje år.",
  },
  {
    activity: "3.4", status: "planning",
    narrative: "Kompetenscentrum erbjuder återkommande utbildningar för förvaltningens och stadens medarbetare, men under 2024 var det få som anmälde sig.",
    nextSteps: "En temadag ordnas under 2025 för att locka fler deltagare.",
  },
  {
    activity: "3.5", status: "ongoing",
    narrative: "Årets arbete har inriktats på att förebygga att unga dras in i sugardejting, genom information till gymnasieelever och yrkesverksamma. Tio workshops har hållits på gymnasieskolor och tre utbildningstillfällen för personal.",
    nextSteps: "Förvaltningen undersöker om insatsen kan nå fler gymnasieskolor under 2025.",
    figures: [
      { name: "Workshops på gymnasieskolor", value: 10, unit: "workshops", year: 2024, qualifier: "exact" },
      { name: "Utbildningstillfällen för personal", value: 3, unit: "tillfällen", year: 2024, qualifier: "exact" },
    ],
  },
  {
    activity: "4.1", status: "planning",
    narrative: "En arbetsgrupp med företrädare för arbetsmarknads- och socialförvaltningen, hälsa-, vård- och omsorgsförvaltningen och funktionsstödsförvaltningen har bildats. Gruppen diskuterar hur våldsutsatta i förvaltningarnas målgrupper kan få bättre tillgång till stöd och skydd.",
    nextSteps: "Arbetet fortsätter under 2025 och 2026.",
  },
  {
    activity: "4.2", status: "ongoing",
    narrative: "Resurscentrum Heder Skåne drivs av Avdelningen för insatser på uppdrag av Länsstyrelsen, och arbetet följer planeringen. Länsstyrelsen har beviljat medel, medan beskedet från Jämställdhetsmyndigheten väntas i början av 2025.",
    nextSteps: "Under 2025 utökas verksamheten med en telefonlinje för hedersutsatta i hela Skåne.",
  },
  {
    activity: "4.3", status: "planning",
    narrative: "Genom projektet Trygg relation – fri från våld blir barn i familjer där det förekommit våld kända för socialtjänsten, och deras behov utreds. Hösten 2024 fick utredarna inom barn och familj information om barnkrissamtal på Barnahus.",
    nextSteps: "Fler barn ska erbjudas barnkrissamtal på Barnahus medan införandet av Vårdmodell barn fortsätter.",
  },
  {
    activity: "4.4", status: "ongoing",
    narrative: "Case Management Styrkemodellen (CM-S) började användas som långsiktigt stöd till våldsutsatta våren 2024 och omfattade i september ett tjugotal ärenden. Tillsammans med Fastighetsägarna Syd har privata fastighetsägare utbildats om våld och vikten av ett stadigvarande boende, och ett samarbete prövas nu i pilotform; dialog pågår också med MKB om förtur till lägenheter. Från 2025 ingår förvaltningen i Kompott Skåne och flyttar resurser inom Avdelningen för ekonomiskt bistånd och boende till arbetet mot våld.",
    nextSteps: "Pilotsamarbetet med fastighetsägarna utvärderas och dialogen med MKB fortsätter.",
    figures: [
      { name: "Ärenden med CM-S", value: 20, unit: "ärenden", qualifier: "about", qualifierText: "ca", asOf: "2024-09-30", year: 2024 },
    ],
  },
  {
    activity: "4.5", status: "completed",
    narrative: "Aktiviteten är genomförd. Förvaltningen har fått en ny, enklare och mer övergripande samordningsrutin som gör tydligt hur avdelningarna samverkar i enskilda ärenden. Samordnaren har också stöttat nya arbetssätt inför lagen om placering av barn i skyddat boende, som började gälla i april 2024.",
    nextSteps: "De nya arbetssätten följs upp inom den ordinarie verksamheten.",
  },
  {
    activity: "5.1", status: "planning",
    narrative: "En mindre kartläggning har visat vilka av stadens enkätundersökningar som skulle kunna innehålla frågor om planens fokusområden. Förvaltningen har också kontaktat fritidsförvaltningen om att ta med frågor om ungas erfarenheter av våld i undersökningen Ung livsstil.",
    nextSteps: "Pågående utvecklingsarbeten i staden följs under 2025 för att hitta lämpliga samarbeten.",
  },
  {
    activity: "5.2", status: "planning",
    narrative: "Under hösten låg tyngdpunkten på uppföljningen av planen, dels genom dialogträffar med förvaltningarna, dels genom förvaltningens egen uppföljning. En struktur för att sammanställa och analysera statistik över hur många som har kontakt med förvaltningen har tagits fram.",
    nextSteps: "Den stadsövergripande uppföljningen redovisas för nämnden och kommunstyrelsen i början av 2025.",
  },
  {
    activity: "5.3", status: "ongoing",
    narrative: "Kompetenscentrum erbjuder löpande utbildning om våld i nära relation för alla stadens medarbetare, och Kriscentrum ger konsultation till yrkesverksamma. Kollegor inom avdelningen har fått utbildning i materialet När det inte räcker, som handlar om våld i kombination med beroende, och avdelningskonferensen EBBA-dagen 2024 ägnades åt våldsutsatthet.",
    nextSteps: "Utbildningen i När det inte räcker erbjuds även i fortsättningen en gång per termin.",
  },
  {
    activity: "6.1", status: "ongoing",
    narrative: "Förvaltningen håller ihop stadens gemensamma arbete med planen genom regelbundna träffar och stöd till förvaltningarna. Hållbarhetsenheten leder Malmö stads nätverk mot alla former av våld i nära relation, och samordnaren deltar i regionala och nationella nätverk och träffar kvinnojourerna regelbundet.",
    nextSteps: "Samverkan om långsiktigt stöd och boende för våldsutsatta fortsätter med kommuner i Skåne, Länsstyrelsen och fastighetsägare.",
  },
  {
    activity: "6.2", status: "completed",
    narrative: "Aktiviteten är genomförd. Ett tvåårigt verksamhets- och organisationsbidrag till civilsamhället har införts, vilket gör det lättare för organisationerna att planera sitt stöd till våldsutsatta.",
    nextSteps: "Bidragsformen ingår nu i ordinarie verksamhet och följs upp inför nästa bidragsperiod.",
  },
];

export function addAsfReport2024(bag: Bag, refs: PlanRefs, roundId: string, asfActivities: Lookup): string {
  return addOrganisationReport(
    bag, refs, roundId, asfActivities,
    {
      organisation: "asf",
      state: "accepted",
      introduction:
        "Rapporten beskriver hur arbetsmarknads- och socialförvaltningen har arbetat med sin handlingsplan under 2024. " +
        "Förvaltningen samordnar planen för hela staden men har också en egen handlingsplan med aktiviteter under samtliga inriktningsmål.",
      howMade:
        "Aktiviteterna har byggts in i avdelningarnas verksamhetsplaner så att de följs i den vanliga styrningen. " +
        "Avdelningarnas redovisningar har sammanställts till en gemensam rapport och kompletterats med en intern uppföljning där samordnaren mot våld i nära relation medverkat. " +
        "Rapporten har förankrats i förvaltningens styrgrupp, där avdelningscheferna och HR-chefen ingår.",
      summary:
        "Förvaltningens uppdrag ligger redan nära planens frågor, vilket har gett en stabil grund av kunskap, verksamheter och resurser. " +
        "Under året har frågorna fått fäste i fler delar av förvaltningen, och flera aktiviteter har genomförts tillsammans med andra förvaltningar, myndigheter och civilsamhället. " +
        "Alla aktiviteter är igång: en del är i planering och kartläggning, andra prövas i verksamheten och några är slutförda och ingår nu i det ordinarie arbetet.",
      anchoredIn: "Styrgrupp för ASF Fri från våld",
      anchoredOn: "2025-01-20",
      submittedAt: new Date("2025-01-24T09:30:00Z"),
      acceptedAt: new Date("2025-02-10T13:00:00Z"),
    },
    ASF_REPORTS,
  );
}
