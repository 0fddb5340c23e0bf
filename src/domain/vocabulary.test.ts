// The plan's own words and numbering: labels per language and count, suggested numbers, sort order, schema limits.
import { describe, expect, it } from "vitest";
import { compareMeasureNumbers, planVocabularySchema, suggestMeasureNumber, vocabularyLabel, type PlanVocabulary } from "./vocabulary.ts";

const exempelby: PlanVocabulary = {
  goal: { sv: { one: "Fokusområde", other: "Fokusområden" }, en: { one: "Focus area", other: "Focus areas" } },
  measure: { sv: { one: "Åtgärd", other: "Åtgärder" } },
  numbering: "{goal}:{n}",
  strategyIntro: { sv: "Genom att" },
  prerequisites: { sv: "Detta behöver finnas på plats" },
};

describe("vocabularyLabel", () => {
  it("gives the plan's word in the reader's language and number", () => {
    expect(vocabularyLabel(exempelby, "goal", "sv")).toBe("Fokusområde");
    expect(vocabularyLabel(exempelby, "goal", "sv", "other")).toBe("Fokusområden");
    expect(vocabularyLabel(exempelby, "goal", "en", "other")).toBe("Focus areas");
  });

  it("falls back to Swedish where the plan has no English word", () => {
    expect(vocabularyLabel(exempelby, "measure", "en")).toBe("Åtgärd");
    expect(vocabularyLabel(exempelby, "measure", "en", "other")).toBe("Åtgärder");
  });
});

describe("suggestMeasureNumber", () => {
  it("takes the first free number under the goal, with the plan's separator", () => {
    expect(suggestMeasureNumber("{goal}:{n}", "2", [])).toBe("2:1");
    expect(suggestMeasureNumber("{goal}:{n}", "2", ["2:1", "2:2", "1:3"])).toBe("2:3");
    expect(suggestMeasureNumber("{goal}.{n}", "1", ["1.1", "1.2", "1.3", "1.4"])).toBe("1.5");
  });

  it("fills a gap left by a removed number before going past the end", () => {
    expect(suggestMeasureNumber("{goal}.{n}", "3", ["3.1", "3.3"])).toBe("3.2");
  });

  it("does not mistake another goal's numbers for this goal's", () => {
    expect(suggestMeasureNumber("{goal}.{n}", "1", ["11.1", "1.10"])).toBe("1.1");
  });

  it("numbers through the plan when the pattern has no goal part", () => {
    expect(suggestMeasureNumber("A{n}", "4", ["A1", "A2"])).toBe("A3");
  });

  it("suggests nothing for free numbering", () => {
    expect(suggestMeasureNumber("free", "1", ["1.1"])).toBeNull();
  });
});

describe("compareMeasureNumbers", () => {
  it("sorts numerically within and across goals, unnumbered last", () => {
    const sorted = ["1.10", null, "2.1", "1.2", "1.1", "10.1"].sort(compareMeasureNumbers);
    expect(sorted).toEqual(["1.1", "1.2", "1.10", "2.1", "10.1", null]);
    expect(["2:1", "1:9", "1:10"].sort(compareMeasureNumbers)).toEqual(["1:9", "1:10", "2:1"]);
  });
});

describe("planVocabularySchema", () => {
  it("accepts a plan's words and refuses empty or overlong ones", () => {
    expect(planVocabularySchema.safeParse(exempelby).success).toBe(true);
    const empty = { ...exempelby, goal: { sv: { one: "", other: "Mål" } } };
    expect(planVocabularySchema.safeParse(empty).success).toBe(false);
    const long = { ...exempelby, measure: { sv: { one: "x".repeat(61), other: "y" } } };
    expect(planVocabularySchema.safeParse(long).success).toBe(false);
  });
});
