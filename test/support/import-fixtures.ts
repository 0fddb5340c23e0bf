// Our own documents to import, in the Södertälje-like shape the import issue names: "Fokusområde N:" headings, the
// measures as "Åtgärd N:M" with a description, the responsible boards as a bulleted list and a prevention level, page
// headers and footers on every page, and a hyphenated line break. The same content as Word (a table per focus area) and
// as PDF (labelled text, as PDFs of such tables read). Built with the libraries the app itself uses; all text is ours.
import { Document, Header, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export interface FixtureMeasure {
  number: string;
  text: string;
  boards: string[];
  level: string;
}

export interface FixtureFocusArea {
  number: string;
  title: string;
  intro: string;
  measures: FixtureMeasure[];
}

/** Exempelby's focus areas (the demo plan's titles) with measures of our own; numbers the demo does not use yet. */
export const EXEMPELBY_IMPORT: FixtureFocusArea[] = [
  {
    number: "1", title: "Förebygga våld innan det sker",
    intro: "Förvaltningen når barn och unga där de redan är: i förskolan, skolan och på fritiden.",
    measures: [
      { number: "1:3", text: "Förskolorna inför ett gemensamt samtalsstöd om kroppen och gränser. Pedagogerna utbildas under våren.", boards: ["Barn- och utbildningsnämnden"], level: "Universell" },
      { number: "1:4", text: "Fritidsgårdarna ordnar samtalsgrupper om relationer för unga i årskurs nio.", boards: ["Barn- och utbildningsnämnden", "Fritidsnämnden"], level: "Universell" },
    ],
  },
  {
    number: "2", title: "Upptäcka och agera tidigt",
    intro: "Den som arbetar med barn ska veta vad hen gör när ett barn berättar om våld.",
    measures: [
      { number: "2:2", text: "Elevhälsan frågar om våld vid hälsosamtalen i årskurs fyra och sju.", boards: ["Barn- och utbildningsnämnden", "Socialnämnden"], level: "Selektiv" },
    ],
  },
  {
    number: "3", title: "Stöd och skydd",
    intro: "Barn som har upplevt våld får stöd utan att behöva vänta.",
    measures: [
      { number: "3:2", text: "Skolan och socialtjänsten gör en gemensam plan för barn i skyddat boende.", boards: ["Socialnämnden"], level: "Indikerad" },
    ],
  },
];

const HEADER = "Handlingsplan mot våld – Utbildningsförvaltningen";
const TITLE = "Utbildningsförvaltningens handlingsplan mot våld 2025–2026";
const HYPHENATED = ["Planen bygger på att förvaltningens förutsätt-", "ningar beskrivs ärligt och att arbetet följs upp varje år."];

/** The Word document: a header on every page, a table per focus area with a bulleted list of boards in its cells. */
export async function exempelbyActionPlanDocx(areas: FixtureFocusArea[] = EXEMPELBY_IMPORT): Promise<Buffer> {
  const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 25, type: WidthType.PERCENTAGE } });
  const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold })] });
  const bullet = (t: string) => new Paragraph({ text: t, numbering: { reference: "boards", level: 0 } });
  const children = [
    new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: "Inledning", heading: HeadingLevel.HEADING_1 }),
    text(`${HYPHENATED[0]!.replace(/-$/, "")}${HYPHENATED[1]}`),
    ...areas.flatMap((area) => [
      new Paragraph({ text: `Fokusområde ${area.number}: ${area.title}`, heading: HeadingLevel.HEADING_1 }),
      text(area.intro),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ["Åtgärd", "Beskrivning", "Ansvarig nämnd", "Preventionsnivå"].map((h) => cell([text(h, true)])) }),
          ...area.measures.map((m) => new TableRow({ children: [cell([text(`Åtgärd ${m.number}`)]), cell([text(m.text)]), cell(m.boards.map(bullet)), cell([text(m.level)])] })),
        ],
      }),
    ]),
  ];
  const doc = new Document({
    numbering: { config: [{ reference: "boards", levels: [{ level: 0, format: LevelFormat.BULLET, text: "•" }] }] },
    sections: [{ headers: { default: new Header({ children: [new Paragraph(HEADER)] }) }, children }],
  });
  return Packer.toBuffer(doc);
}

const FONT_DIR = join(dirname(fileURLToPath(import.meta.resolve("dejavu-fonts-ttf/package.json"))), "ttf");

/** The PDF: the same content as labelled text, a page per focus area, the header and "Sida N" on every page. */
export function exempelbyActionPlanPdf(areas: FixtureFocusArea[] = EXEMPELBY_IMPORT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 60, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("body", join(FONT_DIR, "DejaVuSans.ttf"));
    doc.registerFont("bold", join(FONT_DIR, "DejaVuSans-Bold.ttf"));
    doc.font("bold").fontSize(18).text(TITLE);
    doc.moveDown();
    doc.font("bold").fontSize(14).text("Inledning");
    doc.font("body").fontSize(11).text(HYPHENATED[0]!).text(HYPHENATED[1]!);
    for (const area of areas) {
      doc.addPage();
      doc.font("bold").fontSize(14).text(`Fokusområde ${area.number}: ${area.title}`);
      doc.moveDown(0.5);
      doc.font("body").fontSize(11).text(area.intro);
      for (const m of area.measures) {
        doc.moveDown();
        doc.font("bold").fontSize(11).text(`Åtgärd ${m.number}`);
        doc.font("body").text(`Beskrivning: ${m.text}`);
        doc.text("Ansvarig nämnd:");
        for (const board of m.boards) doc.text(`• ${board}`, { indent: 12 });
        doc.text(`Preventionsnivå: ${m.level}`);
      }
    }
    // The header and footer on every page, as word processors print them.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.font("body").fontSize(9).text(HEADER, 60, 25, { lineBreak: false });
      doc.text(`Sida ${i + 1}`, 60, doc.page.height - 40, { lineBreak: false });
    }
    doc.end();
  });
}
