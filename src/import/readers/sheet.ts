// Spreadsheets as blocks, one table row per sheet row: Excel (.xlsx, exceljs; every sheet with text, a cell's shown
// value) and CSV (papaparse; the separator found from the file: ";" as Swedish Excel writes, "," or tab). The first
// row with text is the header; a sheet whose first row names no known column is refused by the caller.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Block } from "../recognise/blocks.ts";

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined || value.result === null ? "" : String(value.result);
  }
  return cell.text ?? String(value);
}

function rowsToBlocks(rows: Array<{ cells: string[]; line: number; page?: number }>): Block[] {
  const blocks: Block[] = [];
  let headerSeen = false;
  for (const row of rows) {
    const cells = row.cells.map((c) => c.replace(/\r\n?/g, "\n").trim());
    while (cells.length > 0 && !cells[cells.length - 1]) cells.pop();
    if (!cells.some(Boolean)) continue;
    const where = row.page ? { page: row.page, line: row.line } : { line: row.line };
    blocks.push({ kind: "tableRow", cells, ...(headerSeen ? {} : { header: true }), where });
    headerSeen = true;
  }
  return blocks;
}

export async function readXlsx(bytes: Uint8Array): Promise<Block[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const blocks: Block[] = [];
  workbook.worksheets.forEach((sheet, i) => {
    const rows: Array<{ cells: string[]; line: number; page: number }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push({ cells, line: number, page: i + 1 });
    });
    // Each sheet is a table of its own with its own header; sheets after the first are read only when they hold rows.
    blocks.push(...rowsToBlocks(rows));
  });
  return blocks;
}

export function readCsv(text: string): Block[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t", "|"] });
  return rowsToBlocks(parsed.data.map((cells, i) => ({ cells: cells.map(String), line: i + 1 })));
}
