// The feeds are read back with ical.js, an independent iCalendar reader, as a subscribing calendar would.
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildCalendar, calendarFileName } from "./ics.ts";
import { instantOf } from "../wheel/recurrence.ts";

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents("vtimezone");
  for (const z of zones) ICAL.TimezoneService.register(z);
  return { root, events: root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const series = {
  uid: "meeting-1@samverka", title: "Samordningsgruppen, möte", description: "Dagordning: uppföljning; kampanj, planering", location: "Stadshuset, sal 3",
  allDay: false as const, start: instantOf("2027-02-10", "10:00"), end: instantOf("2027-02-10", "12:00"), rrule: "FREQ=MONTHLY;INTERVAL=2;COUNT=5",
};

describe("buildCalendar", () => {
  it("writes timed events in Stockholm time with a VTIMEZONE, and keeps the recurrence as an RRULE", () => {
    const text = buildCalendar({ name: "Årshjul", entries: [series] }, new Date("2026-12-07T16:00:00Z"));
    expect(text).toContain("DTSTART;TZID=Europe/Stockholm:20270210T100000");
    expect(text).toMatch(/^DTSTAMP:20261207T160000Z\r?$/m);
    const { root, events } = parse(text);
    const zone = root.getFirstSubcomponent("vtimezone")!;
    expect(zone.getFirstPropertyValue("tzid")).toBe("Europe/Stockholm");
    const [event] = events;
    expect(event!.summary).toBe("Samordningsgruppen, möte");
    expect(event!.description).toBe("Dagordning: uppföljning; kampanj, planering");
    expect(event!.location).toBe("Stadshuset, sal 3");
    expect(event!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(event!.startDate.zone!.tzid).toBe("Europe/Stockholm");
    expect(event!.startDate.toJSDate().toISOString()).toBe("2027-02-10T09:00:00.000Z");
    expect(event!.isRecurring()).toBe(true);
    expect(String(event!.component.getFirstPropertyValue("rrule"))).toBe("FREQ=MONTHLY;COUNT=5;INTERVAL=2");
    const it = event!.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    // June is summer time: 10:00 in Stockholm is 08:00 UTC.
    expect(starts).toEqual(["2027-02-10T09:00:00.000Z", "2027-04-10T08:00:00.000Z", "2027-06-10T08:00:00.000Z", "2027-08-10T08:00:00.000Z", "2027-10-10T08:00:00.000Z"]);
  });

  it("writes all-day events as dates with the day after as end, and a changed occurrence with RECURRENCE-ID", () => {
    const text = buildCalendar({
      name: "Grupp",
      entries: [
        { uid: "event-1@samverka", title: "Grundutbildning", allDay: true, startDate: "2027-03-15", endDate: "2027-03-16", rrule: "FREQ=YEARLY;BYMONTH=3,9", categories: ["Utbildning"] },
        series,
        { ...series, title: "Samordningsgruppen, flyttat", start: instantOf("2027-04-12", "13:00"), end: instantOf("2027-04-12", "15:00"), rrule: null, recurrenceStart: instantOf("2027-04-10", "10:00") },
      ],
    });
    const { events } = parse(text);
    const day = events.find((e) => e.uid === "event-1@samverka")!;
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe("2027-03-15");
    expect(day.endDate.toString()).toBe("2027-03-17");
    expect(day.component.getFirstPropertyValue("categories")).toBe("Utbildning");
    const moved = events.find((e) => e.isRecurrenceException())!;
    expect(moved.uid).toBe("meeting-1@samverka");
    expect(moved.recurrenceId.toJSDate().toISOString()).toBe("2027-04-10T08:00:00.000Z");
    expect(moved.startDate.toJSDate().toISOString()).toBe("2027-04-12T11:00:00.000Z");
  });

  it("marks a cancelled event and names downloads plainly", () => {
    const text = buildCalendar({ name: "x", entries: [{ ...series, cancelled: true }] });
    expect(parse(text).events[0]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(calendarFileName("Samordningsgruppen 10 februari: möte")).toBe("samordningsgruppen-10-februari-mote.ics");
  });
});
