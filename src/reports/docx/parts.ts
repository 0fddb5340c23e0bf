// The parts our Word documents are made of (docx): paragraphs from long text, notes, marks, labels, tables with a
// shaded header row that repeats, charts as PNG with alternative text, and the document itself with Word's own
// heading styles, A4 pages and a footer with page numbers.
import {
  AlignmentType, BorderStyle, Document, Footer, ImageRun, PageNumber, Paragraph, ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun,
  WidthType,
} from "docx";
import { textBlocks } from "../text-blocks.ts";
import { chartPng, type RenderedChart } from "../compiled/charts.ts";

const FONT = "Calibri";
export const BRAND = "1D4E89";
export const MUTED = "4A5361";
export const DRAFT = "8A4B00";
/** Text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi (for images). */
export const TEXT_WIDTH_PX = 605;

export const paragraphs = (text: string, lang?: string) =>
  textBlocks(text).map((block) => new Paragraph({ children: lines(block, lang), spacing: { after: 120 } }));

/** A block's lines as runs with line breaks between them. */
export function lines(block: string, _lang?: string, options: { bold?: boolean; color?: string; italics?: boolean } = {}): TextRun[] {
  return block.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

export const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: MUTED })], spacing: { after: 120 } });
export const mark = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, bold: true, color: DRAFT })],
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: DRAFT, space: 6 } },
    spacing: { before: 60, after: 120 },
  });
export const label = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })], spacing: { before: 120, after: 60 }, keepNext: true });

export function cell(text: string, options: { header?: boolean; align?: "right"; colour?: string } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          ...(options.colour ? [new TextRun({ text: "■ ", color: options.colour.replace("#", "") })] : []),
          new TextRun({ text, bold: !!options.header }),
        ],
      }),
    ],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E8ECF2" } } : {}),
  });
}

export function table(header: string[], rows: Array<Array<{ text: string; align?: "right"; colour?: string }>>, widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths } : {}),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { header: true })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c.text, c)) })),
    ],
  });
}

export function chartImage(chart: RenderedChart): Paragraph[] {
  const { png, width, height } = chartPng(chart, 1100);
  const shownWidth = Math.min(TEXT_WIDTH_PX, width);
  return [
    new Paragraph({ children: [new TextRun({ text: chart.title, bold: true })], keepNext: true, spacing: { before: 120, after: 60 } }),
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: shownWidth, height: Math.round((height * shownWidth) / width) },
          altText: { name: chart.title, title: chart.title, description: chart.description },
        }),
      ],
      spacing: { after: 120 },
    }),
  ];
}


export interface WordDocument {
  title: string;
  creator: string;
  description: string;
  /** "sv-SE" or "en-GB". */
  language: string;
  /** The footer's text before "Sida N av M". */
  footer: string;
  /** "Sida" and "av", in the document's language. */
  pageWord: string;
  ofWord: string;
  children: Array<Paragraph | Table | TableOfContents>;
}

/** The document: Word's own Title and Heading 1–3 styles in our colours, A4 with 2.5 cm margins, page numbers in the footer. */
export function wordDocument(d: WordDocument): Document {
  return new Document({
    title: d.title,
    creator: d.creator,
    description: d.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: d.language } }, paragraph: { spacing: { line: 276 } } },
        title: { run: { font: FONT, size: 52, bold: true, color: BRAND } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: BRAND }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: BRAND }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: "1B1F24" }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${d.footer}    `, color: MUTED, size: 18 }),
                  new TextRun({ children: [`${d.pageWord} `, PageNumber.CURRENT, ` ${d.ofWord} `, PageNumber.TOTAL_PAGES], color: MUTED, size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: d.children,
      },
    ],
  });
}
