// The defaults a new plan starts with: valid by the same rules the forms apply, complete, and distinguishable.
import { describe, expect, it } from "vitest";
import { ACTIVITY_PHASES, DEFAULT_STATUSES, DEFAULT_TAXONOMIES, DEFAULT_VOCABULARY, STATUS_MEANINGS } from "./plan-defaults.ts";
import { planVocabularySchema, vocabularyLabel } from "./vocabulary.ts";
import { numberingExample, numberingPatternProblem } from "./numbering-pattern.ts";
import { keyFromName } from "./derived-key.ts";

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies. */
const OKABE_ITO = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"];
const NEUTRAL_GREY = "#9e9e9e";

describe("the default vocabulary", () => {
  it("passes the vocabulary schema and speaks of Inriktningsmål and Aktiviteter numbered 2.3", () => {
    expect(planVocabularySchema.safeParse(DEFAULT_VOCABULARY).success).toBe(true);
    expect(vocabularyLabel(DEFAULT_VOCABULARY, "goal", "sv", "other")).toBe("Inriktningsmål");
    expect(vocabularyLabel(DEFAULT_VOCABULARY, "measure", "sv", "other")).toBe("Aktiviteter");
    expect(vocabularyLabel(DEFAULT_VOCABULARY, "measure", "en")).toBe("Activity");
    expect(numberingPatternProblem(DEFAULT_VOCABULARY.numbering)).toBeNull();
    expect(numberingExample(DEFAULT_VOCABULARY.numbering)).toBe("2.3");
    expect(DEFAULT_VOCABULARY.strategyIntro.sv).toBe("Genom att");
    expect(DEFAULT_VOCABULARY.prerequisites.sv).toBe("Detta behöver finnas på plats");
  });
});

describe("the default statuses", () => {
  it("are the five of the plan, in order, each with a meaning and a phase", () => {
    expect(DEFAULT_STATUSES.map((s) => s.name)).toEqual([
      "Ej påbörjad", "Påbörjad – planering/kartläggning", "Pågående – testas operativt", "Slutförd – del av ordinarie verksamhet", "Avbruten",
    ]);
    expect(DEFAULT_STATUSES.map((s) => s.phase)).toEqual(["planned", "under_development", "ongoing", "completed", "cancelled"]);
    for (const s of DEFAULT_STATUSES) {
      expect(STATUS_MEANINGS).toContain(s.meaning);
      expect(ACTIVITY_PHASES).toContain(s.phase);
      expect(s.nameEn.length).toBeGreaterThan(0);
    }
    expect(new Set(DEFAULT_STATUSES.map((s) => s.meaning))).toEqual(new Set(STATUS_MEANINGS));
  });

  it("have unique keys and distinct colour-vision safe colours written #rrggbb", () => {
    expect(new Set(DEFAULT_STATUSES.map((s) => s.key)).size).toBe(DEFAULT_STATUSES.length);
    expect(new Set(DEFAULT_STATUSES.map((s) => s.colour)).size).toBe(DEFAULT_STATUSES.length);
    for (const s of DEFAULT_STATUSES) {
      expect(s.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect([...OKABE_ITO, NEUTRAL_GREY]).toContain(s.colour);
    }
  });
});

describe("the default taxonomies", () => {
  it("hold the kinds of activity, prevention levels, target groups and focus areas the pages look for", () => {
    const keys = DEFAULT_TAXONOMIES.map((t) => t.key);
    for (const key of ["activity_kind", "prevention_level", "target_group", "focus_area"]) expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
    const kind = DEFAULT_TAXONOMIES.find((t) => t.key === "activity_kind")!;
    expect(kind.multiple).toBe(false);
    expect(kind.terms.map((t) => t.name)).toEqual(["Stadsövergripande", "I samverkan", "Verksamhetsspecifik"]);
    expect(DEFAULT_TAXONOMIES.find((t) => t.key === "prevention_level")!.terms.map((t) => t.key)).toEqual(["framjande", "universell", "selektiv", "indikerad"]);
  });

  it("give every term a key unique in its taxonomy, a Swedish and an English name", () => {
    for (const t of DEFAULT_TAXONOMIES) {
      expect(t.terms.length).toBeGreaterThan(1);
      expect(new Set(t.terms.map((x) => x.key)).size).toBe(t.terms.length);
      for (const x of t.terms) {
        expect(x.key).toMatch(/^[a-z0-9_-]+$/);
        expect(x.name.trim()).not.toBe("");
        expect(x.nameEn.trim()).not.toBe("");
      }
    }
  });
});

describe("keys from names", () => {
  it("folds Swedish letters and punctuation into a-z, digits and hyphens", () => {
    expect(keyFromName("Påbörjad – planering/kartläggning")).toBe("paborjad-planering-kartlaggning");
    expect(keyFromName("  Ej påbörjad!  ")).toBe("ej-paborjad");
    expect(keyFromName("Åtgärd 2:3")).toBe("atgard-2-3");
    expect(keyFromName("–––")).toBe("");
    expect(keyFromName("a".repeat(100)).length).toBe(60);
  });
});
