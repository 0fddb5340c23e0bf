// One entry for every reader: the format is told by the file's content (its first bytes, and for a zip what it holds),
// not by its name; the name only tells Markdown from plain text and CSV from text. Every problem is a message key:
// an empty file, one too large, an old or password-protected Office file, a damaged Word file or PDF, a scanned PDF,
// a spreadsheet without a header row, a file that is not a document at all.
import type { Block } from "../recognise/blocks.ts";
import { goalWords, measureWords } from "../recognise/patterns.ts";
import { TableReader } from "../recognise/table.ts";
import { readDocx } from "./docx.ts";
import { PdfProblem, readPdf } from "./pdf.ts";
import type { ImportFormat, ReaderWarning, ReadResult } from "./reader-result.ts";
import { readCsv, readXlsx } from "./sheet.ts";
import { readText } from "./text.ts";
export type { ImportFormat, ReaderWarning, ReadResult } from "./reader-result.ts";

/** The largest file read: plans with pictures run to a few megabytes. */
export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
/** Whether a zip's directory names this entry (the names are stored as plain bytes in the zip). */
const zipHolds = (bytes: Uint8Array, name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, "latin1");

type Sniffed = ImportFormat | "zip" | "ole" | "binary";

function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (zipHolds(bytes, "word/document.xml")) return "docx";
    if (zipHolds(bytes, "xl/workbook.xml")) return "xlsx";
    return "zip";
  }
  // Compound files: Word 97–2003, Excel 97–2003, and Office files saved with a password (encrypted inside one).
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole";
  const head = bytes.subarray(0, 4096);
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length;
  if (head.includes(0) || controls > head.length * 0.02) return "binary";
  const name = fileName.toLowerCase();
  if (name.endsWith(".csv") || name.endsWith(".tsv")) return "csv";
  if (name.endsWith(".md") || name.endsWith(".markdown")) return "markdown";
  return "text";
}

/** Text in UTF-8 (with or without its mark), else Windows-1252 as older Swedish files are. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const problem = (key: string, params?: Record<string, string | number>): ReadResult => ({ ok: false, problem: { key, ...(params ? { params } : {}) } });

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.byteLength === 0) return problem("import.reader.empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) return problem("import.reader.tooLarge", { max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) });
  const format = sniff(bytes, fileName);
  if (format === "ole") return problem("import.reader.oldOrProtected");
  if (format === "zip" || format === "binary") return problem("import.reader.unsupported");
  const warnings: ReaderWarning[] = [];
  let blocks: Block[];
  try {
    switch (format) {
      case "pdf": {
        const read = await readPdf(bytes);
        blocks = read.blocks;
        warnings.push(...read.warnings);
        break;
      }
      case "docx":
        blocks = await readDocx(bytes);
        break;
      case "xlsx":
        blocks = await readXlsx(bytes);
        break;
      case "csv":
        blocks = readCsv(decode(bytes));
        break;
      default:
        blocks = readText(decode(bytes), { markdown: format === "markdown" });
    }
  } catch (error) {
    if (error instanceof PdfProblem) return problem(error.key);
    // mammoth, exceljs and JSZip throw on a damaged file; what they say is for developers, not for the user.
    return problem(format === "docx" ? "import.reader.docxCorrupt" : format === "xlsx" ? "import.reader.xlsxCorrupt" : "import.reader.unreadable");
  }
  if (format === "xlsx" || format === "csv") {
    const header = blocks[0];
    const reader = new TableReader(measureWords(), goalWords());
    if (!header || header.kind !== "tableRow" || reader.namedColumns(header.cells) < 2) return problem("import.reader.noHeaderRow");
  }
  if (!blocks.some((b) => (b.kind === "tableRow" ? b.cells.join("") : b.text).trim())) return problem("import.reader.noText");
  return { ok: true, format, blocks, warnings };
}
