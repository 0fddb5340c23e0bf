// The 27 activities of ASF's action plan, in the plan's order. Titles are the action plan's bullets (facts);
// descriptions are its explanatory paragraphs where there is one; the child-rights sentences are our own.
import type { ActivitySpec } from "../builder.ts";

// Term keys, kept short.
const VNR = "vald-i-nara-relation";
const HEDER = "hedersrelaterat-vald";
const SEX = "sexuellt-vald";
const SME = "sex-mot-ersattning";
const MH = "manniskohandel";
const SEB = "sexuell-exploatering-av-barn";
const ALL_FOCUS = [VNR, HEDER, SEX, SME, MH, SEB];

type Kind = "stadsovergripande" | "i_samverkan" | "verksamhetsspecifik";
type Audience = "for_staff" | "for_target_group";

const terms = (kind: Kind, audience: Audience, focus: string[], targets: string[], levels: string[], forms: string[] = []) => ({
  activity_kind: [kind], audience: [audience], focus_area: focus, target_group: targets, prevention_level: levels,
  ...(forms.length ? { violence_form: forms } : {}),
});

export const ASF_ACTIVITIES: ActivitySpec[] = [
  // Inriktningsmål 1
  {
    number: null, goal: "1", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förankra och sprida planens arbetsgivarperspektiv till HR-funktioner på förvaltningarna genom befintliga HR-nätverk som samordnas av den stadsövergripande HR-avdelningen.",
    strategies: ["Skapa en trygg och inkluderande arbetsmiljö"],
    terms: terms("stadsovergripande", "for_staff", [VNR, HEDER, SEX], ["medarbetare"], ["universell"]),
    responsible: ["stadskontoret-hr"],
    childRights: "Arbetsgivarperspektivet omfattar också hur chefer och medarbetare agerar när de misstänker att ett barn far illa.",
  },
  {
    number: "1.1", goal: "1", phase: "under_development", start: "2023-03-01", end: "2026-12-31",
    title: "Förvaltningen ska utveckla arbetet med normer och värderingar avseende maskulinitets- och feminitetsnormer",
    description: "Verksamheterna ska ha ett särskilt fokus på killar, unga män samt pappor.",
    strategies: ["Utmana normer", "Utveckla det våldsförebyggande arbetet"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR, HEDER, SEX], ["unga"], ["framjande", "universell"]),
    responsible: ["asf"],
    childRights: "Arbetet når pappor och unga män i deras roll som förebilder, vilket påverkar vilka normer barn växer upp med.",
  },
  {
    number: "1.2", goal: "1", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen ska vidareutveckla det tidiga föräldrastödet.",
    description: "Arbetet med att nå föräldrar med bristande förtroende för socialtjänsten och/eller kunskap om sina rättigheter ska intensifieras. Verksamheterna ska särskilt uppmärksamma pappor samt föräldrar med egen erfarenhet av våld i familjen.",
    strategies: ["Stärka det tidiga stödet", "Stärka barns rättigheter"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR, HEDER], ["barn"], ["universell", "selektiv"]),
    responsible: ["asf"],
    childRights: "Föräldrastödet stärker barnets rätt till en trygg uppväxt genom att ge föräldrar verktyg för ett föräldraskap utan våld.",
  },
  {
    number: "1.3", goal: "1", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen ska göra kunskap om planens alla fokusområden samt information om stöd- och skyddsmöjligheter lättillgänglig för Malmöborna.",
    description: "Information ska finnas tillgänglig på flera olika språk och vara anpassad för både barn och vuxna. Ett årshjul för kommunikations- och informationsarbete ska skapas.",
    strategies: ["Stärka det tidiga stödet"],
    terms: terms("verksamhetsspecifik", "for_target_group", ALL_FOCUS, ["barn", "unga", "utan-uppehallstillstand"], ["universell"]),
    responsible: ["asf"],
    childRights: "Informationen görs i versioner som barn förstår, till exempel en film för barn som ska besöka Barnahus.",
  },
  // Inriktningsmål 2
  {
    number: null, goal: "2", phase: "under_development", start: "2023-09-01", end: "2025-06-30",
    title: "Arbetsmarknads- och socialförvaltningen ska i sin samordnande roll i samverkan med stadskontoret undersöka möjligheten att ta fram en stadsövergripande rutin vad gäller skyddade personuppgifter för medarbetare.",
    strategies: ["Agera mot kränkningar"],
    terms: terms("stadsovergripande", "for_staff", [VNR, HEDER], ["medarbetare"], ["indikerad"]),
    responsible: ["asf"], coResponsible: ["stadskontoret"],
    childRights: "Rutinen ska ta hänsyn till att en medarbetares barn ofta också omfattas av skyddet.",
  },
  {
    number: "2.1", goal: "2", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen ska nå fler personer som använder våld och motivera dem till att ta emot insatser.",
    description: "Metoden Trygg relation – fri från våld ska implementeras och prövas i samarbete med polis, kriminalvård och andra relevanta aktörer.",
    strategies: ["Nå fler som använder våld"],
    terms: terms("i_samverkan", "for_target_group", [VNR], ["valdsutovare"], ["indikerad"], ["fysiskt", "psykiskt"]),
    responsible: ["asf"], partners: ["polisen", "kriminalvarden"],
    boardNote: "Projekt med extern finansiering",
    childRights: "När en förälder använder våld uppmärksammas barnen i familjen och deras behov bedöms i varje ärende.",
  },
  {
    number: "2.2", goal: "2", phase: "under_development", start: "2024-09-01", end: "2026-06-30",
    title: "Förvaltningen ska undersöka vilka möjligheter det finns att flytta på den som använder våld.",
    description: "Förvaltningen ska utreda om, och i så fall när, det är lämpligt, möjligt och säkert för den våldsutsatta att genom nämndens insatser flytta våldsutövaren. Förvaltningen ska även utreda om något av nämndens boendealternativ då ska kunna användas.",
    strategies: ["Flytta på våldsutövaren"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR], ["valdsutovare"], ["indikerad"]),
    responsible: ["asf"],
    childRights: "Utredningen väger särskilt in vad det betyder för barnens trygghet och skolgång att de kan bo kvar hemma.",
  },
  // Inriktningsmål 3
  {
    number: null, goal: "3", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Arbetsmarknads- och socialförvaltningen ska i sin samordnande roll erbjuda förvaltningar och bolag utbildnings- och kompetensutvecklingsinsatser.",
    strategies: ["Systematiskt arbeta med att upptäcka våld", "Uppmärksamma fler barn som lever med våld"],
    terms: terms("stadsovergripande", "for_staff", ALL_FOCUS, ["medarbetare"], ["universell"]),
    responsible: ["asf"],
    boardNote: "Basutbildning två gånger per år",
    childRights: "Utbildningarna tar upp anmälningsskyldigheten och barns rätt att bli sedda när de lever med våld.",
  },
  {
    number: null, goal: "3", phase: "planned", start: "2024-01-01", end: "2025-12-31",
    title: "Den stadsövergripande HR-avdelningen ska tillgängliggöra information på Komin om var chefer och kollegor kan vända sig för att finna stöd vid oro för våldsutsatthet.",
    strategies: ["Systematiskt arbeta med att upptäcka våld"],
    terms: terms("stadsovergripande", "for_staff", [VNR, HEDER], ["medarbetare"], ["selektiv"]),
    responsible: ["stadskontoret-hr"],
    childRights: "Informationen ska också visa vart man vänder sig vid oro för ett barn i en kollegas familj.",
  },
  {
    number: "3.1", goal: "3", phase: "under_development", start: "2024-01-01", end: "2026-12-31",
    title: "Förvaltningen ska intensifiera arbetet med att uppmärksamma våld i ungas relationer oberoende av kön och sexuell läggning, men med fokus på flickors och unga kvinnors utsatthet.",
    description: "För att kunna erbjuda ett mer anpassat stöd till unga våldsutsatta och våldsutövare behöver målgruppens behov och befintliga stödinsatser kartläggas och insatser utvecklas. Arbetet ska ske i samverkan med skolförvaltningarna samt med externa aktörer såsom ungdomsmottagningen och den idéburna sektorn.",
    strategies: ["Uppmärksamma flickor och unga kvinnor", "Systematiskt arbeta med att upptäcka våld"],
    terms: terms("i_samverkan", "for_target_group", [VNR, HEDER, SEX], ["unga", "hbtqi"], ["selektiv"], ["digitalt"]),
    responsible: ["asf"], coResponsible: ["grundskoleforvaltningen", "gymnasie-och-vuxenutbildningsforvaltningen"],
    childRights: "Många av de unga är barn enligt barnkonventionen, och deras egna erfarenheter ska styra hur stödet utformas.",
  },
  {
    number: "3.2", goal: "3", phase: "under_development", start: "2023-06-01", end: "2025-12-31",
    title: "Förvaltningen ska utveckla kunskap och metoder för att uppmärksamma och stödja utsatta medarbetare.",
    description: "Utvecklingsarbetet ska ske i samarbete med stadskontorets HR-avdelning och med andra förvaltningar.",
    strategies: ["Systematiskt arbeta med att upptäcka våld"],
    terms: terms("i_samverkan", "for_staff", [VNR, HEDER], ["medarbetare"], ["indikerad"]),
    responsible: ["asf"], coResponsible: ["stadskontoret"],
    childRights: "Stödet till en utsatt medarbetare ska även fånga upp behoven hos barn i medarbetarens familj.",
  },
  {
    number: "3.3", goal: "3", phase: "completed", start: "2023-01-01", end: "2024-06-30",
    title: "Förvaltningens medarbetare ska kunna uppmärksamma när någon utsätts för våld och känna sig trygga i hur de ska agera.",
    description: "Den förvaltningsövergripande rutinen om våld i nära relation och hedersförtryck ska implementeras och anpassas till respektive avdelnings verksamhet.",
    strategies: ["Uppmärksamma fler barn som lever med våld", "Systematiskt arbeta med att upptäcka våld"],
    terms: terms("verksamhetsspecifik", "for_staff", [VNR, HEDER], ["medarbetare", "barn"], ["selektiv", "indikerad"]),
    responsible: ["asf"],
    boardNote: "Revideras varje år",
    childRights: "Rutinen påminner om anmälningsskyldigheten och om att ett barn som bevittnar våld själv är utsatt.",
  },
  {
    number: "3.4", goal: "3", phase: "under_development", start: "2023-01-01", end: "2026-12-31",
    title: "Kunskapen om sex mot ersättning och människohandel och dess konsekvenser behöver öka bland förvaltningens medarbetare för att fler utsatta barn och vuxna ska kunna uppmärksammas och erbjudas stöd.",
    strategies: ["Systematiskt arbeta med att upptäcka våld", "Bedriva tillsyn i olika riskmiljöer"],
    terms: terms("verksamhetsspecifik", "for_staff", [SME, MH], ["medarbetare"], ["selektiv"]),
    responsible: ["asf"],
    childRights: "",
  },
  {
    number: "3.5", goal: "3", phase: "ongoing", start: "2024-01-01", end: "2026-12-31",
    title: "Sex mot ersättning och människohandel behöver synliggöras och integreras mer i verksamheternas arbete.",
    strategies: ["Uppmärksamma flickor och unga kvinnor"],
    terms: terms("verksamhetsspecifik", "for_target_group", [SME, MH, SEB], ["unga", "barn"], ["selektiv"], ["digitalt", "sexuellt"]),
    responsible: ["asf"],
    childRights: "Insatsen når gymnasieelever, varav många är barn, med kunskap om sugardejting och om var de kan få hjälp.",
  },
  // Inriktningsmål 4
  {
    number: null, goal: "4", phase: "under_development", start: "2024-01-01", end: "2025-12-31",
    title: "Den stadsövergripande HR-avdelningen ska tillgängliggöra information på Komin om var medarbetare kan finna stöd vid våldsutsatthet.",
    strategies: ["Ge stöd till utsatta medarbetare"],
    terms: terms("stadsovergripande", "for_staff", [VNR, HEDER], ["medarbetare"], ["indikerad"]),
    responsible: ["stadskontoret-hr"],
    childRights: "Informationen beskriver också hur barn i en utsatt medarbetares familj kan få stöd.",
  },
  {
    number: null, goal: "4", phase: "planned", start: "2025-01-01", end: "2026-12-31",
    title: "Den stadsövergripande HR-avdelningen ska genomlysa de övergripande HR-processerna utifrån planens fokusområden.",
    strategies: ["Ge stöd till utsatta medarbetare"],
    terms: terms("stadsovergripande", "for_staff", ALL_FOCUS, ["medarbetare"], ["universell"]),
    responsible: ["stadskontoret-hr"],
    childRights: "Genomlysningen prövar om HR-processerna tar hänsyn till barn som berörs när en medarbetare utsätts för eller utövar våld.",
  },
  {
    number: "4.1", goal: "4", phase: "under_development", start: "2024-01-01", end: "2026-12-31",
    title: "Förvaltningen ska kunna erbjuda anpassat skydd och stöd för våldsutsatta Malmöbor som ingår i nämndens målgrupp och bedöms vara i behov av insatser.",
    description: "Förvaltningen ska i samarbete med övriga socialtjänstförvaltningar utreda möjligheterna och tillgången till anpassat skydd och stöd till våldsutsatta barn och vuxna med särskilda behov och/eller svag samhällelig position.",
    strategies: ["Utveckla stöd- och skyddsinsatserna"],
    terms: terms("i_samverkan", "for_target_group", [VNR, HEDER], ["aldre", "funktionsnedsattning", "kvinnor-med-missbruk", "hbtqi"], ["indikerad"]),
    responsible: ["asf"], coResponsible: ["halsa-vard-och-omsorgsforvaltningen", "funktionsstodsforvaltningen"],
    childRights: "Utredningen omfattar både barn med funktionsnedsättning och barn vars föräldrar har särskilda behov.",
  },
  {
    number: "4.2", goal: "4", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen deltar i ett utvecklingsarbete kring ett regionalt resurscentrum mot hedersförtryck.",
    description: "Utvecklingsarbetet samordnas av Länsstyrelsen i Skåne och sker i samverkan med andra statliga myndigheter och kommuner.",
    strategies: ["Utveckla stöd- och skyddsinsatserna"],
    terms: terms("i_samverkan", "for_target_group", [HEDER], ["barn", "unga"], ["indikerad"]),
    responsible: ["asf"], partners: ["lansstyrelsen-skane"],
    childRights: "Resurscentrumet ger råd i ärenden där barn och unga lever med hedersnormer, och barnets perspektiv ska synas i varje konsultation.",
  },
  {
    number: "4.3", goal: "4", phase: "under_development", start: "2023-01-01", end: "2026-12-31",
    title: "Fler barn som lever med våld och deras familjer ska få snabb hjälp och relevanta insatser.",
    description: "Verksamheterna ska fortsätta med implementeringen av Vårdmodell barn.",
    strategies: ["Prioritera barn som upplevt våld"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR], ["barn"], ["indikerad"]),
    responsible: ["asf"],
    childRights: "Aktiviteten utgår från barnets rätt till skydd och till egen hjälp efter att ha levt med våld i familjen.",
  },
  {
    number: "4.4", goal: "4", phase: "ongoing", start: "2024-03-01", end: "2026-12-31",
    title: "Förvaltningen ska stärka och utveckla det långsiktiga stödet för att motverka eftervåld. Stödet ska utformas så att både vuxna våldsutsatta och barn som lever med våld ges förutsättningar att klara ett liv fritt från våld.",
    description: "Förvaltningen ska utveckla en arbetsmodell för långsiktigt stöd till den enskilde. Praktiskt stöd till stadigvarande boende och självförsörjning ska ingå, och arbetet utvecklas tillsammans med andra förvaltningar, myndigheter och civilsamhället.",
    strategies: ["Stärka det långsiktiga stödet till våldsutsatta"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR, HEDER], ["barn", "kvinnor-med-missbruk"], ["indikerad"], ["ekonomiskt"]),
    responsible: ["asf"], partners: ["mkb"],
    childRights: "En trygg bostad och ekonomi gör att barnen i familjen oftare kan behålla sin skola och sitt nätverk.",
  },
  {
    number: "4.5", goal: "4", phase: "completed", start: "2023-01-01", end: "2024-12-31",
    title: "Den interna samverkan mellan avdelningar, enheter och sektioner ska stärkas ytterligare för att säkerställa rättssäkra bedömningar samt underlätta insatser för enskilda barn, vuxna och familjer i enlighet med förvaltningens samordningsrutin.",
    strategies: ["Prioritera barn som upplevt våld", "Utveckla stöd- och skyddsinsatserna"],
    terms: terms("verksamhetsspecifik", "for_staff", [VNR, HEDER], ["barn"], ["indikerad"]),
    responsible: ["asf"],
    childRights: "Samordningsrutinen ska förhindra att barn hamnar mellan avdelningar när familjen har insatser från flera håll.",
  },
  // Inriktningsmål 5
  {
    number: null, goal: "5", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Arbetsmarknads- och socialförvaltningen ska i sin samordnande roll följa effekterna av arbetet i staden, samt göra insatser för att kommunicera effekterna internt och till samarbetspartners och civilsamhället.",
    strategies: ["Samla kunskap om omfattningen av våld", "Stödja yrkesverksamma i att utveckla sitt arbete"],
    terms: terms("stadsovergripande", "for_staff", ALL_FOCUS, [], ["universell"]),
    responsible: ["asf"],
    childRights: "Uppföljningen redovisar särskilt hur stadens insatser når barn.",
  },
  {
    number: "5.1", goal: "5", phase: "under_development", start: "2023-06-01", end: "2026-12-31",
    title: "Förvaltningen ska stödja andra förvaltningar och myndigheter och skapa förutsättningar för att frågor om planens fokusområden kommer med i relevanta enkät- och andra undersökningar.",
    strategies: ["Samla kunskap om omfattningen av våld"],
    terms: terms("i_samverkan", "for_staff", ALL_FOCUS, ["unga"], ["universell"]),
    responsible: ["asf"], partners: ["fritidsforvaltningen"],
    childRights: "",
  },
  {
    number: "5.2", goal: "5", phase: "under_development", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen ska ta fram underlag för att uppmärksamma behov och följa utvecklingen inom planens alla fokusområden.",
    description: "Förvaltningen ska årsvis sammanställa och analysera statistik över hur många som har kontakt med förvaltningens verksamheter.",
    strategies: ["Samla kunskap om omfattningen av våld"],
    terms: terms("verksamhetsspecifik", "for_staff", ALL_FOCUS, [], ["universell"]),
    responsible: ["asf"],
    childRights: "Statistiken ska så långt det går redovisa barn för sig.",
  },
  {
    number: "5.3", goal: "5", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "För att kunna ge barn, vuxna och familjer adekvata insatser och kunna bedriva ett effektivt utvecklingsarbete behöver förvaltningens medarbetare ha relevant kunskap och få stöd i arbetet.",
    description: "Förvaltningen erbjuder chefer och medarbetare kompetensutveckling, möjlighet att ta del av ny forskning samt handledning och stöd i sina olika arbetsuppgifter.",
    strategies: ["Stödja yrkesverksamma i att utveckla sitt arbete", "Utveckla nya metoder"],
    terms: terms("verksamhetsspecifik", "for_staff", [VNR, HEDER], ["medarbetare", "kvinnor-med-missbruk"], ["selektiv"]),
    responsible: ["asf"],
    boardNote: "Utbildning en gång per termin",
    childRights: "Utbildningarna tar upp hur barnens situation uppmärksammas när en förälder både har ett beroende och utsätts för våld.",
  },
  // Inriktningsmål 6
  {
    number: "6.1", goal: "6", phase: "ongoing", start: "2023-01-01", end: "2026-12-31",
    title: "Förvaltningen samverkar med andra förvaltningar, myndigheter och civilsamhället för att utveckla arbetet i enlighet med planens mål.",
    description: "Förvaltningen samordnar och deltar i olika samverkansgrupper och nätverk lokalt, nationellt och internationellt.",
    strategies: ["Samverkan ska ske inom planens samtliga mål", "Utveckla samverkan kring enskilda barn och vuxna"],
    terms: terms("verksamhetsspecifik", "for_staff", [VNR, HEDER], [], ["universell"]),
    responsible: ["asf"], partners: ["lansstyrelsen-skane", "kvinnojourerna-i-malmo"],
    childRights: "",
  },
  {
    number: "6.2", goal: "6", phase: "completed", start: "2023-01-01", end: "2024-12-31",
    title: "Förvaltningen ska utveckla stödet till ideella organisationer och verka för att stödet ska vara långsiktigt.",
    strategies: ["Stödja den idéburna sektorn"],
    terms: terms("verksamhetsspecifik", "for_target_group", [VNR, HEDER], [], ["indikerad"]),
    responsible: ["asf"], partners: ["kvinnojourerna-i-malmo"],
    childRights: "Ett långsiktigt bidrag gör det lättare för organisationerna att stödja även de barn som följer med en våldsutsatt förälder.",
  },
];
