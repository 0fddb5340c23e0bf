// The readers on documents we make here with the libraries the app uses (docx, pdfkit, exceljs) and on text we write:
// each yields the neutral blocks with where they came from; Word keeps headings, lists and tables and never reads its
// page header; PDF drops the header and footer repeated on every page (once, with a warning) and joins a word broken
// over two lines; spreadsheets give one row per measure under their header row; and every kind of bad file gets its
// own problem, never an exception.
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { exempelbyActionPlanDocx, exempelbyActionPlanPdf } from "../../../test/support/import-fixtures.ts";
import { blockText, type Block } from "../recognise/blocks.ts";
import { recognise } from "../recognise/recognise.ts";
import { MAX_IMPORT_BYTES, readDocument, type ReadResult } from "./read-document.ts";

const messages = { contents: "contents", readOnce: "read once", goalFromNumber: "goal from {number}" };
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(`not read: ${r.problem.key}`);
  return r;
};
const texts = (blocks: Block[]) => blocks.map(blockText);
const problemOf = async (bytes: Uint8Array, name: string) => {
  const r = await readDocument(bytes, name);
  return r.ok ? null : r.problem.key;
};

function pdf(write: (doc: InstanceType<typeof PDFDocument>) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", ...options });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    write(doc);
    doc.end();
  });
}

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Åtgärder");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("text and Markdown", () => {
  it("reads headings, bullets, numbered items, a table and paragraphs with their lines", async () => {
    const md = [
      "# Handlingsplan", "", "## Fokusområde 1: Förebygga", "", "Planen bygger på att förutsätt-", "ningarna beskrivs.", "",
      "- Socialnämnden", "- Kultur- och fritidsnämnden", "", "1. Första steget", "",
      "| Åtgärd | Beskrivning |", "|---|---|", "| Åtgärd 1:1 | Utbilda personalen |",
    ].join("\n");
    const { blocks, format } = ok(await readDocument(new TextEncoder().encode(md), "plan.md"));
    expect(format).toBe("markdown");
    expect(blocks[0]).toEqual({ kind: "heading", level: 1, text: "Handlingsplan", where: { line: 1 } });
    expect(blocks[1]).toMatchObject({ kind: "heading", level: 2, text: "Fokusområde 1: Förebygga" });
    expect(blocks[2]).toMatchObject({ kind: "paragraph", text: "Planen bygger på att förutsättningarna beskrivs.", where: { line: 5 } });
    expect(blocks.filter((b) => b.kind === "listItem").map((b) => blockText(b))).toEqual(["Socialnämnden", "Kultur- och fritidsnämnden", "1. Första steget"]);
    expect(blocks.filter((b) => b.kind === "tableRow")).toEqual([
      { kind: "tableRow", cells: ["Åtgärd", "Beskrivning"], header: true, where: { line: 13 } },
      { kind: "tableRow", cells: ["Åtgärd 1:1", "Utbilda personalen"], where: { line: 15 } },
    ]);
  });

  it("reads text in Windows-1252 as older Swedish files are, and keeps a shared word part's hyphen", async () => {
    const latin1 = Buffer.from("Arbetsmarknads-\noch socialnämnden ska se våldet.", "latin1");
    const { blocks, format } = ok(await readDocument(latin1, "plan.txt"));
    expect(format).toBe("text");
    expect(texts(blocks)).toEqual(["Arbetsmarknads-\noch socialnämnden ska se våldet."]);
  });
});

describe("Word", () => {
  it("keeps headings, the table rows with their header, and the bulleted boards in a cell; never the page header", async () => {
    const { blocks, format } = ok(await readDocument(await exempelbyActionPlanDocx(), "plan.docx"));
    expect(format).toBe("docx");
    expect(blocks.some((b) => b.kind === "heading" && b.text.startsWith("Fokusområde 1:"))).toBe(true);
    const header = blocks.find((b) => b.kind === "tableRow" && b.cells[0] === "Åtgärd");
    expect(header).toMatchObject({ header: true, cells: ["Åtgärd", "Beskrivning", "Ansvarig nämnd", "Preventionsnivå"] });
    const row = blocks.find((b) => b.kind === "tableRow" && b.cells[0] === "Åtgärd 1:4");
    expect(row && row.kind === "tableRow" ? row.cells[2] : null).toBe("• Barn- och utbildningsnämnden\n• Fritidsnämnden");
    expect(texts(blocks).filter((t) => t.includes("Handlingsplan mot våld – Utbildningsförvaltningen"))).toEqual([]);
    expect(texts(blocks)).toContain("Planen bygger på att förvaltningens förutsättningar beskrivs ärligt och att arbetet följs upp varje år.");
  });
});

describe("PDF", () => {
  it("drops the header and page number repeated on every page once, with a warning, and joins the hyphenated word", async () => {
    const { blocks, warnings, format } = ok(await readDocument(await exempelbyActionPlanPdf(), "plan.pdf"));
    expect(format).toBe("pdf");
    const all = texts(blocks);
    expect(all.filter((t) => /Sida \d/.test(t))).toEqual([]);
    expect(all.filter((t) => t.includes("Handlingsplan mot våld – Utbildningsförvaltningen"))).toEqual([]);
    expect(all[0]).toBe("Utbildningsförvaltningens handlingsplan mot våld 2025–2026");
    expect(warnings).toEqual([expect.objectContaining({ key: "import.warning.pageHeaders", params: expect.objectContaining({ count: 2 }) })]);
    expect(all).toContain("Planen bygger på att förvaltningens förutsättningar beskrivs ärligt och att arbetet följs upp varje år.");
    expect(blocks.find((b) => b.kind === "heading" && b.text.startsWith("Fokusområde 2:"))?.where.page).toBe(3);
    expect(blocks.filter((b) => b.kind === "listItem").map(blockText)).toContain("Fritidsnämnden");
  });

  it("says a PDF without text is a scan, one with a password is protected, and a damaged one is damaged", async () => {
    const scan = await pdf((doc) => doc.rect(50, 50, 400, 600).fill("#888"));
    expect(await problemOf(scan, "skannad.pdf")).toBe("import.reader.pdfScanned");
    const locked = await pdf((doc) => doc.text("Hemligt"), { userPassword: "hemligt", ownerPassword: "ägare" });
    expect(await problemOf(locked, "låst.pdf")).toBe("import.reader.pdfEncrypted");
    const fixture = await exempelbyActionPlanPdf();
    expect(await problemOf(fixture.subarray(0, 400), "trasig.pdf")).toMatch(/^import\.reader\.pdf(Corrupt|Scanned)$/);
  });
});

describe("spreadsheets", () => {
  const rows = [
    ["Nr", "Titel", "Beskrivning", "Ansvarig", "Preventionsnivå"],
    ["1:1", "Utbilda personalen", "Alla i skolan får grundutbildning.", "Barn- och utbildningsnämnden", "Universell"],
    ["1:2", "Stödsamtal", "Samtal för barn som sett våld.", "Socialnämnden; Fritidsnämnden", "Selektiv"],
    ["2:1", "Kartlägg behoven", "", "Socialnämnden", "Indikerad"],
  ];

  it("reads Excel as one table row per sheet row under its header, and the recogniser finds a measure per row", async () => {
    const { blocks, format } = ok(await readDocument(await xlsx(rows), "åtgärder.xlsx"));
    expect(format).toBe("xlsx");
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toMatchObject({ kind: "tableRow", header: true, where: { page: 1, line: 1 } });
    const draft = recognise(blocks, { messages });
    expect(draft.measures.map((m) => [m.number, m.title, m.responsible, m.preventionLevels])).toEqual([
      ["1:1", "Utbilda personalen", ["Barn- och utbildningsnämnden"], ["Universell"]],
      ["1:2", "Stödsamtal", ["Socialnämnden", "Fritidsnämnden"], ["Selektiv"]],
      ["2:1", "Kartlägg behoven", ["Socialnämnden"], ["Indikerad"]],
    ]);
  });

  it("reads CSV with ';' as Swedish Excel writes it, with its byte-order mark", async () => {
    const csv = `\uFEFF${rows.map((r) => r.map((c) => (String(c).includes(";") ? `"${c}"` : c)).join(";")).join("\r\n")}\r\n`;
    const { blocks, format } = ok(await readDocument(new TextEncoder().encode(csv), "åtgärder.csv"));
    expect(format).toBe("csv");
    expect(recognise(blocks, { messages }).measures.map((m) => m.responsible)).toEqual([["Barn- och utbildningsnämnden"], ["Socialnämnden", "Fritidsnämnden"], ["Socialnämnden"]]);
  });

  it("refuses a sheet whose first row is not a header", async () => {
    expect(await problemOf(await xlsx(rows.slice(1)), "utan-rubriker.xlsx")).toBe("import.reader.noHeaderRow");
  });
});

describe("bad files", () => {
  it("names the problem of an empty file, one too large, an old or protected Office file, and something that is no document", async () => {
    expect(await problemOf(new Uint8Array(0), "tom.docx")).toBe("import.reader.empty");
    expect(await problemOf(new Uint8Array(MAX_IMPORT_BYTES + 1), "stor.pdf")).toBe("import.reader.tooLarge");
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await problemOf(ole, "gammal.doc")).toBe("import.reader.oldOrProtected");
    expect(await problemOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "bild.docx")).toBe("import.reader.unsupported");
    const docx = await exempelbyActionPlanDocx();
    expect(await problemOf(docx.subarray(0, Math.floor(docx.length / 2)), "trasig.docx")).toBe("import.reader.docxCorrupt");
    expect(await problemOf(new TextEncoder().encode("\n\n   \n"), "blank.txt")).toBe("import.reader.noText");
  });

  it("never throws or hangs on truncated or random bytes (fuzzed from our fixtures and from noise)", { timeout: 120_000 }, async () => {
    // A seeded generator, so a failure can be repeated.
    let seed = 20261207;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const sources = [await exempelbyActionPlanDocx(), await exempelbyActionPlanPdf(), await xlsx([["Nr", "Titel"], ["1", "x"]]), Buffer.from("# Rubrik\n\nText")];
    const cases: Array<{ bytes: Uint8Array; name: string }> = [];
    for (const source of sources) {
      for (let i = 0; i < 12; i++) {
        const cut = source.subarray(0, Math.floor(random() * source.length));
        cases.push({ bytes: cut, name: "cut.bin" });
        const flipped = Buffer.from(source);
        for (let j = 0; j < 20; j++) flipped[Math.floor(random() * flipped.length)] = Math.floor(random() * 256);
        cases.push({ bytes: flipped, name: "flipped.bin" });
      }
    }
    for (let i = 0; i < 20; i++) cases.push({ bytes: Uint8Array.from({ length: 1 + Math.floor(random() * 3000) }, () => Math.floor(random() * 256)), name: "noise.bin" });
    let read = 0;
    for (const c of cases) {
      const result = await readDocument(c.bytes, c.name);
      if (result.ok) read++;
      else expect(result.problem.key, c.name).toMatch(/^import\.reader\./);
    }
    // Some damaged files still read (a flipped byte inside a text run), and noise never does.
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(cases.length);
  });
});
