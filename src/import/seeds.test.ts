// The recogniser on the real public documents in ../shared/seeds (read by the readers, no target plan): the plan text
// (vision and six unnumbered goals with their "Genom att" blocks, the whole text there twice), ASF's action plan
// (activities under the six goals with their kinds) and the OCR'd follow-up (Aktivitet 1.1 … 6.2 with their follow-up
// texts, suggested statuses and figures, 85 parent courses among them). Skipped, visibly, where the folder is absent.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAndRecognise } from "./read-and-recognise.ts";

const SEEDS = join(process.cwd(), "..", "shared", "seeds");
const present = existsSync(SEEDS);
if (!present) console.warn(`[seeds] ${SEEDS} is absent: the import tests on the seed documents are skipped`);

async function draftOf(file: string) {
  const result = await readAndRecognise(readFileSync(join(SEEDS, file)), file, null, "sv");
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.stored.draft;
}

describe.skipIf(!present)("the seed documents", () => {
  it("reads the plan's vision and its six goals with their strategies, and the doubled text once", async () => {
    const draft = await draftOf("malmo-plan-fri-fran-vald-2022-2026.txt");
    expect(draft.kind).toBe("plan");
    expect(draft.vision).toMatch(/^I Malmö blir ingen utsatt för våld och alla får själva bestämma över sitt liv och sin kropp/);
    expect(draft.goals.map((g) => g.title)).toEqual([
      "Staden bedriver ett verkningsfullt våldsförebyggande arbete",
      "Staden arbetar aktivt med att förhindra att våld upprepas",
      "Verksamma i staden ska upptäcka våld och kunna agera",
      "Staden erbjuder stöd utifrån den enskildes behov",
      "Stadens arbete bygger på aktuell kunskap och forskning",
      "Stadens arbete sker i samverkan med myndigheter, civilsamhälle och andra relevanta aktörer",
    ]);
    for (const goal of draft.goals) expect(goal.strategies.length, `strategies of goal ${goal.number}`).toBeGreaterThanOrEqual(3);
    expect(draft.goals[0]!.strategies.map((s) => s.title)).toContain("Stärka barns rättigheter");
    expect(draft.warnings.map((w) => w.message)).toContain("Dokumentet innehåller samma text två gånger. Texten lästes in en gång.");
  });

  it("reads ASF's action plan: its activities under the six goals, grouped by kind", async () => {
    const draft = await draftOf("malmo-asf-handlingsplan-2023-2026.md");
    expect(draft.kind).toBe("action-plan");
    expect(draft.goals).toHaveLength(6);
    expect(new Set(draft.measures.map((m) => m.goal))).toEqual(new Set(["1", "2", "3", "4", "5", "6"]));
    expect(new Set(draft.measures.map((m) => m.kind))).toEqual(new Set(["stadsövergripande", "i samverkan", "verksamhetsspecifik"]));
    const goal2 = draft.measures.filter((m) => m.goal === "2");
    expect(goal2.map((m) => m.kind)).toEqual(["stadsövergripande", "i samverkan", "verksamhetsspecifik"]);
    expect(goal2[1]!.title).toBe("Förvaltningen ska nå fler personer som använder våld och motivera dem till att ta emot insatser.");
    expect(goal2[1]!.description).toMatch(/Trygg relation fri från våld/);
  });

  it("reads the OCR'd follow-up: Aktivitet 1.1 to 6.2 with their texts, suggested statuses and figures, and says what it repaired", async () => {
    const draft = await draftOf("malmo-asf-uppfoljning-2024-ocr.txt");
    expect(draft.kind).toBe("follow-up");
    expect(draft.measures.map((m) => m.number)).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "6.1", "6.2"]);
    for (const m of draft.measures) expect(m.followUp, `follow-up of ${m.number}`).toBeTruthy();
    const courses = draft.measures.find((m) => m.number === "1.2")!.figures.find((f) => f.value === 85);
    expect(courses).toMatchObject({ value: 85, baseline: 68 });
    expect(draft.measures.filter((m) => m.status !== null).length).toBeGreaterThanOrEqual(5);
    expect(draft.measures.find((m) => m.number === "4.4")!.status).toBe("completed");
    expect(draft.repairs).toEqual(expect.arrayContaining([expect.objectContaining({ from: "fran", to: "från" }), expect.objectContaining({ from: "Malmé", to: "Malmö" })]));
    // "Aktivitet 1 samverkan" is the group heading "Aktiviteter i samverkan", never a measure numbered 1.
    expect(draft.measures.some((m) => m.number === "1")).toBe(false);
  });
});
