// The annual wheel over HTTP: the demo's wheel and list (public without meetings, internal with them), the public
// calendar feed read back with ical.js, the PNG and PDF, events and categories added and changed by a coordinator,
// and every bad input with its message and nothing half-saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { queryRows, type Database } from "../../src/db/client.ts";
import { createAppState } from "../../src/web/app-state.ts";
import { buildApp } from "../../src/web/server.ts";
import { openTestDatabase } from "../support/db.ts";
import { Session } from "../support/browser-session.ts";

let database: Database;
let app: FastifyInstance;
let coordinator: Session;
let reader: Session;
let anonymous: Session;
const categories: Record<string, string> = {};

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(database.db, query))[0]!;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
const count = async (table: string) => (await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)).n;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  app = await buildApp(createAppState(database, { publicUrl: "https://samverka.example" }), { logger: false });
  for (const row of await queryRows<{ key: string; id: string }>(database.db, sql`select c.key, c.id from wheel_category c join workspace w on w.id = c.workspace_id where w.slug = 'malmo'`)) {
    categories[row.key] = row.id;
  }
  coordinator = new Session(app);
  await coordinator.logIn("samordnare@malmo.example");
  reader = new Session(app);
  await reader.logIn("lasare@malmo.example");
  anonymous = new Session(app);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const eventForm = (over: Record<string, string | string[]> = {}) => ({
  title: "Föreläsning om hedersrelaterat våld", categoryId: categories.training!, when: "date", startsOn: "2027-02-03", endsOn: "", month: "",
  repeat: "none", repeatMonths: [] as string[], recurrenceUntil: "", recurrenceRule: "", description: "", version: "0", ...over,
});

describe("the demo's wheel", () => {
  it("shows the public the year as a list by month and a wheel, with events and deadlines but no meetings", async () => {
    const list = await anonymous.get("/malmo/arshjul/lista?ar=2027");
    expect(list.statusCode).toBe(200);
    const shown = text(list.body);
    for (const month of ["Januari", "Mars", "September", "December"]) expect(shown.toLowerCase()).toContain(month.toLowerCase());
    expect(shown).toContain("Basutbildning om våld i nära relationer");
    expect(shown).toContain("Varje år i mars och september");
    expect(shown).toContain("Dialogmöten med förvaltningarna"); // every other year from 2025: 2027 has it
    expect(shown).not.toContain("Samordningsgruppen, kl.");
    const wheel = await anonymous.get("/malmo/arshjul?ar=2027");
    expect(wheel.statusCode).toBe(200);
    expect(wheel.body).toMatch(/<svg [^>]*role="group"[^>]*aria-labelledby="arshjul-title"/);
    expect(wheel.body).toContain('href="https://samverka.example/malmo/arshjul/kalender.ics"');
    // An event without a page of its own links to its entry in the list.
    expect(wheel.body).toMatch(/<a href="\/malmo\/arshjul\/lista\?ar=2027#e-[0-9a-f-]+"/);
    // Training twice, one each for the intro, workshop, women's day, campaign week, Orange Day, the dialogue meetings
    // (every other year from 2025), the two reports and the statistics, and two revisions: 13 (no round ends in 2027).
    const marks = wheel.body.match(/class="wheel-mark"/g) ?? [];
    expect(marks.length).toBe(13);
  });

  it("shows people with a role the groups' meetings too, linked to their pages", async () => {
    const list = await reader.get("/malmo/arshjul/lista?ar=2027");
    const shown = text(list.body);
    expect(shown).toContain("Samordningsgruppen, kl. 09:30");
    expect(shown).toContain("Styrgruppen, kl. 13:00");
    // The coordination group meets every other month from February 2025: six times in 2027.
    expect(shown.match(/Samordningsgruppen, kl\. 09:30/g)).toHaveLength(6);
    expect(list.body).toMatch(/href="\/malmo\/grupper\/samordningsgruppen\/moten\/[0-9a-f-]{36}\/tillfallen\/2027-02-12T09-30"/);
  });

  it("filters by category, in the list and on the wheel", async () => {
    const list = await anonymous.get("/malmo/arshjul/lista?ar=2027&kategori=campaigns");
    const shown = text(list.body);
    expect(shown).toContain("Orange Day – 16 dagar mot våld");
    expect(shown).not.toContain("Basutbildning om våld");
    expect(list.body).toMatch(/value="campaigns" checked=""|value="campaigns" checked/);
    const wheel = await anonymous.get("/malmo/arshjul?ar=2027&kategori=campaigns&kategori=nonsense");
    expect((wheel.body.match(/class="wheel-mark"/g) ?? []).length).toBe(3);
  });

  it("answers a year out of range or a malformed one with the current year, not an error", async () => {
    const res = await anonymous.get("/malmo/arshjul/lista?ar=abc");
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain(`Årshjul ${new Date().getFullYear()}`);
  });
});

describe("downloads and the public feed", () => {
  it("gives the wheel as a PNG and as a landscape PDF with the list by month", async () => {
    const png = await anonymous.get("/malmo/arshjul/arshjul.png?ar=2027");
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect(png.rawPayload.readUInt32BE(16)).toBe(2400);
    const pdf = await anonymous.get("/malmo/arshjul/arshjul.pdf?ar=2027");
    expect(pdf.statusCode).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: false }).promise;
    const first = await doc.getPage(1);
    const [, , w, h] = first.view;
    expect(w!).toBeGreaterThan(h!);
    let all = "";
    for (let i = 1; i <= doc.numPages; i++) all += ` ${((await (await doc.getPage(i)).getTextContent()).items as Array<{ str: string }>).map((x) => x.str).join(" ")}`;
    expect(all).toContain("Årshjul 2027");
    expect(all).toContain("Orange Day");
    expect(all).toContain("Rapport till kommunstyrelsen");
  });

  it("publishes a feed with the events, their rules, the deadlines of published rounds, and no meetings", async () => {
    const res = await anonymous.get("/malmo/arshjul/kalender.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    const root = new ICAL.Component(ICAL.parse(res.body));
    expect(root.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/Stockholm");
    const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const training = events.find((e) => e.summary === "Basutbildning om våld i nära relationer")!;
    expect(String(training.component.getFirstPropertyValue("rrule"))).toBe("FREQ=YEARLY;BYMONTH=3,9");
    expect(training.startDate.isDate).toBe(true);
    const it = training.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 4; next = it.next()) dates.push(next.toString());
    expect(dates).toEqual(["2025-03-19", "2025-09-19", "2026-03-19", "2026-09-19"]);
    const monthOnly = events.find((e) => e.summary === "Rapport till kommunstyrelsen")!;
    expect(String(monthOnly.component.getFirstPropertyValue("rrule"))).toBe("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1");
    expect(events.some((e) => e.summary.startsWith("Sista dag:"))).toBe(true);
    expect(events.some((e) => e.summary === "Samordningsgruppen")).toBe(false);
  });

  it("has no public feed or wheel for a workspace without a published plan", async () => {
    await database.db.execute(sql`update plan set published = false where slug = 'tryggare-exempelby'`);
    try {
      expect((await anonymous.get("/exempelby/arshjul/kalender.ics")).statusCode).toBe(404);
      expect((await anonymous.get("/exempelby/arshjul")).statusCode).toBe(404);
    } finally {
      await database.db.execute(sql`update plan set published = true where slug = 'tryggare-exempelby'`);
    }
  });
});

describe("changing the wheel", () => {
  it("lets a coordinator add a recurring event, which shows on the wheel, the list and as a calendar file", async () => {
    const res = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ repeat: "yearly", repeatMonths: ["2", "8"], description: "För chefer & medarbetare" }));
    expect(res.statusCode).toBe(303);
    const row = await one<{ id: string; rrule: string; starts_on: string }>(sql`select id, rrule, starts_on::text from wheel_event where title = 'Föreläsning om hedersrelaterat våld'`);
    expect(row.rrule).toBe("FREQ=YEARLY;BYMONTH=2,8");
    const list = text((await coordinator.get("/malmo/arshjul/lista?ar=2028")).body);
    expect(list.match(/Föreläsning om hedersrelaterat våld/g)).toHaveLength(2);
    const ics = await anonymous.get(`/malmo/arshjul/handelser/${row.id}/kalender.ics`);
    expect(ics.headers["content-disposition"]).toContain('filename="forelasning-om-hedersrelaterat-vald.ics"');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent("vevent")!);
    expect(event.description).toBe("För chefer & medarbetare");
    expect(String(event.component.getFirstPropertyValue("rrule"))).toBe("FREQ=YEARLY;BYMONTH=2,8");
    expect((await coordinator.get(`/malmo/arshjul/handelser/${row.id}`)).body).toContain(`/malmo/arshjul/handelser/${row.id}/kalender.ics`);
    // An event with only a month has no day to put in a calendar: no download offered, and none answered.
    const monthOnly = (await one<{ id: string }>(sql`select id from wheel_event where title = 'Rapport till kommunstyrelsen'`)).id;
    expect((await coordinator.get(`/malmo/arshjul/handelser/${monthOnly}`)).body).not.toContain("kalender.ics");
    expect((await anonymous.get(`/malmo/arshjul/handelser/${monthOnly}/kalender.ics`)).statusCode).toBe(404);
  });

  it("refuses an end before the start, a month-only event without a month, and a rule that never happens, saving nothing", async () => {
    const before = await count("wheel_event");
    const backwards = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ startsOn: "2027-05-10", endsOn: "2027-05-01" }));
    expect(backwards.statusCode).toBe(400);
    expect(text(backwards.body)).toContain("Slutdatumet kan inte vara före startdatumet");
    const noMonth = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ when: "month", month: "13" }));
    expect(text(noMonth.body)).toContain("Välj en månad.");
    const never = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ repeat: "monthly", recurrenceUntil: "2027-01-01" }));
    expect(text(never.body)).toContain("Med den regeln och det datumet blir det aldrig av.");
    const hourly = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ repeat: "custom", recurrenceRule: "FREQ=HOURLY" }));
    expect(text(hourly.body)).toContain("Högst en gång om dagen");
    const personnummer = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ description: "Gäller 19121212-1212" }));
    expect(personnummer.statusCode).toBe(400);
    expect(await count("wheel_event")).toBe(before);
  });

  it("caps an endless daily rule on the wheel and says so", async () => {
    const res = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ title: "Daglig avstämning", startsOn: "2027-01-01", repeat: "custom", recurrenceRule: "FREQ=DAILY" }));
    expect(res.statusCode).toBe(303);
    const list = text((await coordinator.get("/malmo/arshjul/lista?ar=2027")).body);
    expect(list.match(/Daglig avstämning/g)!.length).toBe(61); // 60 shown + the notice
    expect(list).toContain("Några händelser upprepas så ofta att bara de första visas: Daglig avstämning.");
    const id = (await one<{ id: string }>(sql`select id from wheel_event where title = 'Daglig avstämning'`)).id;
    expect((await coordinator.submit(`/malmo/arshjul/handelser/${id}`, `/malmo/arshjul/handelser/${id}/ta-bort`, {})).statusCode).toBe(303);
    expect(text((await coordinator.get("/malmo/arshjul/lista?ar=2027")).body)).not.toContain("Daglig avstämning");
    expect((await one<{ archived: boolean }>(sql`select archived_at is not null as archived from wheel_event where id = ${id}`)).archived).toBe(true);
  });

  it("archives a category that events use instead of removing it, and removes an unused one", async () => {
    const used = categories.revision!;
    const res = await coordinator.submit("/malmo/arshjul/kategorier", `/malmo/arshjul/kategorier/${used}/ta-bort`, {});
    expect(res.statusCode).toBe(303);
    const page = text((await coordinator.get("/malmo/arshjul/kategorier")).body);
    expect(page).toContain("Kategorin används av 2 händelser och är därför arkiverad, inte borttagen.");
    expect((await one<{ archived: boolean }>(sql`select archived_at is not null as archived from wheel_category where id = ${used}`)).archived).toBe(true);
    // Its events stay on the wheel; a new event cannot choose it.
    expect(text((await anonymous.get("/malmo/arshjul/lista?ar=2027")).body)).toContain("Revidering av rutinen vid våld i nära relation");
    const refused = await coordinator.submit("/malmo/arshjul/handelser/ny", "/malmo/arshjul/handelser/ny", eventForm({ categoryId: used }));
    expect(text(refused.body)).toContain("Välj en kategori.");
    await coordinator.submit("/malmo/arshjul/kategorier", `/malmo/arshjul/kategorier/${used}/aterstall`, {});
    expect((await one<{ archived: boolean }>(sql`select archived_at is not null as archived from wheel_category where id = ${used}`)).archived).toBe(false);

    const created = await coordinator.submit("/malmo/arshjul/kategorier", "/malmo/arshjul/kategorier", { name: "Temadagar", colour: "#117733" });
    expect(created.statusCode).toBe(303);
    const bad = await coordinator.submit("/malmo/arshjul/kategorier", "/malmo/arshjul/kategorier", { name: "Temadagar", colour: "grön" });
    expect(text(bad.body)).toContain("Det finns redan en kategori med det namnet.");
    expect(text(bad.body)).toContain("Ange en färg som #rrggbb");
    const id = (await one<{ id: string }>(sql`select id from wheel_category where name = 'Temadagar'`)).id;
    await coordinator.submit("/malmo/arshjul/kategorier", `/malmo/arshjul/kategorier/${id}/ta-bort`, {});
    expect(await one<{ n: number }>(sql`select count(*)::int as n from wheel_category where id = ${id}`)).toEqual({ n: 0 });
  });

  it("keeps the wheel's forms to coordinators and administrators", async () => {
    expect((await reader.get("/malmo/arshjul/handelser/ny")).statusCode).toBe(403);
    expect((await anonymous.get("/malmo/arshjul/kategorier")).statusCode).toBe(303);
    const wheel = await reader.get("/malmo/arshjul");
    expect(wheel.body).not.toContain("/malmo/arshjul/handelser/ny");
  });
});
