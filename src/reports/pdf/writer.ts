// A small writer over pdfkit for our documents: DejaVu Sans from the npm package (å/ä/ö and more), A4, headings that
// keep a few lines with them and collect contents and outline entries, wrapped paragraphs, marks, simple tables that
// break across pages with their header repeated, charts as PNG, then the contents page filled in and page numbers.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { textBlocks } from "../text-blocks.ts";
import { chartPng, type RenderedChart } from "../compiled/charts.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = join(FONT_DIR, "DejaVuSans-Bold.ttf");
const OBLIQUE = join(FONT_DIR, "DejaVuSans-Oblique.ttf");

export const INK = "#1b1f24";
export const MUTED = "#4a5361";
export const BRAND = "#1d4e89";
const LINE = "#c4cad3";
const HEADER_FILL = "#e8ecf2";
const DRAFT = "#8a4b00";

export const MARGIN = { top: 62, bottom: 70, left: 62, right: 62 };
const BODY = 10;

export type Doc = InstanceType<typeof PDFDocument>;
export type Cell = { text: string; align?: "right"; colour?: string };

interface TocEntry {
  level: 1 | 2;
  title: string;
  destination: string;
  page: number;
}

export class Writer {
  readonly toc: TocEntry[] = [];
  private destinations = 0;
  constructor(readonly doc: Doc) {}

  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }
  /** A new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }
  newPage() {
    this.doc.addPage();
  }
  /**
   * Leaves as many pages as the contents will take, filled in by `writeContents` at the end: each entry (a level 1 or
   * 2 heading to come) measured as it will be written.
   */
  keepContentsPages(entries: ReadonlyArray<{ level: number; title: string }>) {
    const { doc } = this;
    const available = doc.page.height - MARGIN.bottom - 20 - MARGIN.top - 40;
    let pages = 1;
    let used = 0;
    for (const entry of entries) {
      if (entry.level > 2) continue;
      doc.font(entry.level === 1 ? "bold" : "regular").fontSize(entry.level === 1 ? 10.5 : 10);
      const height = doc.heightOfString(entry.title, { width: this.width - (entry.level === 1 ? 0 : 16) - 40 }) + (entry.level === 1 ? 4 : 1);
      if (used + height > available) {
        pages++;
        used = 0;
      }
      used += height;
    }
    const first = this.currentPage() + 1;
    for (let i = 0; i < pages; i++) this.doc.addPage();
    return { first, count: pages };
  }
  private currentPage() {
    return this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
  }

  heading(level: 1 | 2 | 3, text: string, options: { outline?: PDFKit.PDFOutline; toc?: boolean } = {}): PDFKit.PDFOutline | undefined {
    const { doc } = this;
    const size = level === 1 ? 18 : level === 2 ? 13.5 : 11;
    doc.font("bold").fontSize(size);
    const height = doc.heightOfString(text, { width: this.width });
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(height + 60);
    if (level !== 1 || doc.y > MARGIN.top + 1) doc.moveDown(level === 1 ? 0.2 : 0.6);
    const destination = `d${++this.destinations}`;
    doc.fillColor(level === 3 ? INK : BRAND).text(text, MARGIN.left, doc.y, { width: this.width, destination });
    if (level === 1) {
      doc.moveTo(MARGIN.left, doc.y + 2).lineTo(MARGIN.left + this.width, doc.y + 2).lineWidth(1).strokeColor(BRAND).stroke();
      doc.moveDown(0.6);
    } else {
      doc.moveDown(0.3);
    }
    doc.font("regular").fontSize(BODY).fillColor(INK);
    if (options.toc !== false && level < 3) this.toc.push({ level: level as 1 | 2, title: text, destination, page: this.currentPage() });
    return options.outline?.addItem(text);
  }

  paragraph(text: string, options: { font?: "regular" | "bold" | "italic"; colour?: string; size?: number } = {}) {
    const { doc } = this;
    doc.font(options.font ?? "regular").fontSize(options.size ?? BODY).fillColor(options.colour ?? INK);
    this.ensure(Math.min(doc.heightOfString(text, { width: this.width }), 3 * doc.currentLineHeight(true)));
    doc.text(text, MARGIN.left, doc.y, { width: this.width, lineGap: 2 });
    doc.moveDown(0.5);
    doc.font("regular").fontSize(BODY).fillColor(INK);
  }

  prose(text: string) {
    for (const block of textBlocks(text)) this.paragraph(block);
  }

  note(text: string) {
    this.paragraph(text, { font: "italic", colour: MUTED });
  }

  mark(text: string) {
    const { doc } = this;
    doc.font("bold").fontSize(BODY);
    const height = doc.heightOfString(text, { width: this.width - 16 }) + 10;
    this.ensure(height + 6);
    const y = doc.y;
    doc.rect(MARGIN.left, y, this.width, height).fillColor("#fff6e5").fill();
    doc.rect(MARGIN.left, y, 4, height).fillColor(DRAFT).fill();
    doc.fillColor(DRAFT).text(text, MARGIN.left + 12, y + 5, { width: this.width - 16 });
    doc.y = y + height + 6;
    doc.font("regular").fillColor(INK);
  }

  label(text: string) {
    this.doc.font("bold").fontSize(BODY);
    this.ensure(40);
    this.doc.fillColor(INK).text(text, MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
    this.doc.font("regular");
  }

  /** A bulleted list, each item wrapped under its own text. */
  bullets(items: readonly string[]) {
    const { doc } = this;
    doc.font("regular").fontSize(BODY).fillColor(INK);
    for (const item of items) {
      this.ensure(Math.min(doc.heightOfString(item, { width: this.width - 14 }), 2 * doc.currentLineHeight(true)));
      const y = doc.y;
      doc.text("•", MARGIN.left + 2, y, { width: 10 });
      doc.text(item, MARGIN.left + 14, y, { width: this.width - 14, lineGap: 2 });
      doc.moveDown(0.2);
    }
    doc.moveDown(0.3);
  }

  /** Label–value lines, the labels in a column of their own; a small coloured square before a value with a colour. */
  facts(rows: ReadonlyArray<{ label: string; value: string; colour?: string | undefined }>) {
    const { doc } = this;
    const labelWidth = 130;
    for (const row of rows) {
      doc.font("regular").fontSize(9.5);
      const valueWidth = this.width - labelWidth - (row.colour ? 11 : 0);
      this.ensure(doc.heightOfString(row.value || " ", { width: valueWidth }) + 2);
      const y = doc.y;
      doc.font("bold").fontSize(9.5).fillColor(MUTED).text(row.label, MARGIN.left, y, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      let x = MARGIN.left + labelWidth;
      if (row.colour) {
        doc.rect(x, y + 2, 7, 7).fillColor(row.colour).fill().rect(x, y + 2, 7, 7).lineWidth(0.4).strokeColor(INK).stroke();
        x += 11;
      }
      doc.font("regular").fontSize(9.5).fillColor(INK).text(row.value, x, y, { width: valueWidth });
      doc.y = Math.max(afterLabel, doc.y) + 2;
    }
    doc.x = MARGIN.left;
    doc.moveDown(0.4);
    doc.font("regular").fontSize(BODY);
  }

  /** A table: widths are shares of the text width; rows break across pages, the header row repeated. */
  table(header: string[], rows: Cell[][], shares?: number[]) {
    const { doc } = this;
    const total = shares?.reduce((a, b) => a + b, 0) ?? header.length;
    const widths = header.map((_, i) => ((shares?.[i] ?? 1) / total) * this.width);
    const pad = 4;
    const size = 8.5;
    const rowHeight = (cells: Cell[], bold: boolean) => {
      doc.font(bold ? "bold" : "regular").fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c.text || " ", { width: widths[i]! - 2 * pad - (c.colour ? 10 : 0) }))) + 2 * pad;
    };
    const drawRow = (cells: Cell[], bold: boolean, fill?: string) => {
      const height = rowHeight(cells, bold);
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (fill) doc.rect(x, y, w, height).fillColor(fill).fill();
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(LINE).stroke();
        let tx = x + pad;
        if (c.colour) {
          doc.rect(tx, y + pad + 1.5, 7, 7).fillColor(c.colour).fill().rect(tx, y + pad + 1.5, 7, 7).lineWidth(0.4).strokeColor(INK).stroke();
          tx += 10;
        }
        doc.font(bold ? "bold" : "regular").fontSize(size).fillColor(INK)
          .text(c.text, tx, y + pad, { width: w - 2 * pad - (c.colour ? 10 : 0), align: c.align ?? "left" });
        x += w;
      });
      doc.y = y + height;
      doc.x = MARGIN.left;
    };
    const headerCells = header.map((text) => ({ text }));
    this.ensure(rowHeight(headerCells, true) + (rows[0] ? rowHeight(rows[0], false) : 0) + 4);
    drawRow(headerCells, true, HEADER_FILL);
    for (const row of rows) {
      const height = rowHeight(row, false);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawRow(headerCells, true, HEADER_FILL);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.8);
    doc.font("regular").fontSize(BODY);
  }

  chart(chart: RenderedChart) {
    const { doc } = this;
    const { png, width, height } = chartPng(chart, 1000);
    const shownWidth = Math.min(this.width, 460);
    const shownHeight = (height * shownWidth) / width;
    doc.font("bold").fontSize(BODY);
    this.ensure(shownHeight + 30);
    doc.fillColor(INK).text(chart.title, MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
    doc.image(Buffer.from(png), MARGIN.left, doc.y, { width: shownWidth });
    doc.y += shownHeight + 8;
    doc.font("regular");
  }

  /** The contents, now that every heading's page is known, on the pages kept for it. */
  writeContents(pages: { first: number; count: number }, title: string) {
    const { doc } = this;
    doc.switchToPage(pages.first);
    doc.y = MARGIN.top;
    doc.font("bold").fontSize(18).fillColor(BRAND).text(title, MARGIN.left, doc.y);
    doc.moveDown(0.8);
    let tocPage = pages.first;
    for (const entry of this.toc) {
      doc.font(entry.level === 1 ? "bold" : "regular").fontSize(entry.level === 1 ? 10.5 : 10);
      const height = doc.heightOfString(entry.title, { width: this.width - (entry.level === 1 ? 0 : 16) - 40 });
      if (doc.y + height > doc.page.height - MARGIN.bottom - 20 && tocPage < pages.first + pages.count - 1) {
        doc.switchToPage(++tocPage);
        doc.y = MARGIN.top;
      }
      const indent = entry.level === 1 ? 0 : 16;
      const y = doc.y;
      const pageText = String(entry.page + 1);
      doc.font(entry.level === 1 ? "bold" : "regular").fontSize(entry.level === 1 ? 10.5 : 10).fillColor(INK);
      const textWidth = this.width - indent - 40;
      doc.text(entry.title, MARGIN.left + indent, y, { width: textWidth, goTo: entry.destination });
      const after = doc.y;
      doc.text(pageText, MARGIN.left + this.width - 36, y, { width: 36, align: "right", goTo: entry.destination });
      doc.y = Math.max(after, doc.y) + (entry.level === 1 ? 4 : 1);
    }
  }

  /** A footer on every page but the cover: the document's name and "Sida N av M". */
  numberPages(footer: string, pageOf: (page: number, pages: number) => string) {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      if (i === 0) continue;
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN.bottom + 24;
      doc.page.margins.bottom = 0;
      doc.moveTo(MARGIN.left, y - 6).lineTo(doc.page.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.font("regular").fontSize(8).fillColor(MUTED);
      doc.text(footer, MARGIN.left, y, { width: this.width - 90, lineBreak: false, ellipsis: true, height: 12 });
      doc.text(pageOf(i + 1, range.count), MARGIN.left + this.width - 90, y, { width: 90, align: "right", lineBreak: false });
      doc.page.margins.bottom = MARGIN.bottom;
    }
  }

  /** A cover: a band at the top, an eyebrow, the title and subtitle, then labelled facts. */
  cover(eyebrow: string, title: string, subtitle: string, facts: ReadonlyArray<readonly [string, string]>, locale: string) {
    const { doc } = this;
    doc.rect(0, 0, doc.page.width, 14).fillColor(BRAND).fill();
    doc.y = 220;
    doc.font("bold").fontSize(11).fillColor(MUTED).text(eyebrow.toLocaleUpperCase(locale), MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(0.8);
    doc.font("bold").fontSize(26).fillColor(BRAND).text(title, { width: this.width });
    doc.moveDown(0.5);
    doc.font("regular").fontSize(16).fillColor(INK).text(subtitle, { width: this.width });
    doc.moveDown(2);
    for (const [k, v] of facts) {
      const y = doc.y;
      doc.font("bold").fontSize(11).fillColor(INK).text(k, MARGIN.left, y, { width: 150 });
      const afterLabel = doc.y;
      doc.font("regular").text(v, MARGIN.left + 160, y, { width: this.width - 160 });
      doc.y = Math.max(afterLabel, doc.y);
      doc.moveDown(0.4);
    }
    doc.x = MARGIN.left;
  }
}


export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  locale: string;
  /** Default portrait; every page of the document takes it (pdfkit's addPage reuses the document's options). */
  layout?: "portrait" | "landscape";
}

/** A new A4 document with our fonts, its pages buffered (for the contents and page numbers); `done` is its bytes after `end()`. */
export function createPdf(info: PdfInfo): { doc: Doc; writer: Writer; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    layout: info.layout ?? "portrait",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: info.locale === "en" ? "en-GB" : "sv-SE",
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: "Samverka" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  doc.registerFont("italic", OBLIQUE);
  return { doc, writer: new Writer(doc), done };
}
