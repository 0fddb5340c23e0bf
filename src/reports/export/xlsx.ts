// The Excel workbook: one sheet per export table, typed cells (numbers as numbers, dates as dates), a bold header row
// with an autofilter over it, the header row frozen, and column widths from the table's columns.
import ExcelJS from "exceljs";
import type { ExportTable } from "./rows.ts";

/** Excel limits a sheet's name to 31 characters and forbids : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
}

function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export async function workbookOf(tables: readonly ExportTable[], options: { creator?: string; title?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "Samverka";
  if (options.title) workbook.title = options.title;
  // A fixed time, so the same data gives the same workbook.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName), { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(
        row.map((cell, i) => {
          if (cell === null || cell === "") return null;
          const type = table.columns[i]?.type;
          if (type === "date" && typeof cell === "string") return new Date(`${cell.slice(0, 10)}T00:00:00Z`);
          return cell;
        }),
      );
    }
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      if (c.type === "date") column.numFmt = "yyyy-mm-dd";
      if (c.type === "text" && c.width >= 50) column.alignment = { wrapText: true, vertical: "top" };
    });
    sheet.getRow(1).alignment = { vertical: "top", wrapText: false };
    sheet.autoFilter = { from: "A1", to: `${columnLetter(Math.max(1, table.columns.length))}1` };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
