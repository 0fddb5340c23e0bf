// Dialogue meetings over HTTP: the list and the last meeting per organisation (also on the action plans overview),
// planning and editing a meeting, the agenda drawn from the latest reports, development areas that become needs,
// what was agreed last time, every bad input with its message and nothing half-saved, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { dialogueDue, lastMeetingPerOrganisation, monthsBefore } from "../../src/queries/dialogue-meetings.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";
import { formValues } from "../support/form-values.ts";

let database: Database;
let app: FastifyInstance;
const PLAN = "/malmo/planer/fri-fran-vald";
const LIST = `${PLAN}/dialogmoten`;
const NEW = `${LIST}/ny`;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const all = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/\s+/g, " ");
/** The part of a page from one heading's id to the next section's end (good enough to tell sections apart). */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no #${id} on the page`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
};
const TABLES = ["dialogue_meeting", "dialogue_meeting_organisation", "development_area", "need", "audit_event"];
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(t)}`)).n] as const)));

const org: Record<string, string> = {};
let planId = "";
let goal3 = "";
let otherPlanGoal = "";
let exempelbyOrg = "";
let coordinator: Session;
let reader: Session;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database), { logger: false });
  const plan = await one<{ id: string; workspace_id: string }>(sql`select id, workspace_id from plan where slug = 'fri-fran-vald'`);
  planId = plan.id;
  for (const slug of ["asf", "grundskoleforvaltningen", "halsa-vard-och-omsorgsforvaltningen", "polisen", "mkb"]) {
    org[slug] = (await one<{ id: string }>(sql`select id from organisation where slug = ${slug} and workspace_id = ${plan.workspace_id}`)).id;
  }
  goal3 = (await one<{ id: string }>(sql`select id from goal where plan_id = ${planId} and number = '3'`)).id;
  otherPlanGoal = (await one<{ id: string }>(sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'tryggare-exempelby' limit 1`)).id;
  exempelbyOrg = (await one<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'exempelby' and o.type <> 'external' limit 1`)).id;
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  reader = new Session(app);
  await reader.logIn("lasare@malmo.example");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const meetingForm = (over: Record<string, string | string[]> = {}) => ({
  title: "Dialogmöte 2026 med ASF och grundskoleförvaltningen", heldOn: "2026-10-06", organisationIds: [org.asf!, org.grundskoleforvaltningen!],
  participants: "Planens samordnare, förvaltningarnas representanter i samordningsgruppen", notes: "Vi går igenom uppföljningen av 2024.", tillbaka: "",
  ...over,
});

describe("the list of meetings and the last meeting per organisation", () => {
  it("shows the demo's meetings newest first, and each organisation with an action plan with its last meeting or 'aldrig', marked when due", async () => {
    const res = await reader.get(LIST);
    expect(res.statusCode).toBe(200);
    const meetings = text(section(res.body, "meetings"));
    const newer = meetings.indexOf("Dialogmöte om våld mot äldre");
    const older = meetings.indexOf("Dialogmöte med arbetsmarknads- och socialförvaltningen 2023");
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    expect(meetings).toContain("Arbetsmarknads- och socialförvaltningen, Hälsa-, vård- och omsorgsförvaltningen");

    const last = section(res.body, "last-meetings");
    const row = (name: string) => text(last.slice(last.indexOf(`<th scope="row">${name}`), last.indexOf("</tr>", last.indexOf(`<th scope="row">${name}`))));
    // ASF met in March 2025 (within two years of today), the schools never: "aldrig", marked.
    expect(row("Arbetsmarknads- och socialförvaltningen")).toContain("18 mars 2025");
    expect(row("Arbetsmarknads- och socialförvaltningen")).not.toContain("Dags för dialogmöte");
    expect(row("Grundskoleförvaltningen")).toContain("aldrig");
    expect(row("Grundskoleförvaltningen")).toContain("Dags för dialogmöte");
    // Only organisations with an action plan are listed: the police (an external partner) is not.
    expect(last).not.toContain("Polisen");
    // A reader gets no "plan a meeting" links.
    expect(res.body).not.toContain(`href="${NEW}`);
  });

  it("marks a meeting as due once it lies more than the plan's cadence (24 months) back", async () => {
    expect(monthsBefore("2027-03-31", 24)).toBe("2025-03-31");
    expect(monthsBefore("2024-02-29", 12)).toBe("2023-02-28");
    expect(dialogueDue("2025-03-18", 24, "2027-03-18")).toBe(false);
    expect(dialogueDue("2025-03-18", 24, "2027-03-19")).toBe(true);
    expect(dialogueDue(null, 24, "2025-01-01")).toBe(true);
    const plan = { id: planId, dialogueEveryMonths: 24 };
    const asfOn = async (today: string) => (await lastMeetingPerOrganisation(database.db, plan, today)).find((r) => r.organisation.id === org.asf)!;
    expect(await asfOn("2027-03-18")).toMatchObject({ last: "2025-03-18", due: false });
    expect(await asfOn("2027-03-19")).toMatchObject({ last: "2025-03-18", due: true });
    // Before the 2025 meeting, the last one was in 2023 (within two years) and the 2025 one is the next planned.
    expect(await asfOn("2025-01-10")).toMatchObject({ last: "2023-04-18", next: "2025-03-18", due: false });
  });

  it("adds the column 'Senaste dialogmöte' to the action plans overview", async () => {
    const res = await reader.get(`${PLAN}/handlingsplaner`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<th scope=\"col\">Senaste dialogmöte</th>");
    const page = text(res.body);
    expect(page).toMatch(/Arbetsmarknads- och socialförvaltningen .*18 mars 2025/);
    expect(page).toMatch(/Grundskoleförvaltningen .*aldrig Dags för dialogmöte/);
    expect(res.body).toContain(`href="${LIST}"`);
  });
});

describe("the demo's 2025 meeting", () => {
  it("draws its agenda from each organisation's 2024 report, marks the one not yet accepted, and lists what was agreed in 2023", async () => {
    const id = (await one<{ id: string }>(sql`select id from dialogue_meeting where held_on = '2025-03-18'`)).id;
    const res = await reader.get(`${LIST}/${id}`);
    expect(res.statusCode).toBe(200);
    const asfPart = section(res.body, `agenda-${org.asf}`);
    const hvoPart = section(res.body, `agenda-${org["halsa-vard-och-omsorgsforvaltningen"]}`);
    expect(text(asfPart)).toContain("Från Uppföljning 2024: Accepterad.");
    expect(asfPart).not.toContain("Inte accepterad ännu");
    expect(text(hvoPart)).toContain("Från Uppföljning 2024: Inlämnad.");
    expect(hvoPart).toContain("Inte accepterad ännu");
    const agreed = text(section(res.body, "agreed-last"));
    expect(agreed).toContain("Dialogmöte med arbetsmarknads- och socialförvaltningen 2023");
    expect(agreed).toContain("Ta fram ett stöd för unga under 18 år som använder våld i en partnerrelation");
    expect(agreed).toContain("Blev behov: Stöd till unga som använder våld i sina första relationer");
    expect(agreed).toContain("Inte gjort till behov.");
  });

  it("shows the 2023 meeting no agenda from a later round and nothing agreed before it", async () => {
    const id = (await one<{ id: string }>(sql`select id from dialogue_meeting where held_on = '2023-04-18'`)).id;
    const page = text((await reader.get(`${LIST}/${id}`)).body);
    expect(page).toContain("Ingen rapport från en uppföljning som hade öppnats före mötet.");
    expect(page).not.toContain("Uppföljning 2024");
    expect(page).toContain("Det här är det första dialogmötet med de här organisationerna i planen.");
  });
});

describe("planning a meeting, its agenda and its development areas", () => {
  let meetingId = "";
  let meetingUrl = "";
  let areaNeedId = "";
  let areaOtherId = "";
  let needId = "";

  it("offers ASF ticked and a title when planned from the list, then creates the meeting with its organisations and an audit event", async () => {
    const form = await coordinator.get(`${NEW}?organisation=asf`);
    expect(form.statusCode).toBe(200);
    const values = formValues(form.body, NEW);
    expect(values.organisationIds).toEqual([org.asf]);
    expect(values.title).toBe("Dialogmöte med Arbetsmarknads- och socialförvaltningen");
    // External partners cannot be chosen.
    expect(form.body).not.toContain(`value="${org.polisen}"`);

    const res = await coordinator.submit(NEW, NEW, meetingForm());
    expect(res.statusCode).toBe(303);
    meetingId = /dialogmoten\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
    meetingUrl = `${LIST}/${meetingId}`;
    const row = await one<{ title: string; held_on: string; participants: string; version: number }>(
      sql`select title, held_on::text, participants, version from dialogue_meeting where id = ${meetingId}`,
    );
    expect(row).toEqual({ title: "Dialogmöte 2026 med ASF och grundskoleförvaltningen", held_on: "2026-10-06", participants: meetingForm().participants, version: 1 });
    const orgs = await all<{ organisation_id: string }>(sql`select organisation_id from dialogue_meeting_organisation where dialogue_meeting_id = ${meetingId}`);
    expect(orgs.map((o) => o.organisation_id).sort()).toEqual([org.asf, org.grundskoleforvaltningen].sort());
    const audit = await one<{ action: string; changes: Array<{ field: string; after: string }> }>(
      sql`select action, changes from audit_event where subject_id = ${meetingId} order by at desc limit 1`,
    );
    expect(audit.action).toBe("dialogueMeeting.created");
    expect(audit.changes.find((c) => c.field === "organisations")?.after).toBe("Arbetsmarknads- och socialförvaltningen, Grundskoleförvaltningen");
  });

  it("draws the agenda from ASF's and the schools' accepted 2024 reports: activities by status, figures and the summary", async () => {
    const res = await coordinator.get(meetingUrl);
    expect(res.statusCode).toBe(200);
    const asfPart = section(res.body, `agenda-${org.asf}`);
    // Every status ASF reported in 2024, with its name from the plan's statuses.
    const statuses = await all<{ name: string; n: number }>(sql`
      select s.name, count(*)::int as n from activity_report ar join organisation_report r on r.id = ar.organisation_report_id
      join follow_up_round fr on fr.id = r.round_id join follow_up_status s on s.id = ar.status_id
      where fr.slug = 'uppfoljning-2024' and r.organisation_id = ${org.asf} group by s.name`);
    expect(statuses.length).toBeGreaterThan(2);
    for (const s of statuses) expect(text(asfPart)).toContain(`${s.name} (${s.n})`);
    expect(text(asfPart)).toContain("2.1 ");
    expect(text(asfPart)).toContain("Föräldrakurser 85 kurser 68 → –");
    expect(text(asfPart)).toContain("Ärenden med CM-S ca 20 ärenden");
    expect(text(asfPart)).toContain("Förvaltningens uppdrag ligger redan nära planens frågor");
    expect(asfPart).toContain(`href="${PLAN}/uppfoljning/uppfoljning-2024/asf"`);
    const grfPart = section(res.body, `agenda-${org.grundskoleforvaltningen}`);
    expect(text(grfPart)).toContain("Skolor med samtyckesundervisning 18 skolor – → 30");
    expect(grfPart).not.toContain("Inte accepterad ännu");
    // The meeting before it with ASF is the demo's 2025 meeting: its areas are what was agreed last time.
    const agreed = text(section(res.body, "agreed-last"));
    expect(agreed).toContain("Dialogmöte om våld mot äldre och personer med omsorgsbehov");
    expect(agreed).toContain("Ta fram en gemensam lösning för skyddat boende för personer med omfattande omvårdnadsbehov");
  });

  it("keeps preferring the accepted 2024 report to a newer one from 2025 that is submitted but not accepted", async () => {
    const { openFollowUpRound } = await import("../../src/commands/open-follow-up-round.ts");
    const viewer = await one<{ id: string; workspace_id: string }>(sql`select u.id, p.workspace_id from app_user u, plan p where u.email = 'samordnare@malmo.example' and p.id = ${planId}`);
    await openFollowUpRound(database.db, {
      userId: viewer.id, email: "samordnare@malmo.example", name: "S", systemAdmin: false,
      memberships: [{ workspaceId: viewer.workspace_id, role: "coordinator", organisationId: null }],
    }, {
      planId, name: "Uppföljning 2025", slug: "", periodStart: "2025-01-01", periodEnd: "2025-12-31", deadline: "2026-02-15", today: "2025-11-01",
      organisationIds: [org.asf!], confirmedPersonalData: false,
    });
    // Opened before the meeting, with ASF's newer report submitted but not accepted yet.
    await database.db.execute(sql`update follow_up_round set opened_at = '2025-11-01T08:00:00Z' where plan_id = ${planId} and slug = 'uppfoljning-2025'`);
    await database.db.execute(sql`update organisation_report r set state = 'submitted' from follow_up_round fr where fr.id = r.round_id and fr.slug = 'uppfoljning-2025'`);
    const asfPart = text(section((await coordinator.get(meetingUrl)).body, `agenda-${org.asf}`));
    expect(asfPart).toContain("Från Uppföljning 2024: Accepterad.");
  });

  it("saves an edit with an audit event of what changed", async () => {
    const page = await coordinator.get(meetingUrl);
    const values = formValues(page.body, meetingUrl);
    expect(values.version).toBe("1");
    const res = await coordinator.post(meetingUrl, { ...values, _csrf: Session.tokenIn(page.body), notes: "Vi gick igenom uppföljningen och kom överens om två saker." });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(meetingUrl);
    const row = await one<{ notes: string; version: number }>(sql`select notes, version from dialogue_meeting where id = ${meetingId}`);
    expect(row).toEqual({ notes: "Vi gick igenom uppföljningen och kom överens om två saker.", version: 2 });
    const audit = await one<{ action: string; changes: Array<{ field: string; before: string; after: string }> }>(
      sql`select action, changes from audit_event where subject_id = ${meetingId} and action = 'dialogueMeeting.updated'`,
    );
    expect(audit.changes).toEqual([{ field: "notes", before: "Vi går igenom uppföljningen av 2024.", after: "Vi gick igenom uppföljningen och kom överens om två saker." }]);
  });

  it("answers a stale form with 409 and the other person's saved values, changing nothing", async () => {
    const before = await counts();
    const res = await coordinator.submit(meetingUrl, meetingUrl, { ...meetingForm({ title: "Min rubrik" }), version: "1" });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("Någon annan har sparat ändringar medan du skrev");
    const notice = text(res.body.slice(res.body.indexOf('class="notice conflict-notice"'), res.body.indexOf("</dl>", res.body.indexOf('class="notice conflict-notice"'))));
    expect(notice).toContain("Vi gick igenom uppföljningen och kom överens om två saker.");
    expect(notice).toContain("Dialogmöte 2026 med ASF och grundskoleförvaltningen");
    // The person's own text stays in the form, and saving again uses the version now saved.
    expect(formValues(res.body, meetingUrl)).toMatchObject({ title: "Min rubrik", version: "2" });
    expect(await counts()).toEqual(before);
    expect((await one<{ title: string }>(sql`select title from dialogue_meeting where id = ${meetingId}`)).title).toBe("Dialogmöte 2026 med ASF och grundskoleförvaltningen");
  });

  it("adds development areas in order, audited", async () => {
    for (const areaText of ["Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst", "Dela elevhälsans kartläggning med socialtjänsten"]) {
      const res = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden`, { areaText });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${meetingUrl}#utvecklingsomraden`);
    }
    const areas = await all<{ id: string; text: string; position: number }>(sql`select id, text, position from development_area where dialogue_meeting_id = ${meetingId} order by position`);
    expect(areas.map((a) => [a.position, a.text])).toEqual([
      [1, "Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst"], [2, "Dela elevhälsans kartläggning med socialtjänsten"],
    ]);
    areaNeedId = areas[0]!.id;
    areaOtherId = areas[1]!.id;
    const audited = await all<{ subject_id: string }>(sql`select subject_id from audit_event where action = 'developmentArea.added' and subject_id in (${areaNeedId}, ${areaOtherId})`);
    expect(audited).toHaveLength(2);
  });

  it("makes an area a need under the chosen goal in one click, links both ways, audits it, and shows the link instead of the button", async () => {
    const res = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaNeedId}/till-behov`, { version: "1", goalId: goal3 });
    expect(res.statusCode).toBe(303);
    const area = await one<{ need_id: string; version: number }>(sql`select need_id, version from development_area where id = ${areaNeedId}`);
    needId = area.need_id;
    expect(area.version).toBe(2);
    const need = await one<{ title: string; goal_id: string; plan_id: string; organisation_id: string | null; from_development_area_id: string; description: string }>(
      sql`select title, goal_id, plan_id, organisation_id, from_development_area_id, description from need where id = ${needId}`,
    );
    expect(need).toMatchObject({
      title: "Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst", goal_id: goal3, plan_id: planId, organisation_id: null,
      from_development_area_id: areaNeedId,
    });
    expect(need.description).toContain("Dialogmöte 2026 med ASF och grundskoleförvaltningen");
    const actions = (await all<{ action: string }>(sql`select action from audit_event where subject_id in (${areaNeedId}, ${needId}) order by at`)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["developmentArea.madeNeed", "need.created"]));
    // The need is on goal 3's page now.
    expect(text((await reader.get(`${PLAN}/mal/3`)).body)).toContain("Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst");

    const page = await coordinator.get(meetingUrl);
    expect(page.body).toContain(`href="${PLAN}/behov/${needId}"`);
    expect(page.body).not.toContain(`${meetingUrl}/utvecklingsomraden/${areaNeedId}/till-behov`);
    expect(page.body).not.toContain(`${meetingUrl}/utvecklingsomraden/${areaNeedId}/ta-bort`);
    expect(page.body).toContain(`${meetingUrl}/utvecklingsomraden/${areaOtherId}/till-behov`);
  });

  it("refuses to make the same area a need twice", async () => {
    const before = await counts();
    const res = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaNeedId}/till-behov`, { version: "2", goalId: goal3 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Utvecklingsområdet har redan blivit ett behov.");
    expect(await counts()).toEqual(before);
  });

  it("refuses a goal of another plan, and a stale area, changing nothing", async () => {
    const before = await counts();
    const other = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaOtherId}/till-behov`, { version: "1", goalId: otherPlanGoal });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain(`href="#goal-${areaOtherId}"`);
    expect(other.body).toContain("Välj ett av alternativen i listan");
    const stale = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaOtherId}/ta-bort`, { version: "7" });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Någon annan har ändrat utvecklingsområdet");
    expect(await counts()).toEqual(before);
    expect((await one<{ need_id: string | null }>(sql`select need_id from development_area where id = ${areaOtherId}`)).need_id).toBeNull();
  });

  it("refuses to remove an area that became a need, and removes one that did not, audited", async () => {
    const refused = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaNeedId}/ta-bort`, { version: "2" });
    expect(refused.statusCode).toBe(400);
    expect(text(refused.body)).toContain("har blivit ett behov och kan inte tas bort");
    expect(await all(sql`select 1 from development_area where id = ${areaNeedId}`)).toHaveLength(1);

    const removed = await coordinator.submit(meetingUrl, `${meetingUrl}/utvecklingsomraden/${areaOtherId}/ta-bort`, { version: "1" });
    expect(removed.statusCode).toBe(303);
    expect(await all(sql`select 1 from development_area where id = ${areaOtherId}`)).toHaveLength(0);
    const audit = await one<{ changes: Array<{ field: string; before: string }> }>(sql`select changes from audit_event where action = 'developmentArea.removed' and subject_id = ${areaOtherId}`);
    expect(audit.changes).toContainEqual({ field: "text", before: "Dela elevhälsans kartläggning med socialtjänsten", after: null });
  });

  it("shows readers the meeting without forms, the need linked to its goal's page", async () => {
    const res = await reader.get(meetingUrl);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("utvecklingsomraden/");
    expect(res.body).not.toContain(`action="${meetingUrl}"`);
    expect(res.body).not.toContain(`/behov/${needId}`);
    expect(res.body).toContain(`href="${PLAN}/mal/3"`);
    expect(text(res.body)).toContain("Blev behov: Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst");
  });

  it("lists at the next meeting with any of the same organisations what was agreed, with the need", async () => {
    const res = await coordinator.submit(NEW, NEW, meetingForm({ title: "Uppföljande dialogmöte med grundskoleförvaltningen", heldOn: "2027-03-02", organisationIds: [org.grundskoleforvaltningen!] }));
    expect(res.statusCode).toBe(303);
    const next = await coordinator.get(res.headers.location as string);
    const agreed = section(next.body, "agreed-last");
    expect(text(agreed)).toContain("Dialogmöte 2026 med ASF och grundskoleförvaltningen");
    expect(text(agreed)).toContain("Blev behov: Gemensam introduktion om våld för nya medarbetare i skola och socialtjänst");
    expect(agreed).toContain(`href="${PLAN}/behov/${needId}"`);
    // The planned meetings show in the list as the next planned for the schools.
    const list = section((await coordinator.get(LIST)).body, "last-meetings");
    const grf = text(list.slice(list.indexOf('<th scope="row">Grundskoleförvaltningen'), list.indexOf("</tr>", list.indexOf('<th scope="row">Grundskoleförvaltningen'))));
    expect(grf).toContain("6 oktober 2026");
  });
});

describe("bad input", () => {
  const refused = async (form: Record<string, string | string[]>, field: string, message: string) => {
    const before = await counts();
    const res = await coordinator.submit(NEW, NEW, form);
    expect(res.statusCode, `${field}: ${message}`).toBe(400);
    expect(res.body).toContain(`href="#${field}"`);
    expect(text(res.body)).toContain(message);
    expect(res.body).toContain("<title>Fel: Nytt dialogmöte");
    expect(await counts()).toEqual(before);
    return res;
  };

  it("needs at least one organisation", async () => {
    const res = await refused(meetingForm({ organisationIds: [] }), "organisationIds", "Välj minst en organisation");
    // What was typed is kept.
    expect(formValues(res.body, NEW).title).toBe(meetingForm().title);
  });

  it("needs a title and a date that exists", async () => {
    await refused(meetingForm({ title: "  " }), "title", "Skriv en rubrik för mötet");
    await refused(meetingForm({ heldOn: "2026-02-30" }), "heldOn", "Ange ett datum som finns");
    await refused(meetingForm({ heldOn: "0000-01-01" }), "heldOn", "Ange ett datum som finns");
    await refused(meetingForm({ heldOn: "" }), "heldOn", "Ange ett datum");
  });

  it("refuses a personnummer in any text, even when the box is ticked, and asks to confirm other likely personal data", async () => {
    await refused(meetingForm({ notes: "Klienten 19121212-1212 berättade om sin situation.", confirmPersonalData: "1" }), "notes", "Texten innehåller ett personnummer");
    await refused(meetingForm({ participants: "Handläggare för 19121212-1212" }), "participants", "Texten innehåller ett personnummer");
    const warned = await refused(meetingForm({ notes: "Ring 070-123 45 67 om något är oklart." }), "notes", "privat mobilnummer");
    expect(warned.body).toContain('id="confirmPersonalData"');
    const before = (await counts()).dialogue_meeting ?? 0;
    const confirmed = await coordinator.submit(NEW, NEW, meetingForm({ title: "Bekräftat möte", notes: "Ring 070-123 45 67 om något är oklart.", confirmPersonalData: "1" }));
    expect(confirmed.statusCode).toBe(303);
    expect((await counts()).dialogue_meeting).toBe(before + 1);
  });

  it("refuses 200 000 characters", async () => {
    const long = "a".repeat(200_000);
    await refused(meetingForm({ notes: long }), "notes", "Texten är för lång (högst 20000 tecken)");
    await refused(meetingForm({ title: long }), "title", "Texten är för lång (högst 300 tecken)");
  });

  it("refuses an organisation id that is unknown, from another workspace, an external partner or not an id at all", async () => {
    for (const bad of ["00000000-0000-4000-8000-000000000000", exempelbyOrg, org.polisen!, "asf"]) {
      await refused(meetingForm({ organisationIds: [org.asf!, bad] }), "organisationIds", "Välj ett av alternativen i listan");
    }
  });

  it("refuses a development area that is empty, too long or holds a personnummer", async () => {
    const id = (await one<{ id: string }>(sql`select id from dialogue_meeting where held_on = '2025-03-18'`)).id;
    const url = `${LIST}/${id}`;
    const before = await counts();
    for (const [areaText, message] of [
      ["", "Skriv vad som ska utvecklas"], ["x".repeat(200_000), "Texten är för lång (högst 500 tecken)"],
      ["Följ upp ärendet 19121212-1212", "Texten innehåller ett personnummer"],
    ] as const) {
      const res = await coordinator.submit(url, `${url}/utvecklingsomraden`, { areaText });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#areaText"');
      expect(text(res.body)).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for an unknown or malformed meeting id", async () => {
    expect((await reader.get(`${LIST}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await reader.get(`${LIST}/inte-ett-id`)).statusCode).toBe(404);
  });
});

describe("who may", () => {
  it("sends anonymous visitors to log in", async () => {
    const res = await app.inject({ method: "GET", url: LIST });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("/logga-in");
  });

  it("lets readers and organisation editors read but answers 403 to every write, changing nothing", async () => {
    const id = (await one<{ id: string }>(sql`select id from dialogue_meeting where held_on = '2025-03-18'`)).id;
    const url = `${LIST}/${id}`;
    const area = (await one<{ id: string }>(sql`select id from development_area where dialogue_meeting_id = ${id} order by position limit 1`)).id;
    const editor = new Session(app);
    await editor.logIn("asf.redaktor@malmo.example");
    const before = await counts();
    for (const who of [reader, editor]) {
      expect((await who.get(url)).statusCode).toBe(200);
      expect((await who.get(NEW)).statusCode).toBe(403);
      const token = Session.tokenIn((await who.get(url)).body);
      const posts: Array<[string, Record<string, string | string[]>]> = [
        [NEW, meetingForm()],
        [url, { ...meetingForm(), version: "1" }],
        [`${url}/utvecklingsomraden`, { areaText: "Kapat utvecklingsområde" }],
        [`${url}/utvecklingsomraden/${area}/till-behov`, { version: "1", goalId: goal3 }],
        [`${url}/utvecklingsomraden/${area}/ta-bort`, { version: "1" }],
      ];
      for (const [action, form] of posts) expect((await who.post(action, { _csrf: token, ...form })).statusCode, action).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
