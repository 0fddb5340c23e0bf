// The recogniser on three document shapes, written here as the blocks a reader yields: Malmö-like (Inriktningsmål,
// "Aktivitet N.M", kind groups, labelled fields), Södertälje-like (Fokusområde N:, a table of Åtgärd N:M with bulleted
// boards and prevention levels) and a plain numbered list. All text is our own.
import { describe, expect, it } from "vitest";
import type { Block } from "./blocks.ts";
import { recognise, splitNames } from "./recognise.ts";

const messages = { contents: "contents left out", readOnce: "read once", goalFromNumber: "goal from {number}" };
let line = 0;
const h = (text: string, level = 2): Block => ({ kind: "heading", level, text, where: { line: ++line } });
const p = (text: string): Block => ({ kind: "paragraph", text, where: { line: ++line } });
const li = (text: string): Block => ({ kind: "listItem", level: 1, ordered: false, text, where: { line: ++line } });
const row = (...cells: string[]): Block => ({ kind: "tableRow", cells, where: { page: 2, line: ++line } });

describe("a Malmö-like action plan", () => {
  const blocks: Block[] = [
    h("Handlingsplan mot våld för Kulturförvaltningen 2025–2027", 1),
    h("Innehållsförteckning"),
    p("Inledning ........ 3"),
    p("Inriktningsmål 1 – Staden förebygger våld ........ 4"),
    h("Inledning"),
    p("Förvaltningen har tagit fram planen tillsammans med biblioteken och kulturskolan."),
    p("Kommunfullmäktiges vision är att ingen i staden ska behöva leva med våld."),
    h("Inriktningsmål 1 – Staden förebygger våld"),
    p("Genom att:"),
    li("Stärka barns röst"),
    li("Utmana skadliga normer"),
    h("Stadsövergripande aktiviteter", 3),
    p("Aktivitet 1.1: Kulturskolan ska erbjuda normkritiska workshops."),
    p("Beskrivning: Workshopparna riktar sig till elever i årskurs sju."),
    p("Ansvarig: Kulturförvaltningen"),
    p("Preventionsnivå: Universell"),
    h("Aktiviteter i samverkan", 3),
    p("Aktivitet 1.2: Biblioteken ska visa var stöd finns"),
    p("och sprida material på flera språk."),
    p("Medansvarig: Stadsbiblioteket; Fritidsförvaltningen"),
    h("Inriktningsmål 2: Våld upptäcks tidigt"),
    p("Aktivitet 2.1 Personalen ska kunna se tecken på våld."),
    p("Status: Pågående"),
  ];
  const draft = recognise(blocks, { messages });

  it("finds the goals, their strategies and the vision, and leaves out the contents", () => {
    expect(draft.kind).toBe("action-plan");
    expect(draft.title).toBe("Handlingsplan mot våld för Kulturförvaltningen 2025–2027");
    expect(draft.vision).toBe("ingen i staden ska behöva leva med våld.");
    expect(draft.goals.map((g) => [g.number, g.title])).toEqual([["1", "Staden förebygger våld"], ["2", "Våld upptäcks tidigt"]]);
    expect(draft.goals[0]!.strategies.map((s) => s.title)).toEqual(["Stärka barns röst", "Utmana skadliga normer"]);
    expect(draft.warnings.map((w) => w.message)).toContain("contents left out");
  });

  it("finds each measure with its number, goal, kind group and fields", () => {
    expect(draft.measures.map((m) => [m.number, m.goal, m.kind])).toEqual([
      ["1.1", "1", "stadsövergripande"],
      ["1.2", "1", "i samverkan"],
      ["2.1", "2", null],
    ]);
    const [first, second, third] = draft.measures;
    expect(first!.title).toBe("Kulturskolan ska erbjuda normkritiska workshops.");
    expect(first!.description).toBe("Workshopparna riktar sig till elever i årskurs sju.");
    expect(first!.responsible).toEqual(["Kulturförvaltningen"]);
    expect(first!.preventionLevels).toEqual(["Universell"]);
    // A title broken over two blocks is joined.
    expect(second!.title).toBe("Biblioteken ska visa var stöd finns och sprida material på flera språk.");
    expect(second!.coResponsible).toEqual(["Stadsbiblioteket", "Fritidsförvaltningen"]);
    expect(third!.status).toBe("ongoing");
    expect(third!.where.line).toBeGreaterThan(first!.where.line!);
  });

  it("keeps what it did not understand, with where it stood", () => {
    const kept = draft.unrecognised.find((u) => u.text.startsWith("Förvaltningen har tagit fram"));
    expect(kept?.where.line).toBe(blocks[5]!.where.line);
  });
});

describe("a Södertälje-like plan with a table of measures", () => {
  const blocks: Block[] = [
    h("Fokusområde 1: Tidiga insatser för barn och unga"),
    p("Barn som växer upp med våld ska få stöd så tidigt som möjligt."),
    row("Åtgärd", "Beskrivning", "Ansvarig nämnd", "Preventionsnivå"),
    row("Åtgärd 1:1", "Förskolan ska använda ett gemensamt samtalsstöd. Personalen utbildas under våren.", "• Barn- och utbildningsnämnden\n• Socialnämnden", "Universell"),
    row("1:2", "Elevhälsan ska fråga om våld vid hälsosamtal.", "Barn- och utbildningsnämnden", "Selektiv, Indikerad"),
    h("Fokusområde 2: Stöd till vuxna"),
    row("Åtgärd", "Beskrivning", "Ansvarig nämnd", "Preventionsnivå"),
    row("Åtgärd 2:1", "Socialtjänsten ska erbjuda samtalsstöd till den som utövar våld.", "Socialnämnden", "Indikerad"),
  ];
  const draft = recognise(blocks, { messages, goalWords: ["Fokusområde"], measureWords: ["Åtgärd"] });

  it("reads each table row as a measure under its focus area", () => {
    expect(draft.goals.map((g) => [g.number, g.title])).toEqual([["1", "Tidiga insatser för barn och unga"], ["2", "Stöd till vuxna"]]);
    expect(draft.goals[0]!.text).toBe("Barn som växer upp med våld ska få stöd så tidigt som möjligt.");
    expect(draft.measures.map((m) => [m.number, m.goal])).toEqual([["1:1", "1"], ["1:2", "1"], ["2:1", "2"]]);
  });

  it("splits bulleted boards into several responsible and lists prevention levels", () => {
    const [first, second] = draft.measures;
    expect(first!.title).toBe("Förskolan ska använda ett gemensamt samtalsstöd.");
    expect(first!.description).toBe("Förskolan ska använda ett gemensamt samtalsstöd. Personalen utbildas under våren.");
    expect(first!.responsible).toEqual(["Barn- och utbildningsnämnden", "Socialnämnden"]);
    expect(first!.preventionLevels).toEqual(["Universell"]);
    expect(second!.preventionLevels).toEqual(["Selektiv", "Indikerad"]);
    expect(first!.where.page).toBe(2);
  });
});

describe("a plan with its own lead-ins for strategies and prerequisites", () => {
  const blocks: Block[] = [
    h("Fokusområde 2: Upptäcka och agera tidigt"),
    p("Den som möter invånare ska känna igen tecken på våld."),
    p("Så här arbetar vi:"),
    li("Rutiner för att fråga"),
    p("Detta behöver finnas på plats"),
    li("Rutiner som är kända av alla chefer"),
    li("Tid för utbildning"),
  ];
  const draft = recognise(blocks, { messages, goalWords: ["Fokusområde"], strategyIntros: ["Så här arbetar vi"], prerequisiteIntros: ["Detta behöver finnas på plats"] });

  it("reads the strategies and what needs to be in place under the goal", () => {
    expect(draft.goals[0]!.strategies.map((s) => s.title)).toEqual(["Rutiner för att fråga"]);
    expect(draft.goals[0]!.prerequisites).toEqual(["Rutiner som är kända av alla chefer", "Tid för utbildning"]);
    expect(draft.unrecognised).toEqual([]);
  });
});

describe("a plain numbered list", () => {
  const blocks: Block[] = [
    h("Plan för trygghet i Småby", 1),
    h("1. Tryggare skolvägar"),
    p("1.1 Belysningen längs skolvägarna ses över"),
    p("1.2 Vuxna finns på plats vid skolstart"),
    h("2. Stöd till den som utsätts"),
    p("2.1 En stödlinje bemannas kvällstid"),
  ];
  const draft = recognise(blocks, { messages });

  it("reads numbered headings as goals and bare numbers as measures", () => {
    expect(draft.goals.map((g) => [g.number, g.title])).toEqual([["1", "Tryggare skolvägar"], ["2", "Stöd till den som utsätts"]]);
    expect(draft.measures.map((m) => [m.number, m.goal, m.title])).toEqual([
      ["1.1", "1", "Belysningen längs skolvägarna ses över"],
      ["1.2", "1", "Vuxna finns på plats vid skolstart"],
      ["2.1", "2", "En stödlinje bemannas kvällstid"],
    ]);
  });
});

describe("a follow-up report", () => {
  const blocks: Block[] = [
    h("Uppföljning 2025 av handlingsplanen", 1),
    h("Inriktningsmål 3 - Våld upptäcks"),
    p("Aktivitet 3.1: Personalen ska utbildas i att se tecken på våld.\nBeskrivning: Aktivitet i samverkan med andra aktörer. Utbildningen ges tillsammans med regionen.\nUppföljning\nUnder 2025 har ca 40 medarbetare gått utbildningen. Antalet utbildade handledare ökade från 4 till 9 under 2025. Arbetet pågår."),
    p("Aktivitet 3.2: Rutinen ska ses över.\nUppföljning: Aktiviteten är slutförd och rutinen gäller sedan maj."),
    // OCR's "Aktivitet 1 samverkan" is the group "Aktiviteter i samverkan", not a measure numbered 1.
    p("Aktivitet 1 samverkan med andra aktörer"),
  ];
  const draft = recognise(blocks, { messages });

  it("splits lines into measure, description and follow-up, and suggests statuses and figures", () => {
    expect(draft.kind).toBe("follow-up");
    const [first, second] = draft.measures;
    expect(first!.kind).toBe("i samverkan");
    expect(first!.description).toBe("Utbildningen ges tillsammans med regionen.");
    expect(first!.followUp).toMatch(/^Under 2025 har ca 40 medarbetare/);
    expect(first!.status).toBe("ongoing");
    expect(first!.figures).toEqual([
      { name: "utbildade handledare", value: 9, unit: null, qualifier: null, baseline: 4, target: null, year: 2025, phrase: "från 4 till 9" },
      { name: "medarbetare", value: 40, unit: "medarbetare", qualifier: "approx", baseline: null, target: null, year: 2025, phrase: "ca 40 medarbetare" },
    ]);
    expect(second!.status).toBe("completed");
    expect(second!.statusPhrase).toBe("slutförd");
    expect(draft.measures).toHaveLength(2);
  });
});

describe("splitNames", () => {
  it("splits bullets, lines, semicolons and commas but not the 'och' inside a board's name", () => {
    expect(splitNames("• Arbetsmarknads- och socialnämnden\n• Kulturnämnden")).toEqual(["Arbetsmarknads- och socialnämnden", "Kulturnämnden"]);
    expect(splitNames("Socialnämnden; Kulturnämnden, Fritidsnämnden.")).toEqual(["Socialnämnden", "Kulturnämnden", "Fritidsnämnden"]);
  });
});
