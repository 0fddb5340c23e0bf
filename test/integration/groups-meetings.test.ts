// Groups and meetings over HTTP: a coordinator makes a group, adds members, plans a single and a recurring meeting
// (an overlap warned about, saved once confirmed), opens one occurrence for minutes and action items; the owner sees
// the item on "Att göra" and marks it done; the minutes as Word (mammoth) and the group's secret calendar feed
// (ical.js) read back; bad input answered at its field with nothing saved; readers read, and only read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import mammoth from "mammoth";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
let coordinator: Session;
let editor: Session;
let reader: Session;
let anonymous: Session;
const ids: Record<string, string> = {};
// Next year, so the meetings are always ahead of the day the test runs.
const Y = new Date().getFullYear() + 1;
const GROUP = "/malmo/grupper/arbetsgruppen-for-skyddat-boende";

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
const TABLES = ["group", "group_member", "meeting", "action_item"];
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, (await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(t)}`)).n] as const)));

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database, { publicUrl: "https://samverka.example" }), { logger: false });
  for (const email of ["asf.redaktor@malmo.example", "asf.godkannare@malmo.example"]) ids[email] = (await one<{ id: string }>(sql`select id from app_user where email = ${email}`)).id;
  ids.asf = (await one<{ id: string }>(sql`select o.id from organisation o join workspace w on w.id = o.workspace_id where w.slug = 'malmo' and o.slug = 'asf'`)).id;
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  editor = new Session(app);
  await editor.logIn("asf.redaktor@malmo.example");
  reader = new Session(app);
  await reader.logIn("lasare@malmo.example");
  anonymous = new Session(app);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const meetingForm = (over: Record<string, string | string[]> = {}) => ({
  title: "Arbetsmöte", date: `${Y}-03-03`, startTime: "10:00", endTime: "12:00", place: "Stadshuset", videoUrl: "", agenda: "1. Läget\n2. Nästa steg",
  repeat: "none", repeatMonths: [] as string[], recurrenceUntil: "", recurrenceRule: "", version: "0", ...over,
});

describe("groups", () => {
  it("lets a coordinator create a group and add a person and a role at an organisation", async () => {
    const created = await coordinator.submit("/malmo/grupper", "/malmo/grupper/ny", { name: "Arbetsgruppen för skyddat boende", kind: "other", description: "Tar fram en gemensam lösning." });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(GROUP);
    const taken = await coordinator.submit("/malmo/grupper", "/malmo/grupper/ny", { name: "arbetsgruppen för skyddat boende", kind: "whatever", description: "" });
    expect(taken.statusCode).toBe(400);
    expect(text(taken.body)).toContain("Det finns redan en grupp med det namnet.");
    expect(text(taken.body)).toContain("Välj ett av alternativen");

    expect((await coordinator.submit(GROUP, `${GROUP}/medlemmar`, { userId: ids["asf.redaktor@malmo.example"]!, organisationId: "", roleTitle: "Sammankallande" })).statusCode).toBe(303);
    expect((await coordinator.submit(GROUP, `${GROUP}/medlemmar`, { userId: "", organisationId: ids.asf!, roleTitle: "Avdelningschef" })).statusCode).toBe(303);
    const before = await counts();
    const noOrg = await coordinator.submit(GROUP, `${GROUP}/medlemmar`, { userId: "", organisationId: "", roleTitle: "Enhetschef" });
    expect(text(noOrg.body)).toContain("Välj organisationen rollen finns vid.");
    const twice = await coordinator.submit(GROUP, `${GROUP}/medlemmar`, { userId: ids["asf.redaktor@malmo.example"]!, organisationId: "", roleTitle: "" });
    expect(text(twice.body)).toContain("Personen är redan medlem.");
    expect(await counts()).toEqual(before);
    const page = text((await reader.get(GROUP)).body);
    expect(page).toContain("Sammankallande, Demo Redaktör ASF");
    expect(page).toContain("Avdelningschef, Arbetsmarknads- och socialförvaltningen");
    expect(page).not.toContain("Lägg till en medlem");
  });
});

describe("meetings", () => {
  it("plans a meeting, warns about one that overlaps it, and saves that one once confirmed", async () => {
    const first = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm());
    expect(first.statusCode).toBe(303);
    const before = await counts();
    const overlapping = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ title: "Extramöte", startTime: "11:00", endTime: "13:00" }));
    expect(overlapping.statusCode).toBe(400);
    expect(text(overlapping.body)).toContain(`Gruppen har redan ett möte då: Arbetsmöte ${Y}-03-03 kl. 10:00.`);
    expect(overlapping.body).toContain('id="confirmOverlap"');
    expect(await counts()).toEqual(before);
    const confirmed = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ title: "Extramöte", startTime: "11:00", endTime: "13:00", confirmOverlap: "1" }));
    expect(confirmed.statusCode).toBe(303);
  });

  it("refuses an end before the start, a time that is none, a link that is not one and a rule that never happens", async () => {
    const before = await counts();
    const res = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ date: `${Y}-05-05`, startTime: "14:00", endTime: "13:00", videoUrl: "javascript:alert(1)" }));
    expect(res.statusCode).toBe(400);
    const shown = text(res.body);
    expect(shown).toContain("Mötet kan inte sluta innan det börjar.");
    expect(shown).toContain("Länken ska vara en webbadress som börjar med https://.");
    const noTime = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ date: `${Y}-05-05`, startTime: "25:00" }));
    expect(text(noTime.body)).toContain("Ange en tid som 09:30.");
    const never = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ date: `${Y}-05-05`, repeat: "weekly", recurrenceUntil: `${Y}-05-01` }));
    expect(text(never.body)).toContain("Med den regeln och det datumet blir det aldrig av.");
    expect(await counts()).toEqual(before);
  });

  it("keeps a recurring meeting as a series, opens one occurrence for minutes and action items, and puts the item on its owner's list", async () => {
    const created = await coordinator.submit(`${GROUP}/moten/ny`, `${GROUP}/moten/ny`, meetingForm({ title: "Gruppmöte", date: `${Y}-01-20`, startTime: "13:00", endTime: "15:00", repeat: "bimonthly" }));
    expect(created.statusCode).toBe(303);
    const series = created.headers.location as string;
    const seriesPage = text((await coordinator.get(series)).body);
    expect(seriesPage).toContain("Varannan månad");
    expect(seriesPage).not.toContain("Spara minnesanteckningarna");
    const occurrence = `${series}/tillfallen/${Y}-07-20T13-00`;
    const virtual = await coordinator.get(occurrence);
    expect(virtual.statusCode).toBe(200);
    expect(text(virtual.body)).toContain("Öppna det här mötet");
    expect((await coordinator.get(`${series}/tillfallen/${Y}-07-21T13-00`)).statusCode).toBe(404);
    const opened = await coordinator.submit(occurrence, occurrence, {});
    expect(opened.statusCode).toBe(303);
    const meeting = opened.headers.location as string;
    expect(meeting).not.toBe(series);
    // Opening again finds the same meeting.
    expect((await coordinator.get(occurrence)).headers.location).toBe(meeting);

    const page = await coordinator.get(meeting);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const refused = await coordinator.submit(meeting, `${meeting}/protokoll`, { version, minutes: "Ärendet gäller 19121212-1212.", decisions: "" });
    // The refusal saved nothing: the version is as it was.
    expect(refused.statusCode).toBe(400);
    expect(text(refused.body)).toContain("personnummer");
    // Moving this one meeting half an hour is no overlap with the series it came from.
    const moved = await coordinator.submit(meeting, meeting, meetingForm({ title: "Gruppmöte", date: `${Y}-07-20`, startTime: "13:30", endTime: "15:30", version }));
    expect(moved.statusCode).toBe(303);
    const movedVersion = String(Number(version) + 1);
    const saved = await coordinator.submit(meeting, `${meeting}/protokoll`, { version: movedVersion, minutes: "Gruppen gick igenom läget för skyddat boende.", decisions: "- Förslaget går vidare till styrgruppen." });
    expect(saved.statusCode).toBe(303);

    const noOwner = await coordinator.submit(meeting, `${meeting}/atgarder`, { itemText: "Skriv förslaget", ownerUserId: "", dueOn: "31/12" });
    expect(text(noOwner.body)).toContain("Välj vem som är ansvarig.");
    expect(text(noOwner.body)).toContain("Ange ett datum som finns");
    const added = await coordinator.submit(meeting, `${meeting}/atgarder`, { itemText: "Skriv ett förslag till styrgruppen", ownerUserId: ids["asf.redaktor@malmo.example"]!, dueOn: `${Y}-08-31` });
    expect(added.statusCode).toBe(303);

    const toDo = await editor.get("/malmo/att-gora");
    expect(text(toDo.body)).toContain("Skriv ett förslag till styrgruppen");
    const itemId = (await one<{ id: string }>(sql`select id from action_item where text = 'Skriv ett förslag till styrgruppen'`)).id;
    expect(text((await coordinator.get(GROUP)).body)).toContain("Skriv ett förslag till styrgruppen");
    // Someone who does not own it may not mark it; its owner may.
    const doneUrl = `${meeting}/atgarder/${itemId}/klar`;
    expect((await reader.submit(meeting, doneUrl, { version: "1", done: "1" })).statusCode).toBe(403);
    const done = await editor.submit("/malmo/att-gora", doneUrl, { version: "1", done: "1", tillbaka: "/malmo/att-gora" });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/malmo/att-gora");
    expect(text((await editor.get("/malmo/att-gora")).body)).not.toContain("Skriv ett förslag till styrgruppen");
    expect(text((await coordinator.get(GROUP)).body)).not.toContain("Skriv ett förslag till styrgruppen");

    const docx = await reader.get(`${meeting}/minnesanteckningar.docx`);
    expect(docx.statusCode).toBe(200);
    const html = (await mammoth.convertToHtml({ buffer: docx.rawPayload })).value;
    expect(html).toContain("Gruppen gick igenom läget för skyddat boende.");
    expect(html).toContain("Skriv ett förslag till styrgruppen");
    expect(html).toContain("Demo Redaktör ASF");
  });

  it("gives the group a secret calendar feed with the series as an RRULE and the opened occurrence as a RECURRENCE-ID, and a new address on request", async () => {
    const page = await coordinator.get(GROUP);
    const feed = /value="https:\/\/samverka\.example(\/malmo\/grupper\/[^"]+\.ics)"/.exec(page.body)![1]!;
    const res = await anonymous.get(feed);
    expect(res.statusCode).toBe(200);
    const root = new ICAL.Component(ICAL.parse(res.body));
    for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const series = events.find((e) => e.summary === "Gruppmöte" && e.isRecurring())!;
    expect(String(series.component.getFirstPropertyValue("rrule"))).toBe("FREQ=MONTHLY;INTERVAL=2");
    expect(series.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(series.startDate.toJSDate().toISOString()).toBe(`${Y}-01-20T12:00:00.000Z`);
    const kept = events.find((e) => e.isRecurrenceException())!;
    expect(kept.uid).toBe(series.uid);
    expect(kept.recurrenceId.toJSDate().toISOString()).toBe(`${Y}-07-20T11:00:00.000Z`);
    // It was moved half an hour: the calendar shows it at its new time in place of the series' one.
    expect(kept.startDate.toJSDate().toISOString()).toBe(`${Y}-07-20T11:30:00.000Z`);
    expect(events.filter((e) => e.summary === "Arbetsmöte")).toHaveLength(1);

    // Downloads: the series with its kept occurrence (one UID), and the kept occurrence by itself.
    const seriesId = (await one<{ id: string }>(sql`select id from meeting where title = 'Gruppmöte' and series_id is null`)).id;
    const keptId = (await one<{ id: string }>(sql`select id from meeting where series_id = ${seriesId}`)).id;
    const download = async (id: string) =>
      new ICAL.Component(ICAL.parse((await reader.get(`${GROUP}/moten/${id}/kalender.ics`)).body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const seriesFile = await download(seriesId);
    expect(seriesFile).toHaveLength(2);
    expect(seriesFile.filter((e) => e.isRecurrenceException())).toHaveLength(1);
    expect(new Set(seriesFile.map((e) => e.uid)).size).toBe(1);
    const keptFile = await download(keptId);
    expect(keptFile).toHaveLength(1);
    expect(keptFile[0]!.recurrenceId.toJSDate().toISOString()).toBe(`${Y}-07-20T11:00:00.000Z`);
    expect((await anonymous.get(`${GROUP}/moten/${keptId}/kalender.ics`)).statusCode).toBe(303);

    expect((await anonymous.get(feed.replace(/\/[^/]+\.ics$/, "/wrong-token-wrong-token-wrong.ics"))).statusCode).toBe(404);
    expect((await coordinator.submit(GROUP, `${GROUP}/kalender/ny-adress`, {})).statusCode).toBe(303);
    expect((await anonymous.get(feed)).statusCode).toBe(404);
    const renewed = /value="https:\/\/samverka\.example(\/malmo\/grupper\/[^"]+\.ics)"/.exec((await coordinator.get(GROUP)).body)![1]!;
    expect(renewed).not.toBe(feed);
    expect((await anonymous.get(renewed)).statusCode).toBe(200);
  });

  it("cancels a meeting (off the wheel, marked in the feed, shown as cancelled on the group page) and reinstates it", async () => {
    const single = (await one<{ id: string; version: number }>(sql`select id, version from meeting where title = 'Arbetsmöte'`));
    const url = `${GROUP}/moten/${single.id}`;
    const wheelList = async () => text((await coordinator.get(`/malmo/arshjul/lista?ar=${Y}`)).body);
    expect(await wheelList()).toContain("Arbetsmöte");
    expect((await reader.submit(url, `${url}/stall-in`, { version: String(single.version), cancel: "1" })).statusCode).toBe(403);
    expect((await coordinator.submit(url, `${url}/stall-in`, { version: String(single.version), cancel: "1" })).statusCode).toBe(303);
    expect(text((await coordinator.get(url)).body)).toContain("Det här mötet är inställt.");
    expect(await wheelList()).not.toContain("Arbetsmöte");
    expect(text((await coordinator.get(GROUP)).body)).toMatch(/Arbetsmöte · .*Inställt|Arbetsmöte Inställt/);
    const feed = /value="https:\/\/samverka\.example(\/malmo\/grupper\/[^"]+\.ics)"/.exec((await coordinator.get(GROUP)).body)![1]!;
    const events = new ICAL.Component(ICAL.parse((await anonymous.get(feed)).body)).getAllSubcomponents("vevent");
    expect(events.find((v) => v.getFirstPropertyValue("summary") === "Arbetsmöte")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    // A cancelled occurrence of a series stays replaced: the series' own one at that time does not come back.
    const kept = await one<{ id: string; version: number }>(sql`select id, version from meeting where series_id is not null and title = 'Gruppmöte'`);
    await coordinator.submit(`${GROUP}/moten/${kept.id}`, `${GROUP}/moten/${kept.id}/stall-in`, { version: String(kept.version), cancel: "1" });
    expect(await wheelList()).not.toMatch(/20 juli, kl\. 13/);
    expect(await wheelList()).toMatch(/20 september, kl\. 13:00 Gruppmöte/);
    // Taken back: on the wheel again.
    expect((await coordinator.submit(url, `${url}/stall-in`, { version: String(single.version + 1), cancel: "0" })).statusCode).toBe(303);
    expect(await wheelList()).toContain("Arbetsmöte");
  });

  it("lets everyone with a role read groups and meetings, and nobody else", async () => {
    expect((await reader.get("/malmo/grupper")).statusCode).toBe(200);
    expect(text((await reader.get("/malmo/grupper")).body)).not.toContain("Skapa gruppen");
    expect((await anonymous.get("/malmo/grupper")).statusCode).toBe(303);
    expect((await reader.get(`${GROUP}/moten/ny`)).statusCode).toBe(403);
  });
});
