// Smaller action plans of four more organisations (invented for the demo), numbered by continuing per goal after
// ASF's numbers, and their reports in "Uppföljning 2024": one accepted, one only submitted (not public).
import { addActionPlan, type ActivitySpec, addOrganisationReport, type Bag, type PlanRefs } from "../builder.ts";

const VNR = "vald-i-nara-relation";
const HEDER = "hedersrelaterat-vald";
const SEX = "sexuellt-vald";

const GRF_ACTIVITIES: ActivitySpec[] = [
  {
    number: "1.4", goal: "1", phase: "ongoing", start: "2023-08-01", end: "2026-06-30",
    title: "Alla grundskolor ska undervisa om samtycke, relationer och sexualitet i årskurs 7–9.",
    description: "Undervisningen bygger på skolans uppdrag inom sex- och samlevnad och tar upp gränser, jämställdhet och digitala kränkningar.",
    strategies: ["Utmana normer", "Stärka barns rättigheter"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_target_group"], focus_area: [SEX, VNR], target_group: ["barn", "unga"], prevention_level: ["universell"], violence_form: ["digitalt"] },
    responsible: ["grundskoleforvaltningen"],
    childRights: "Eleverna är med och formar undervisningen genom elevråden, i linje med barns rätt att uttrycka sina åsikter.",
  },
  {
    number: "3.6", goal: "3", phase: "completed", start: "2023-08-01", end: "2024-06-30",
    title: "Skolpersonal ska utbildas i att upptäcka tecken på våld och hedersförtryck hos elever.",
    strategies: ["Uppmärksamma fler barn som lever med våld", "Systematiskt arbeta med att upptäcka våld"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_staff"], focus_area: [VNR, HEDER], target_group: ["medarbetare", "barn"], prevention_level: ["selektiv"] },
    responsible: ["grundskoleforvaltningen"], partners: ["asf"],
    childRights: "Utbildningen utgår från barnets rätt till skydd och tar upp hur personalen gör en orosanmälan.",
  },
  {
    number: "4.6", goal: "4", phase: "under_development", start: "2024-01-01", end: "2026-12-31",
    title: "Elevhälsan ska utveckla stödet till elever som upplever våld i hemmet.",
    strategies: ["Prioritera barn som upplevt våld"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [VNR], target_group: ["barn"], prevention_level: ["indikerad"] },
    responsible: ["grundskoleforvaltningen"], coResponsible: ["asf"],
    childRights: "Stödet utformas så att eleven själv får information och kan påverka vilka insatser som ges.",
  },
  {
    number: "5.4", goal: "5", phase: "planned", start: "2025-01-01", end: "2026-12-31",
    title: "Frågor om våld och trygghet ska ingå i förvaltningens elevenkät.",
    strategies: ["Samla kunskap om omfattningen av våld"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_target_group"], focus_area: [VNR, SEX], target_group: ["barn"], prevention_level: ["universell"] },
    responsible: ["grundskoleforvaltningen"],
    childRights: "Frågorna prövas först med en elevpanel så att de är begripliga och inte väcker onödig oro.",
  },
  {
    number: "6.3", goal: "6", phase: "cancelled", start: "2023-08-01", end: "2024-12-31",
    title: "Förvaltningen ska delta i ett projekt med föreningslivet om trygga skolvägar.",
    strategies: ["Samverkan ska ske inom planens samtliga mål", "Stödja den idéburna sektorn"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [SEX], target_group: ["barn"], prevention_level: ["universell"] },
    responsible: ["grundskoleforvaltningen"], partners: ["fritidsforvaltningen"],
    childRights: "Elever skulle ha kartlagt otrygga platser på väg till och från skolan.",
  },
];

const HVO_ACTIVITIES: ActivitySpec[] = [
  {
    number: "1.5", goal: "1", phase: "ongoing", start: "2023-09-01", end: "2026-12-31",
    title: "Filmen om våld i nära relation med reflektionsfrågor ska användas på arbetsplatsträffar i hemtjänsten.",
    strategies: ["Skapa en trygg och inkluderande arbetsmiljö", "Utveckla det våldsförebyggande arbetet"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_staff"], focus_area: [VNR], target_group: ["medarbetare", "aldre"], prevention_level: ["universell"] },
    responsible: ["halsa-vard-och-omsorgsforvaltningen"], coResponsible: ["funktionsstodsforvaltningen"],
    boardNote: "Behöver komma in i årshjulet",
    childRights: "Reflektionsfrågorna tar upp barnbarn och andra barn som vistas i hemmet hos den äldre.",
  },
  {
    number: "3.7", goal: "3", phase: "under_development", start: "2024-01-01", end: "2025-12-31",
    title: "Rutinen att fråga om våld ska införas i hemsjukvården och på vård- och omsorgsboenden.",
    strategies: ["Systematiskt arbeta med att upptäcka våld"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_target_group"], focus_area: [VNR], target_group: ["aldre", "funktionsnedsattning"], prevention_level: ["selektiv"], violence_form: ["forsummelse", "ekonomiskt"] },
    responsible: ["halsa-vard-och-omsorgsforvaltningen"],
    childRights: "Rutinen påminner om anmälningsskyldigheten när personalen möter barn i hemmet.",
  },
  {
    number: "4.7", goal: "4", phase: "under_development", start: "2024-06-01", end: "2026-12-31",
    title: "Förvaltningen ska tillsammans med arbetsmarknads- och socialförvaltningen utreda skyddat boende för äldre med omfattande omvårdnadsbehov.",
    strategies: ["Utveckla stöd- och skyddsinsatserna"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [VNR], target_group: ["aldre"], prevention_level: ["indikerad"] },
    responsible: ["halsa-vard-och-omsorgsforvaltningen"], coResponsible: ["asf"],
    childRights: "",
  },
  {
    number: "6.4", goal: "6", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Kontaktgruppen för stöd- och kontaktpersoner ska fortsätta att samverka över förvaltningsgränserna.",
    strategies: ["Utveckla samverkan kring enskilda barn och vuxna"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_staff"], focus_area: [VNR], target_group: ["aldre", "funktionsnedsattning"], prevention_level: ["selektiv"] },
    responsible: ["halsa-vard-och-omsorgsforvaltningen"], coResponsible: ["funktionsstodsforvaltningen"], partners: ["region-skane"],
    childRights: "Gruppen lyfter ärenden där barn berörs till socialtjänsten.",
  },
];

const FRITID_ACTIVITIES: ActivitySpec[] = [
  {
    number: "1.6", goal: "1", phase: "planned", start: "2025-01-01", end: "2026-12-31",
    title: "Fritidsgårdarna ska hålla samtalsgrupper för unga om normer, relationer och gränser.",
    strategies: ["Utmana normer"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_target_group"], focus_area: [VNR, SEX], target_group: ["unga"], prevention_level: ["framjande", "universell"] },
    responsible: ["fritidsforvaltningen"],
    childRights: "Deltagarna väljer själva teman, så att samtalen utgår från det unga tycker är viktigt.",
  },
  {
    number: "3.8", goal: "3", phase: "planned", start: "2025-03-01", end: "2026-06-30",
    title: "Personal på fritidsgårdar och idrottsanläggningar ska få basutbildning om våld.",
    strategies: ["Systematiskt arbeta med att upptäcka våld"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_staff"], focus_area: [VNR, HEDER, SEX], target_group: ["medarbetare"], prevention_level: ["universell"] },
    responsible: ["fritidsforvaltningen"], partners: ["asf"],
    childRights: "Utbildningen tar upp hur personalen agerar när ett barn berättar om våld.",
  },
  {
    number: "5.5", goal: "5", phase: "under_development", start: "2024-09-01", end: "2026-12-31",
    title: "Frågor om ungas erfarenheter av våld ska prövas i undersökningen Ung livsstil.",
    strategies: ["Samla kunskap om omfattningen av våld"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [VNR, SEX], target_group: ["unga"], prevention_level: ["universell"] },
    responsible: ["fritidsforvaltningen"], coResponsible: ["asf"],
    childRights: "Frågorna utformas med stöd av barnrättsexperter så att unga kan svara tryggt och anonymt.",
  },
];

const MKB_ACTIVITIES: ActivitySpec[] = [
  {
    number: "2.3", goal: "2", phase: "under_development", start: "2024-04-01", end: "2026-12-31",
    title: "Pröva hur en våldsutövare kan erbjudas annan bostad så att den våldsutsatta kan bo kvar.",
    strategies: ["Flytta på våldsutövaren"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [VNR], target_group: ["valdsutovare"], prevention_level: ["indikerad"] },
    responsible: ["mkb"], partners: ["asf"],
    childRights: "Att barnen kan bo kvar i sitt hem och sin skola väger tungt i varje bedömning.",
  },
  {
    number: "3.9", goal: "3", phase: "ongoing", start: "2024-04-01", end: "2025-12-31",
    title: "Bovärdar och kundtjänst ska utbildas i att uppmärksamma tecken på våld hos hyresgäster.",
    strategies: ["Systematiskt arbeta med att upptäcka våld"],
    terms: { activity_kind: ["verksamhetsspecifik"], audience: ["for_staff"], focus_area: [VNR], target_group: ["medarbetare"], prevention_level: ["selektiv"] },
    responsible: ["mkb"],
    childRights: "Utbildningen tar upp hur bovärdar gör en orosanmälan när de oroar sig för ett barn.",
  },
  {
    number: "4.8", goal: "4", phase: "under_development", start: "2024-09-01", end: "2026-12-31",
    title: "Våldsutsatta hushåll ska kunna få förtur till lägenhet i samarbete med socialtjänsten.",
    strategies: ["Stärka det långsiktiga stödet till våldsutsatta"],
    terms: { activity_kind: ["i_samverkan"], audience: ["for_target_group"], focus_area: [VNR, HEDER], target_group: ["barn"], prevention_level: ["indikerad"] },
    responsible: ["mkb"], coResponsible: ["asf"],
    childRights: "Hushåll med barn prioriteras så att barnen snabbt får en stabil boendesituation.",
  },
];

/** Every organisation with an action plan (ASF's included): the round asks all of them to report. */
export const MALMO_ORGANISATIONS_WITH_ACTION_PLANS = [
  "asf", "grundskoleforvaltningen", "halsa-vard-och-omsorgsforvaltningen", "fritidsforvaltningen", "mkb",
];

/** Adds the four plans and their 2024 reports. */
export function addOtherActionPlans(bag: Bag, refs: PlanRefs, roundId: string): void {
  const grf = addActionPlan(bag, refs, {
    organisation: "grundskoleforvaltningen", title: "Handlingsplan Fri från våld – grundskoleförvaltningen 2023–2026",
    periodStart: "2023-07-01", periodEnd: "2026-12-31", state: "adopted", adoptedOn: "2023-05-16", adoptedBy: "Grundskolenämnden",
    introduction: "Skolan möter nästan alla barn i staden och har därför en nyckelroll i att förebygga och upptäcka våld. Planen samlar förvaltningens insatser för elever och personal.",
    howMade: "Planen togs fram av förvaltningens representant i samordningsgruppen tillsammans med elevhälsan och ett urval rektorer.",
    steeringGroup: "Förvaltningens ledningsgrupp.",
  }, GRF_ACTIVITIES, 101);
  const hvo = addActionPlan(bag, refs, {
    organisation: "halsa-vard-och-omsorgsforvaltningen", title: "Handlingsplan mot våld – hälsa, vård och omsorg 2023–2026",
    periodStart: "2023-09-01", periodEnd: "2026-12-31", state: "adopted", adoptedOn: "2023-06-13", adoptedBy: "Hälsa-, vård- och omsorgsnämnden",
    introduction: "Äldre och personer som är beroende av andras omsorg kan ha svårt att själva berätta om våld. Planen beskriver hur förvaltningen ska se och agera i det dagliga arbetet.",
    howMade: "Aktiviteterna formulerades i workshops med enhetschefer inom hemtjänst och vård- och omsorgsboenden.",
    steeringGroup: "Avdelningscheferna för hemtjänst, boenden och hälso- och sjukvård.",
  }, HVO_ACTIVITIES, 201);
  addActionPlan(bag, refs, {
    organisation: "fritidsforvaltningen", title: "Handlingsplan Fri från våld – fritidsförvaltningen (utkast)",
    periodStart: "2025-01-01", periodEnd: "2026-12-31", state: "draft",
    introduction: "Fritidsverksamheterna når många unga på deras fria tid. Utkastet beskriver hur den kontakten kan användas för att förebygga våld.",
    howMade: "Utkastet bygger på samtal med personal på fritidsgårdar och i idrottsverksamheten.",
    steeringGroup: "",
  }, FRITID_ACTIVITIES, 301);
  addActionPlan(bag, refs, {
    organisation: "mkb", title: "MKB:s handlingsplan mot våld i nära relation 2024–2026",
    periodStart: "2024-01-01", periodEnd: "2026-12-31", state: "adopted", adoptedOn: "2024-03-20", adoptedBy: "MKB Fastighets AB:s styrelse",
    introduction: "Som stadens största hyresvärd ser MKB ibland tecken på våld i bostäderna. Planen beskriver hur bolaget kan bidra med bostäder och kunskap.",
    howMade: "Planen togs fram av bolagets hållbarhetsfunktion i dialog med arbetsmarknads- och socialförvaltningen.",
    steeringGroup: "Bolagets ledningsgrupp.",
  }, MKB_ACTIVITIES, 401);

  addOrganisationReport(bag, refs, roundId, grf.activityIds, {
    organisation: "grundskoleforvaltningen", state: "accepted",
    introduction: "Rapporten visar läget för förvaltningens fem aktiviteter efter 2024.",
    howMade: "Underlaget samlades in från rektorsområdena och elevhälsan och sammanställdes av förvaltningens representant.",
    summary: "Utbildningen av skolpersonal är genomförd och samtyckesundervisningen når allt fler skolor. Arbetet med elevenkäten har skjutits upp, och projektet om trygga skolvägar avbröts när finansieringen uteblev.",
    anchoredIn: "Förvaltningens ledningsgrupp", anchoredOn: "2025-01-22",
    submittedAt: new Date("2025-01-27T10:00:00Z"), acceptedAt: new Date("2025-02-12T09:00:00Z"),
  }, [
    {
      activity: "1.4", status: "ongoing",
      narrative: "Samtyckesundervisningen har införts på fler skolor under året och lärare har fått gemensamt lektionsmaterial.",
      nextSteps: "Resterande skolor ska vara med från höstterminen 2025.",
      figures: [{ name: "Skolor med samtyckesundervisning", value: 18, unit: "skolor", target: 30, year: 2024 }],
    },
    {
      activity: "3.6", status: "completed",
      narrative: "All personal i årskurs 7–9 har fått utbildningen, som nu ingår i introduktionen för nyanställda.",
      nextSteps: "Utbildningen följs upp i medarbetarenkäten.",
    },
    {
      activity: "4.6", status: "planning",
      narrative: "Elevhälsan har kartlagt vilket stöd som finns i dag och var eleverna hänvisas vidare.",
      nextSteps: "En arbetsmodell prövas på två skolor under 2025.",
    },
    {
      activity: "5.4", status: "not_started",
      narrative: "Arbetet har inte påbörjats.",
      statusComment: "Elevenkäten görs om först 2025 och frågorna tas med då.",
      nextSteps: "Frågorna tas fram tillsammans med en elevpanel under våren 2025.",
    },
    {
      activity: "6.3", status: "cancelled",
      narrative: "Projektet avbröts under våren 2024.",
      statusComment: "Den externa finansieringen uteblev.",
      nextSteps: "Trygghetsfrågorna tas i stället upp i skolornas ordinarie trygghetsarbete.",
    },
  ]);

  addOrganisationReport(bag, refs, roundId, hvo.activityIds, {
    organisation: "halsa-vard-och-omsorgsforvaltningen", state: "submitted",
    introduction: "Förvaltningens redovisning av 2024 års arbete med handlingsplanen.",
    howMade: "Enhetscheferna har lämnat underlag som sammanställts av förvaltningens representant.",
    summary: "Filmen används nu i flera hemtjänstområden och rutinen att fråga om våld har börjat prövas. Utredningen om skyddat boende för äldre har startat tillsammans med arbetsmarknads- och socialförvaltningen.",
    submittedAt: new Date("2025-01-30T14:00:00Z"),
  }, [
    {
      activity: "1.5", status: "ongoing",
      narrative: "Filmen har visats på arbetsplatsträffar i de flesta hemtjänstområden.",
      nextSteps: "Filmen läggs in i förvaltningens årshjul.",
    },
    {
      activity: "3.7", status: "planning",
      narrative: "En arbetsgrupp har anpassat frågorna till hemsjukvårdens arbetssätt.",
      nextSteps: "Rutinen prövas på två boenden under våren 2025.",
    },
    {
      activity: "4.7", status: "planning",
      narrative: "Förvaltningarna har gått igenom de ärenden där ett skyddat boende hade behövts men saknades.",
      nextSteps: "Ett förslag till lösning tas fram under 2025.",
    },
    {
      activity: "6.4", status: "ongoing",
      narrative: "Kontaktgruppen har träffats regelbundet och tagit upp flera gemensamma ärenden.",
      nextSteps: "Gruppen fortsätter i samma form.",
    },
  ]);
}
