// Malmö's year as the organisation slides describe it: a steering group meeting twice a year, a coordination group
// with a representative per administration meeting every other month, a city-wide network, basic training twice a
// year, campaign weeks, the yearly revision of routines, follow-up and the reports to the board and the city
// executive committee. One coordination-group meeting has minutes, decisions and action items. Every sentence is
// written for the demo; members are roles and demo accounts only.
import { actionItems, groupMembers, groups, meetings, wheelCategories, wheelEvents } from "../../schema/index.ts";
import { DEFAULT_WHEEL_CATEGORIES, type DefaultCategoryKey } from "../../../wheel/default-categories.ts";
import { instantOf } from "../../../wheel/recurrence.ts";
import { type Bag, type PlanRefs, uid } from "../builder.ts";

interface EventSpec {
  category: DefaultCategoryKey;
  title: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  month?: number;
  rrule?: string;
}

const EVENTS: EventSpec[] = [
  { category: "training", title: "Basutbildning om våld i nära relationer", startsOn: "2025-03-19", rrule: "FREQ=YEARLY;BYMONTH=3,9", description: "Heldag för nyanställda och chefer i alla förvaltningar, två gånger om året." },
  { category: "training", title: "Introduktion för nya i samordningsgruppen", month: 1, description: "Genomgång av planen, handlingsplanerna och uppföljningen för nya representanter." },
  { category: "training", title: "Workshop om sexuell hälsa och rättigheter", month: 5, description: "Inspirationsträff för verksamheter som möter unga." },
  { category: "campaigns", title: "Internationella kvinnodagen", startsOn: "2025-03-08", rrule: "FREQ=YEARLY" },
  { category: "campaigns", title: "Kampanjvecka mot våld i nära relationer", startsOn: "2025-05-12", endsOn: "2025-05-16", rrule: "FREQ=YEARLY", description: "Information i stadens mötesplatser och i sociala medier." },
  { category: "campaigns", title: "Orange Day – 16 dagar mot våld", startsOn: "2025-11-25", endsOn: "2025-12-10", rrule: "FREQ=YEARLY" },
  { category: "meetings", title: "Dialogmöten med förvaltningarna", startsOn: "2025-03-17", endsOn: "2025-04-30", rrule: "FREQ=YEARLY;INTERVAL=2", description: "Enskilt eller klustervis, vartannat år." },
  { category: "follow-up", title: "Uppföljningen av handlingsplanerna öppnar", startsOn: "2024-11-04", rrule: "FREQ=YEARLY;INTERVAL=2", description: "Det stadsövergripande uppföljningsarbetet, vartannat år." },
  { category: "reporting", title: "Rapport till arbetsmarknads- och socialnämnden", month: 4 },
  { category: "reporting", title: "Rapport till kommunstyrelsen", month: 6 },
  { category: "reporting", title: "Statistik till Länsstyrelsen", startsOn: "2025-02-28", rrule: "FREQ=YEARLY" },
  { category: "revision", title: "Revidering av rutinen vid våld i nära relation", month: 9, description: "Rutinen ses över varje år." },
  { category: "revision", title: "Översyn av handlingsplanerna inför nästa år", month: 10 },
];

/** The coordination group's series starts here; its October 2026 meeting has minutes. */
const COORDINATION_START = "2025-02-12";
const KEPT_OCCURRENCE = "2026-10-12";

export function addMalmoYear(bag: Bag, refs: PlanRefs, demoUserIds: Map<string, string>): void {
  const { ws } = refs;
  const categoryIds = new Map<string, string>();
  DEFAULT_WHEEL_CATEGORIES.forEach((c, position) => {
    const id = uid();
    categoryIds.set(c.key, id);
    bag.add(wheelCategories, { id, workspaceId: ws, key: c.key, name: c.name, nameEn: c.nameEn, colour: c.colour, position });
  });
  for (const e of EVENTS) {
    bag.add(wheelEvents, {
      workspaceId: ws, categoryId: categoryIds.get(e.category)!, title: e.title, description: e.description ?? "", startsOn: e.startsOn ?? null, endsOn: e.endsOn ?? null,
      month: e.month ?? null, rrule: e.rrule ?? null, createdAt: new Date("2025-01-01T08:00:00Z"),
    });
  }

  const user = (email: string) => {
    const id = demoUserIds.get(email);
    if (!id) throw new Error(`demo seed: account ${email} missing`);
    return id;
  };
  const steering = uid();
  const coordination = uid();
  const network = uid();
  bag.add(
    groups,
    { id: steering, workspaceId: ws, slug: "styrgruppen", name: "Styrgruppen", kind: "steering", description: "Styrgruppen för Fri från våld – en gemensam angelägenhet. Förvaltningscheferna möts två gånger om året och följer planens genomförande.", calendarToken: uid().replaceAll("-", "") },
    { id: coordination, workspaceId: ws, slug: "samordningsgruppen", name: "Samordningsgruppen", kind: "coordination", description: "En representant från varje förvaltning. Gruppen möts varannan månad, driver handlingsplanerna i den egna förvaltningen och deltar i den stadsövergripande uppföljningen.", calendarToken: uid().replaceAll("-", "") },
    { id: network, workspaceId: ws, slug: "valdsforebyggande-natverket", name: "Våldsförebyggande nätverket", kind: "network", description: "Stadsövergripande nätverk för medarbetare som arbetar förebyggande. Träffas en gång per kvartal.", calendarToken: uid().replaceAll("-", "") },
  );
  bag.add(
    groupMembers,
    { workspaceId: ws, groupId: steering, organisationId: refs.orgs.get("stadskontoret"), roleTitle: "Stadsdirektör (ordförande)", position: 0 },
    { workspaceId: ws, groupId: steering, organisationId: refs.orgs.get("asf"), roleTitle: "Förvaltningsdirektör", position: 1 },
    { workspaceId: ws, groupId: steering, organisationId: refs.orgs.get("grundskoleforvaltningen"), roleTitle: "Förvaltningsdirektör", position: 2 },
    { workspaceId: ws, groupId: steering, userId: user("styrgrupp@malmo.example"), roleTitle: "Ledamot", position: 3 },
    { workspaceId: ws, groupId: coordination, userId: user("samordnare@malmo.example"), roleTitle: "Sammankallande", position: 0 },
    { workspaceId: ws, groupId: coordination, userId: user("asf.redaktor@malmo.example"), organisationId: refs.orgs.get("asf"), roleTitle: "Samordnare mot våld i nära relation", position: 1 },
    { workspaceId: ws, groupId: coordination, organisationId: refs.orgs.get("grundskoleforvaltningen"), roleTitle: "Förvaltningens representant", position: 2 },
    { workspaceId: ws, groupId: coordination, organisationId: refs.orgs.get("halsa-vard-och-omsorgsforvaltningen"), roleTitle: "Förvaltningens representant", position: 3 },
    { workspaceId: ws, groupId: coordination, organisationId: refs.orgs.get("mkb"), roleTitle: "Hållbarhetsstrateg", position: 4 },
    { workspaceId: ws, groupId: network, organisationId: refs.orgs.get("asf-kompetenscentrum"), roleTitle: "Enhetschef", position: 0 },
    { workspaceId: ws, groupId: network, userId: user("samordnare@malmo.example"), roleTitle: "Samordnare", position: 1 },
  );

  const series = uid();
  bag.add(
    meetings,
    {
      id: uid(), workspaceId: ws, groupId: steering, title: "Styrgruppsmöte", startsAt: instantOf("2025-04-24", "13:00"), endsAt: instantOf("2025-04-24", "15:00"),
      place: "Stadshuset, sammanträdesrum 3", rrule: "FREQ=YEARLY;BYMONTH=4,10", agenda: "1. Lägesbild från samordningsgruppen\n2. Uppföljningens resultat\n3. Prioriteringar inför nästa år",
    },
    {
      id: series, workspaceId: ws, groupId: coordination, title: "Samordningsgruppen", startsAt: instantOf(COORDINATION_START, "09:30"), endsAt: instantOf(COORDINATION_START, "11:30"),
      place: "Arbetsmarknads- och socialförvaltningen, rum Kronan", videoUrl: "https://video.example/samordningsgruppen", rrule: "FREQ=MONTHLY;INTERVAL=2",
      agenda: "1. Nytt från förvaltningarna\n2. Årshjulet: vad händer de kommande två månaderna\n3. Uppföljning och handlingsplaner",
    },
    {
      id: uid(), workspaceId: ws, groupId: network, title: "Nätverksträff", startsAt: instantOf("2025-03-05", "13:00"), endsAt: instantOf("2025-03-05", "16:00"),
      place: "Kompetenscentrum", rrule: "FREQ=MONTHLY;INTERVAL=3", agenda: "Erfarenhetsutbyte och ett tema per träff.",
    },
  );
  const kept = uid();
  bag.add(meetings, {
    id: kept, workspaceId: ws, groupId: coordination, seriesId: series, recurrenceStart: instantOf(KEPT_OCCURRENCE, "09:30"), title: "Samordningsgruppen",
    startsAt: instantOf(KEPT_OCCURRENCE, "09:30"), endsAt: instantOf(KEPT_OCCURRENCE, "11:30"), place: "Arbetsmarknads- och socialförvaltningen, rum Kronan",
    videoUrl: "https://video.example/samordningsgruppen",
    agenda: "1. Nytt från förvaltningarna\n2. Uppföljningen som öppnar i november\n3. Orange Day",
    minutes: "Förvaltningarna berättade om läget i sina handlingsplaner. Flera har svårt att hinna med uppföljningen under hösten och önskar ett gemensamt stöd.\n\nGruppen gick igenom planeringen av Orange Day och vilka förvaltningar som deltar.",
    decisions: "- Uppföljningen öppnar den 4 november med sista dag i januari.\n- Samordnaren håller en genomgång av uppföljningen för representanterna.",
  });
  bag.add(
    actionItems,
    { workspaceId: ws, meetingId: kept, text: "Boka en genomgång av uppföljningen för representanterna", ownerUserId: user("samordnare@malmo.example"), dueOn: "2026-11-20" },
    { workspaceId: ws, meetingId: kept, text: "Skicka förvaltningens bidrag till Orange Day", ownerUserId: user("asf.redaktor@malmo.example"), dueOn: "2026-11-15" },
    { workspaceId: ws, meetingId: kept, text: "Uppdatera kontaktlistan för samordningsgruppen", ownerUserId: user("samordnare@malmo.example"), dueOn: "2026-10-30", doneAt: new Date("2026-10-28T10:00:00Z") },
  );
}
