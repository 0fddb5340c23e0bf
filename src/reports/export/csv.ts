// CSV of one export table: UTF-8 with a byte-order mark (so Excel reads å/ä/ö right), RFC 4180 quoting by papaparse's
// `unparse`, CRLF line ends, comma or semicolon between fields (semicolon for Excel set to Swedish, where the comma
// is the decimal sign; numbers with a fraction are then also written with a decimal comma).
import Papa from "papaparse";
import type { Cell, ExportTable } from "./rows.ts";

export type CsvDelimiter = "," | ";";
export const BOM = "\uFEFF";

/** A cell that starts like a formula (=, +, -, @, tab, CR) is prefixed with ' so a spreadsheet shows it as text. */
const FORMULA_LIKE = /^(?![-+]?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

function cellText(cell: Cell, delimiter: CsvDelimiter): string | number {
  if (cell === null) return "";
  if (typeof cell === "number" && delimiter === ";" && !Number.isInteger(cell)) return String(cell).replace(".", ",");
  return cell;
}

/** Rows as CSV text; `header` is the first row. */
export function toCsv(header: readonly string[], rows: readonly Cell[][], delimiter: CsvDelimiter = ","): string {
  const data = [header.slice(), ...rows.map((row) => row.map((cell) => cellText(cell, delimiter)))];
  return BOM + Papa.unparse(data, { delimiter, newline: "\r\n", quotes: false, escapeFormulae: FORMULA_LIKE }) + "\r\n";
}

export function tableCsv(table: ExportTable, delimiter: CsvDelimiter = ","): string {
  return toCsv(table.columns.map((c) => c.header), table.rows, delimiter);
}
