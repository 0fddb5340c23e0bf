// PDF with a text layer as blocks (pdfjs-dist): the text items of each page gathered into lines in reading order,
// lines that repeat at the top or bottom of most pages (page headers, footers, "Sida 3 av 9") dropped once with a
// warning, larger type read as headings, bullets as list items, and the lines of a paragraph joined (hyphenated
// words put back together). A PDF with (almost) no text is a scan: the reader says so instead of guessing.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Block } from "../recognise/blocks.ts";
import type { ReaderWarning } from "./reader-result.ts";
import { joinLines } from "./join-lines.ts";

interface Line {
  page: number;
  /** The line's place on its page (1 = first). */
  index: number;
  text: string;
  /** Baseline from the top of the page, and the type size. */
  top: number;
  size: number;
  pageHeight: number;
}

export class PdfProblem extends Error {
  constructor(readonly key: "import.reader.pdfEncrypted" | "import.reader.pdfCorrupt" | "import.reader.pdfScanned") {
    super(key);
  }
}

const BULLET = /^\s*[•·▪◦‣∙–-]\s+(.*)$/u;
const STARTS_BLOCK = /^\s*(?:(?:Aktivitet|Åtgärd|Insats|Mål|Inriktningsmål|Fokusområde)\s+\d|\d{1,2}[.:]\d{1,2}\b|[\p{Lu}][\p{L} ]{2,30}:(\s|$))/u;

async function linesOf(bytes: Uint8Array): Promise<{ lines: Line[]; pages: number }> {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new PdfProblem((error as { name?: string }).name === "PasswordException" ? "import.reader.pdfEncrypted" : "import.reader.pdfCorrupt");
  }
  try {
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.view[3]! - page.view[1]!;
      const content = await page.getTextContent();
      let current: Line | null = null;
      let index = 0;
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const size = Math.abs(item.transform[3] as number) || item.height || 10;
        const top = height - (item.transform[5] as number);
        if (current && Math.abs(current.top - top) > Math.max(2, size * 0.4)) {
          if (current.text.trim()) lines.push(current);
          current = null;
        }
        if (!current) current = { page: p, index: ++index, text: "", top, size, pageHeight: height };
        current.text += item.str;
        current.size = Math.max(current.size, size);
        if (item.hasEOL) {
          if (current.text.trim()) lines.push(current);
          current = null;
        }
      }
      if (current && current.text.trim()) lines.push(current);
      page.cleanup();
    }
    return { lines, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** A line's text with its numbers hidden, so "Sida 2 av 9" and "Sida 3 av 9" count as the same footer. */
const repeatKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();

export async function readPdf(bytes: Uint8Array): Promise<{ blocks: Block[]; warnings: ReaderWarning[] }> {
  const { lines: all, pages } = await linesOf(bytes);
  const characters = all.reduce((sum, l) => sum + l.text.replace(/\s/g, "").length, 0);
  if (pages === 0 || characters < 20 * pages) throw new PdfProblem("import.reader.pdfScanned");

  // Page headers and footers: lines in the top or bottom tenth of the page that repeat on most pages.
  const warnings: ReaderWarning[] = [];
  const edge = (l: Line) => l.top < l.pageHeight * 0.1 || l.top > l.pageHeight * 0.9;
  const pagesWith = new Map<string, Set<number>>();
  for (const l of all.filter(edge)) {
    const key = repeatKey(l.text);
    if (!pagesWith.has(key)) pagesWith.set(key, new Set());
    pagesWith.get(key)!.add(l.page);
  }
  const repeated = new Set([...pagesWith].filter(([, on]) => pages >= 2 && on.size >= Math.max(2, Math.ceil(pages / 2))).map(([key]) => key));
  const lines = all.filter((l) => !(edge(l) && repeated.has(repeatKey(l.text))));
  if (repeated.size > 0) {
    const example = all.find((l) => edge(l) && repeated.has(repeatKey(l.text)))!;
    warnings.push({ key: "import.warning.pageHeaders", params: { count: repeated.size, example: example.text.trim() }, where: { page: example.page, line: example.index } });
  }

  // The body's type size is the most common one; clearly larger lines are headings, the largest level 1.
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(Math.round(l.size), (sizes.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const headingSizes = [...new Set(lines.map((l) => Math.round(l.size)).filter((s) => s >= body * 1.2))].sort((a, b) => b - a);
  const levelOf = (l: Line) => {
    const i = headingSizes.indexOf(Math.round(l.size));
    return i < 0 ? 0 : Math.min(3, i + 1);
  };

  const blocks: Block[] = [];
  let previous: Line | null = null;
  for (const l of lines) {
    const where = { page: l.page, line: l.index };
    const text = l.text.replace(/\s+/g, " ").trim();
    const level = levelOf(l);
    const last = blocks[blocks.length - 1];
    const close = previous !== null && previous.page === l.page && l.top - previous.top <= previous.size * 1.9 && Math.round(previous.size) === Math.round(l.size);
    const continuesPreviousPage = previous !== null && previous.page === l.page - 1 && Math.round(previous.size) === Math.round(l.size) && /\p{Ll}/u.test(text[0] ?? "") ;
    const bullet = BULLET.exec(text);
    if (level > 0) {
      if (last?.kind === "heading" && close && last.level === level) last.text = joinLines(last.text, text);
      else blocks.push({ kind: "heading", level, text, where });
    } else if (bullet) {
      blocks.push({ kind: "listItem", level: 1, ordered: false, text: bullet[1]!, where });
    } else if ((close || continuesPreviousPage) && (last?.kind === "paragraph" || last?.kind === "listItem") && !STARTS_BLOCK.test(text)) {
      last.text = joinLines(last.text, text);
    } else {
      blocks.push({ kind: "paragraph", text, where });
    }
    previous = l;
  }
  return { blocks, warnings };
}
