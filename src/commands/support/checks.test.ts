// The shared field checks: required, limits, the personal-data guard with and without confirmation, dates.
import { describe, expect, it } from "vitest";
import { checkDateRange, checkTexts, isIsoDate, type Problems } from "./checks.ts";

describe("checkTexts", () => {
  it("reports an empty required text, an overlong text and passes good ones", () => {
    const problems = checkTexts(
      [
        { field: "title", value: "  ", max: 300, required: true },
        { field: "description", value: "x".repeat(200_000), max: 20_000 },
        { field: "note", value: "Revideras varje år", max: 200 },
      ],
      false,
    );
    expect(problems).toEqual({ title: { key: "form.required" }, description: { key: "form.tooLong", params: { max: 20_000 } } });
  });

  it("refuses a personnummer even when the person confirms", () => {
    const problems = checkTexts([{ field: "description", value: "Gäller 19121212-1212.", max: 1000 }], true);
    expect(problems.description?.key).toBe("personalData.identityNumber");
  });

  it("lets a likely-personal-data warning through once confirmed", () => {
    const rules = [{ field: "description", value: "Ring 070-123 45 67 om frågor.", max: 1000 }];
    expect(Object.keys(checkTexts(rules, false))).toEqual(["description"]);
    expect(checkTexts(rules, true)).toEqual({});
  });

  it("does not run the guard on fields marked as codes", () => {
    expect(checkTexts([{ field: "number", value: "19121212-1212", max: 40, guarded: false }], false)).toEqual({});
  });
});

describe("dates", () => {
  it("knows which dates exist", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
  });

  it("refuses an end before its start, and dates that do not exist", () => {
    const problems: Problems = {};
    checkDateRange(problems, { field: "start", value: "2026-05-01" }, { field: "end", value: "2026-04-30" });
    expect(problems).toEqual({ end: { key: "form.endBeforeStart" } });
    const more: Problems = {};
    checkDateRange(more, { field: "start", value: "2026-13-01" }, { field: "end", value: "", required: true });
    expect(more).toEqual({ start: { key: "form.dateInvalid" }, end: { key: "form.dateRequired" } });
  });
});
