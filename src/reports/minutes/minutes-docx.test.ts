// A meeting's minutes as Word, opened with mammoth: the headings and sections in order, the facts and the action
// items as tables, text with < & åäö as it is, an empty section saying so.
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { minutesDocx, type MinutesInput } from "./minutes-docx.ts";

const SAMPLE: MinutesInput = {
  locale: "sv",
  groupName: "Samordningsgruppen",
  title: "Samordningsmöte <februari> & åäö",
  when: "10 februari 2027, 10:00–12:00",
  place: "Stadshuset, rum 3",
  videoUrl: "https://meet.example/abc?x=1&y=2",
  members: ["Ordförande – Anna Andersson", "Representant, Arbetsmarknads- och socialförvaltningen"],
  agenda: "1. Mötets öppnande\n2. Föregående protokoll\n\n- Rapporter från förvaltningarna\n- Övrigt",
  minutes: "Gruppen gick igenom läget.\n\nUppföljningen <pågår> & går bra.",
  decisions: "Gruppen beslutade att anta handlingsplanen.",
  actionItems: [
    { text: "Skicka ut <kallelse> & dagordning", owner: "Anna Andersson", due: "1 mars 2027", done: false },
    { text: "Boka lokal för utbildningen", owner: "", due: "", done: true },
  ],
  labels: {
    heading: "Minnesanteckningar",
    group: "Grupp",
    when: "Tid",
    place: "Plats",
    video: "Videomöte",
    members: "Ledamöter",
    agenda: "Dagordning",
    minutes: "Anteckningar",
    decisions: "Beslut",
    actionItems: "Åtgärder",
    owner: "Ansvarig",
    due: "Klart senast",
    status: "Status",
    done: "Klar",
    open: "Pågår",
    none: "Inga",
  },
};

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const unescape = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

async function open(input: MinutesInput) {
  const buffer = Buffer.from(await minutesDocx(input));
  const [html, raw] = await Promise.all([mammoth.convertToHtml({ buffer }), mammoth.extractRawText({ buffer })]);
  const headings = [...html.value.matchAll(/<h([1-3])>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h\1>/g)].map((m) => `${m[1]} ${unescape(m[2]!)}`);
  const tables = [...html.value.matchAll(/<table>(.*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) => squash(unescape(c[1]!.replace(/<[^>]+>/g, " "))))));
  return { html: html.value, text: squash(raw.value), headings, tables };
}

function inOrder(text: string, parts: string[]) {
  const positions = parts.map((p) => text.indexOf(p));
  expect(positions.every((p) => p >= 0), `${parts.filter((_, i) => positions[i]! < 0).join(", ")} missing`).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

describe("minutesDocx", () => {
  it("has the title and the sections as headings, in order", async () => {
    const doc = await open(SAMPLE);
    expect(doc.headings).toEqual([
      "1 Samordningsmöte <februari> & åäö",
      "2 Ledamöter",
      "2 Dagordning",
      "2 Anteckningar",
      "2 Beslut",
      "2 Åtgärder",
    ]);
    inOrder(doc.text, [
      "MINNESANTECKNINGAR",
      "Samordningsmöte <februari> & åäö",
      "Samordningsgruppen",
      "Ordförande – Anna Andersson",
      "Representant, Arbetsmarknads- och socialförvaltningen",
      "1. Mötets öppnande",
      "2. Föregående protokoll",
      "• Rapporter från förvaltningarna",
      "Gruppen gick igenom läget.",
      "Uppföljningen <pågår> & går bra.",
      "Gruppen beslutade att anta handlingsplanen.",
      "Skicka ut <kallelse> & dagordning",
    ]);
    // Members are a real list.
    expect(doc.html).toMatch(/<ul><li>Ordförande – Anna Andersson<\/li><li>Representant, Arbetsmarknads- och socialförvaltningen<\/li><\/ul>/);
  });

  it("puts the meeting's facts in a table, the video as a link", async () => {
    const doc = await open(SAMPLE);
    expect(doc.tables[0]).toEqual([
      ["Grupp", "Samordningsgruppen"],
      ["Tid", "10 februari 2027, 10:00–12:00"],
      ["Plats", "Stadshuset, rum 3"],
      ["Videomöte", "https://meet.example/abc?x=1&y=2"],
    ]);
    expect(doc.html).toContain('<a href="https://meet.example/abc?x=1&amp;y=2">');
  });

  it("lists the action items with owner, due date and status", async () => {
    const doc = await open(SAMPLE);
    expect(doc.tables[1]).toEqual([
      ["Åtgärder", "Ansvarig", "Klart senast", "Status"],
      ["Skicka ut <kallelse> & dagordning", "Anna Andersson", "1 mars 2027", "Pågår"],
      ["Boka lokal för utbildningen", "Inga", "Inga", "Klar"],
    ]);
  });

  it("says none for empty sections and leaves out an empty place and video", async () => {
    const doc = await open({ ...SAMPLE, locale: "en", place: "", videoUrl: null, members: [], minutes: "  \n\n ", decisions: "", actionItems: [] });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.map((row) => row[0])).toEqual(["Grupp", "Tid"]);
    const between = (from: string, to: string) => doc.text.slice(doc.text.indexOf(from) + from.length, doc.text.indexOf(to)).trim();
    expect(between("Ledamöter", "Dagordning")).toBe("Inga");
    expect(between("Anteckningar", "Beslut")).toBe("Inga");
    expect(between("Beslut", "Åtgärder")).toBe("Inga");
    expect(doc.text.endsWith("Åtgärder Inga")).toBe(true);
  });
});
