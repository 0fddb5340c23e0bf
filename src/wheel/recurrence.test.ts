import { describe, expect, it } from "vitest";
import { datesInWindow, instantOf, isEndless, localParts, meetingOccurrences, normaliseRule, untilValue } from "./recurrence.ts";
import { choiceFromRule, describeRule, ruleFromChoice } from "./recurrence-choice.ts";

describe("normaliseRule", () => {
  it("accepts the rules of the year and stores them as the library writes them", () => {
    expect(normaliseRule("RRULE:freq=yearly;bymonth=3,9")).toEqual({ rule: "FREQ=YEARLY;BYMONTH=3,9" });
    expect(normaliseRule("FREQ=MONTHLY;INTERVAL=2")).toEqual({ rule: "FREQ=MONTHLY;INTERVAL=2" });
  });
  it("refuses what is not a rule, a start of its own and more often than daily", () => {
    expect(normaliseRule("every other month")).toEqual({ problem: "recurrence.invalid" });
    expect(normaliseRule("DTSTART:20270101\nRRULE:FREQ=DAILY")).toEqual({ problem: "recurrence.invalid" });
    expect(normaliseRule("FREQ=HOURLY")).toEqual({ problem: "recurrence.tooFrequent" });
    expect(normaliseRule("FREQ=WEEKLY;INTERVAL=0")).toEqual({ problem: "recurrence.invalid" });
  });
  it("knows a rule without COUNT or UNTIL never ends", () => {
    expect(isEndless("FREQ=MONTHLY")).toBe(true);
    expect(isEndless("FREQ=MONTHLY;COUNT=4")).toBe(false);
  });
});

describe("datesInWindow", () => {
  it("expands twice a year, March and September, within a year", () => {
    expect(datesInWindow("2026-03-10", "FREQ=YEARLY;BYMONTH=3,9", "2027-01-01", "2027-12-31")).toEqual({ dates: ["2027-03-10", "2027-09-10"], capped: false });
  });
  it("caps a rule that never ends", () => {
    const { dates, capped } = datesInWindow("2027-01-01", "FREQ=DAILY", "2027-01-01", "2027-12-31", 60);
    expect(dates).toHaveLength(60);
    expect(capped).toBe(true);
  });
  it("gives a date without a rule only inside the window", () => {
    expect(datesInWindow("2027-05-01", null, "2027-01-01", "2027-12-31").dates).toEqual(["2027-05-01"]);
    expect(datesInWindow("2028-05-01", null, "2027-01-01", "2027-12-31").dates).toEqual([]);
  });
});

describe("meeting occurrences", () => {
  it("keep the wall-clock time across summer time", () => {
    const start = instantOf("2027-02-10", "10:00");
    expect(start.toISOString()).toBe("2027-02-10T09:00:00.000Z");
    const { occurrences } = meetingOccurrences(start, instantOf("2027-02-10", "12:00"), "FREQ=MONTHLY;INTERVAL=2;COUNT=4", new Date("2027-01-01T00:00:00Z"), new Date("2028-01-01T00:00:00Z"));
    expect(occurrences.map((o) => localParts(o.start))).toEqual([
      { date: "2027-02-10", time: "10:00" }, { date: "2027-04-10", time: "10:00" }, { date: "2027-06-10", time: "10:00" }, { date: "2027-08-10", time: "10:00" },
    ]);
    expect(occurrences[1]!.start.toISOString()).toBe("2027-04-10T08:00:00.000Z");
    expect(occurrences.every((o) => o.end.getTime() - o.start.getTime() === 2 * 3_600_000)).toBe(true);
  });
  it("writes UNTIL as a date for days and as UTC for timed rules", () => {
    expect(untilValue("2027-12-31", false)).toBe("20271231");
    expect(untilValue("2027-12-31", true)).toBe("20271231T225900Z");
  });
});

describe("recurrence choices", () => {
  const words = {
    t: (key: string, v?: Record<string, string | number>) => `${key}${v ? JSON.stringify(v) : ""}`,
    monthNames: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    formatDate: (d: string) => d,
  };
  it("turn a named pattern into a rule and back", () => {
    const made = ruleFromChoice({ repeat: "yearly", months: [9, 3], until: "2028-12-31", rule: "" }, false);
    expect(made).toEqual({ rule: "FREQ=YEARLY;BYMONTH=3,9;UNTIL=20281231T000000Z" });
    expect(choiceFromRule("FREQ=YEARLY;BYMONTH=3,9;UNTIL=20281231T000000Z")).toEqual({ repeat: "yearly", months: [3, 9], until: "2028-12-31", rule: "" });
    expect(choiceFromRule("FREQ=MONTHLY;INTERVAL=2")).toEqual({ repeat: "bimonthly", months: [], until: "", rule: "" });
    expect(choiceFromRule("FREQ=YEARLY;BYMONTH=3,9")).toMatchObject({ repeat: "yearly", months: [3, 9] });
    expect(describeRule("FREQ=YEARLY;BYMONTH=3,9", words)).toBe('recurrence.yearlyIn{"months":"mars recurrence.and september"}');
  });
  it("name the field that is wrong", () => {
    expect(ruleFromChoice({ repeat: "custom", months: [], until: "", rule: "FREQ=SECONDLY" }, true)).toEqual({ problem: { field: "rule", key: "recurrence.tooFrequent" } });
    expect(ruleFromChoice({ repeat: "monthly", months: [], until: "31/12", rule: "" }, true)).toEqual({ problem: { field: "until", key: "form.dateInvalid" } });
  });
});
