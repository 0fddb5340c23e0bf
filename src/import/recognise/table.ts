// Table rows (Word tables, spreadsheet rows): a header row names the columns ("Åtgärd | Beskrivning | Ansvarig nämnd |
// Preventionsnivå", "Nr | Mål | Titel | Ansvarig"); a row whose first cell is a measure's number is a measure; a two-cell
// row whose first cell is a field's label ("Ansvarig | Socialnämnden") is that field of the measure before.
import type { Block } from "./blocks.ts";
import { fold, squash } from "./fold.ts";
import { bareMeasureLine, fieldOf, goalLine, measureLine, type FieldName } from "./patterns.ts";

type Column = FieldName | "number" | "title" | "goal" | "measureCell" | null;

export type TableRowReading =
  | { kind: "measure"; number: string | null; title: string; goal: string | null; goalTitle: string | null; fields: Array<[FieldName, string]> }
  | { kind: "field"; field: FieldName; value: string }
  | { kind: "header" }
  | { kind: "unknown"; text: string };

/** The first sentence of a text as a title (at most 200 characters), for tables that give a measure's text only. */
export function firstSentence(text: string): string {
  const flat = squash(text);
  const sentence = /^(.{10,200}?[.!?])(\s|$)/u.exec(flat)?.[1] ?? flat;
  return sentence.length <= 200 ? sentence : `${sentence.slice(0, 197).replace(/\s+\S*$/, "")} …`;
}

export class TableReader {
  private columns: Column[] | null = null;

  constructor(
    private readonly measureWords: readonly string[],
    private readonly goalWords: readonly string[],
  ) {}

  reset() {
    this.columns = null;
  }

  private columnOf(header: string): Column {
    const key = squash(fold(header).replace(/[:*]/g, " "));
    if (/^(nr|nummer|number|id)$/u.test(key)) return "number";
    if (/^(titel|rubrik|namn|benamning)$/u.test(key)) return "title";
    if (this.goalWords.some((w) => key === w || key === `${w}et` || key === `${w}en`)) return "goal";
    if (this.measureWords.some((w) => key === w || key === `${w}er` || key === `${w}en`)) return "measureCell";
    return fieldOf(header);
  }

  /** How many of a row's cells name a column this reader knows (a spreadsheet's header row names at least two). */
  namedColumns(cells: readonly string[]): number {
    return cells.filter((c) => c.trim() && this.columnOf(c) !== null).length;
  }

  read(block: Extract<Block, { kind: "tableRow" }>): TableRowReading {
    const cells = block.cells.map((c) => c.trim());
    const first = cells[0] ?? "";
    const asHeader = cells.map((c) => this.columnOf(c));
    const named = asHeader.filter((c) => c !== null).length;
    if (block.header || (named >= 2 && named >= Math.ceil(cells.filter(Boolean).length / 2) && !measureLine(first, this.measureWords) && !bareMeasureLine(`${first} x`))) {
      this.columns = asHeader;
      return { kind: "header" };
    }

    // A label and its value.
    const label = cells.filter(Boolean).length === 2 && first.length <= 40 ? fieldOf(first) : null;
    if (label && !this.columns) return { kind: "field", field: label, value: cells.slice(1).join("\n") };

    const columns = this.columns ?? [];
    const numberAt = columns.findIndex((c) => c === "number" || c === "measureCell");
    const numberCell = numberAt >= 0 ? cells[numberAt] ?? "" : first;
    const numbered = measureLine(numberCell, this.measureWords) ?? bareMeasureLine(`${numberCell} `) ?? (/^\s*\d{1,2}([.:]\d{1,3})?\s*$/u.test(numberCell) ? { number: numberCell.trim(), rest: "" } : null);
    if (!numbered && !this.columns) return { kind: "unknown", text: cells.filter(Boolean).join(" | ") };

    const fields: Array<[FieldName, string]> = [];
    let title = numbered?.rest ?? "";
    let goal: string | null = null;
    let goalTitle: string | null = null;
    let text = "";
    cells.forEach((cell, i) => {
      if (i === (numberAt >= 0 ? numberAt : 0) && numbered) return;
      const column = columns[i] ?? null;
      if (!cell) return;
      if (column === "title") title = squash(cell);
      else if (column === "goal") {
        const g = goalLine(cell, this.goalWords);
        goal = g?.number ?? (/^\s*(\d{1,2})\b/u.exec(cell)?.[1] ?? null);
        goalTitle = g?.rest ?? null;
      } else if (column && column !== "number" && column !== "measureCell") fields.push([column, cell]);
      else if (!text) text = cell;
      else fields.push(["description", cell]);
    });
    if (!numbered && !title && !text && fields.length === 0) return { kind: "unknown", text: cells.filter(Boolean).join(" | ") };
    // A row with only text (no title column): its first sentence is the title, the whole text the description.
    if (!title) {
      const described = text || fields.find(([f]) => f === "description")?.[1] || "";
      title = firstSentence(described);
      if (text) fields.unshift(["description", text]);
    } else if (text) fields.unshift(["description", text]);
    return { kind: "measure", number: numbered?.number ?? null, title, goal, goalTitle, fields };
  }
}
