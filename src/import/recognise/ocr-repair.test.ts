// OCR repair with the real Swedish word list (dictionary-sv): broken letters are restored, real words that OCR made
// from others are only changed with the plan's or the document's evidence, clean text is left alone. Our own sentences.
import { describe, expect, it } from "vitest";
import { OcrRepairer, repairBlocks } from "./ocr-repair.ts";
import { swedishWords } from "./swedish-words.ts";

describe("the Swedish word list", () => {
  const words = swedishWords();
  it("knows words, their inflections and two-part compounds, and refuses strings that are no words", () => {
    for (const word of ["våld", "förvaltningen", "själva", "föräldrakurser", "socialförvaltningen", "Malmö", "är"]) expect(words.has(word), word).toBe(true);
    for (const word of ["xqzzy", "abcdefgh", "forvaltningen", "sjiilva", "Malmé", "uppfoljning", "kvallstid"]) expect(words.has(word), word).toBe(false);
  });
});

describe("repairing OCR's words", () => {
  const where = { line: 1 };

  it("restores lost and broken letters and reports each repair", () => {
    const repairer = new OcrRepairer({ planTexts: [], documentTexts: [] });
    const { text, repairs } = repairer.repair("Forvaltningen har f6rstarkt st6det till féraldrar i Malmé.", where);
    expect(text).toBe("Förvaltningen har förstärkt stödet till föräldrar i Malmö.");
    expect(repairs).toContainEqual({ from: "f6rstarkt", to: "förstärkt", where });
    expect(repairs).toContainEqual({ from: "Malmé", to: "Malmö", where });
  });

  it("changes a real word such as 'vald' only when the plan says 'våld' again and again", () => {
    const without = new OcrRepairer({ planTexts: [], documentTexts: [] });
    expect(without.repair("Arbetet mot vald fortsatter.", where).text).toBe("Arbetet mot vald fortsätter.");
    const plan = ["Staden arbetar mot våld.", "Ingen ska utsättas för våld.", "Stöd till den som utsatts för våld i nära relation.", "Planen gäller för hela staden."];
    const withPlan = new OcrRepairer({ planTexts: plan, documentTexts: [] });
    expect(withPlan.repair("Arbetet mot vald fortsatter for alla.", where).text).toBe("Arbetet mot våld fortsätter för alla.");
  });

  it("reads a lone 1 between words as 'i'", () => {
    const repairer = new OcrRepairer({ planTexts: [], documentTexts: [] });
    expect(repairer.repair("Rutinen har integrerats 1 ordinarie arbete sedan 1 maj.", where).text).toBe("Rutinen har integrerats i ordinarie arbete sedan i maj.");
  });

  it("leaves a clean document alone, names the word list does not know included", () => {
    const blocks = [
      { kind: "paragraph" as const, text: "Kulturförvaltningen och Barnahus Sydost samarbetar med Rädda Barnen.", where },
      { kind: "paragraph" as const, text: "Förvaltningen erbjuder utbildning till alla chefer under hösten.", where: { line: 2 } },
    ];
    const result = repairBlocks(blocks, []);
    expect(result.repairs).toEqual([]);
    expect(result.blocks).toEqual(blocks);
  });

  it("repairs a document that reads like OCR, table cells included", () => {
    const blocks = [
      { kind: "paragraph" as const, text: "Forvaltningen ska f6rbattra st6det och uppfoljningen av arbetet mot vald.", where },
      { kind: "tableRow" as const, cells: ["Ansvarig nimnd", "Socialnimnden och kulturnimnden"], where: { line: 2 } },
      { kind: "paragraph" as const, text: "Malmé stad har genomfért utbildningar for personal pa forskolor.", where: { line: 3 } },
    ];
    const result = repairBlocks(blocks, []);
    expect(result.blocks[1]).toMatchObject({ cells: ["Ansvarig nämnd", "Socialnämnden och kulturnämnden"] });
    expect(result.blocks[2]).toMatchObject({ text: "Malmö stad har genomfört utbildningar for personal på förskolor." });
    expect(result.repairs.length).toBeGreaterThanOrEqual(8);
  });
});
