// Numbering patterns: the presets, a plan's own pattern, and what is refused.
import { describe, expect, it } from "vitest";
import { NUMBERING_PRESETS, numberingExample, numberingPatternProblem } from "./numbering-pattern.ts";
import { uniqueKey } from "./derived-key.ts";

describe("numberingPatternProblem", () => {
  it("accepts the presets and a plan's own pattern with {n}", () => {
    for (const p of NUMBERING_PRESETS) expect(numberingPatternProblem(p)).toBeNull();
    expect(numberingPatternProblem("A{goal}-{n}")).toBeNull();
    expect(numberingPatternProblem("{n}")).toBeNull();
  });

  it("refuses a pattern without {n}, an unknown placeholder, an empty or over-long one", () => {
    expect(numberingPatternProblem("{goal}.x")).toBe("missingN");
    expect(numberingPatternProblem("{goal}.{m}")).toBe("unknownPlaceholder");
    expect(numberingPatternProblem("{goal}.{n")).toBe("unknownPlaceholder");
    expect(numberingPatternProblem("{n}}")).toBe("unknownPlaceholder");
    expect(numberingPatternProblem("  ")).toBe("empty");
    expect(numberingPatternProblem(`{n}${"x".repeat(40)}`)).toBe("tooLong");
  });
});

describe("numberingExample", () => {
  it("shows the third measure under goal 2", () => {
    expect(numberingExample("{goal}:{n}")).toBe("2:3");
    expect(numberingExample("{goal}.{n}")).toBe("2.3");
    expect(numberingExample("A{goal}-{n}", "4", 1)).toBe("A4-1");
    expect(numberingExample("free")).toBeNull();
  });
});

describe("uniqueKey", () => {
  it("adds -2, -3 … on a clash", () => {
    expect(uniqueKey("avbruten", new Set())).toBe("avbruten");
    expect(uniqueKey("avbruten", new Set(["avbruten"]))).toBe("avbruten-2");
    expect(uniqueKey("avbruten", new Set(["avbruten", "avbruten-2"]))).toBe("avbruten-3");
  });
});
